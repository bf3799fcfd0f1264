import { fc, test as propTest } from "@fast-check/jest";
import { normaliseEntry, type NormaliseContext, type RawEntry } from "./normalise-entry";

const percent: NormaliseContext = { expect: "number", measure: "rate", unitOfMeasure: "%", targetValue: 95 };
const count: NormaliseContext = { expect: "number", measure: "count", unitOfMeasure: "家", targetValue: 5 };
const amount: NormaliseContext = {
  expect: "number",
  measure: "amount",
  unitOfMeasure: "元",
  targetValue: 1000,
};
const wanYuan: NormaliseContext = {
  expect: "number",
  measure: "amount",
  unitOfMeasure: "万元",
  targetValue: 2000,
};
const plain: NormaliseContext = { expect: "number" };

const read = (value: RawEntry["value"], context: NormaliseContext = plain, numFmt?: string) =>
  normaliseEntry({ value, ...(numFmt ? { numFmt } : {}) }, context);
const entry = (value: RawEntry["value"], context: NormaliseContext = plain, numFmt?: string) =>
  read(value, context, numFmt).entry;
const codes = (value: RawEntry["value"], context: NormaliseContext = plain, numFmt?: string) =>
  read(value, context, numFmt).notes.map((n) => n.code);

describe("normaliseEntry: numbers", () => {
  test.each([
    [96, 96],
    ["96", 96],
    ["９６", 96],
    [" 96 ", 96],
    ["\u300096\u3000", 96],
    ["'96", 96],
    ["3,000", 3000],
    ["3，000", 3000],
    ["1,234,567.5", 1234567.5],
    ["-2.5", -2.5],
    [".5", 0.5],
  ])("%p is the number %p", (raw, expected) => {
    expect(entry(raw)).toEqual({ kind: "number", value: expected });
  });

  test("numeric text is read with an info note, a number cell without one", () => {
    expect(codes("96")).toEqual(["check.text_in_number_cell"]);
    expect(codes(96)).toEqual([]);
  });

  test("a thousands separator in the wrong place is not a number", () => {
    expect(entry("3,00")).toMatchObject({ kind: "invalid", code: "check.not_a_number" });
  });
});

describe("normaliseEntry: percentages", () => {
  test.each([["95%"], ["95％"], ["９５％"], [" 95 % "]])("%p in a %% row is 95", (raw) => {
    expect(entry(raw, percent)).toEqual({ kind: "number", value: 95 });
  });

  test("0.95 in a percent-formatted cell is 95 (what the clerk sees)", () => {
    expect(entry(0.95, percent, "0%")).toEqual({ kind: "number", value: 95 });
    expect(entry(0.955, percent, "0.00%")).toEqual({ kind: "number", value: 95.5 });
    expect(codes(0.95, percent, "0%")).toEqual(["check.percent_from_format"]);
  });

  test("0.95 in a plain cell against a 95% target is ambiguous: kept as typed, with a warning", () => {
    expect(entry(0.95, percent)).toEqual({ kind: "number", value: 0.95 });
    expect(codes(0.95, percent)).toEqual(["check.percent_ambiguous"]);
  });

  test("0.5 against a 0.8% target is not ambiguous", () => {
    expect(codes(0.5, { ...percent, targetValue: 0.8 })).toEqual([]);
  });

  test("95 in a plain cell of a % row is 95", () => {
    expect(read(95, percent)).toEqual({ entry: { kind: "number", value: 95 }, notes: [] });
  });

  test("a percent sign in a row counted in 家 is a unit mismatch, never a silent 0.95", () => {
    expect(entry("95%", count)).toMatchObject({ kind: "invalid", code: "check.unit_mismatch" });
  });

  test("‰ and % convert into each other", () => {
    expect(entry("1.5%", { ...percent, unitOfMeasure: "‰" })).toEqual({ kind: "number", value: 15 });
    expect(entry("15‰", percent)).toEqual({ kind: "number", value: 1.5 });
  });
});

describe("normaliseEntry: units and multipliers", () => {
  test("2000万 is 20,000,000 in a 元 row, flagged, never 0", () => {
    expect(entry("2000万", amount)).toEqual({ kind: "number", value: 20_000_000 });
    expect(codes("2000万", amount)).toContain("check.scaled_value");
    expect(entry("2000万元", amount)).toEqual({ kind: "number", value: 20_000_000 });
  });

  test("2000万 in a 万元 row is 2000; 1.2亿元 is 12000 万元", () => {
    expect(read("2000万元", wanYuan)).toMatchObject({ entry: { kind: "number", value: 2000 } });
    expect(codes("2000万元", wanYuan)).not.toContain("check.scaled_value");
    expect(entry("1.2亿元", wanYuan)).toEqual({ kind: "number", value: 12000 });
  });

  test("the row's own unit after the number is accepted: 12家", () => {
    expect(entry("12家", count)).toEqual({ kind: "number", value: 12 });
  });

  test("another unit is a mismatch: 5人 in a 家 row", () => {
    expect(entry("5人", count)).toMatchObject({
      kind: "invalid",
      code: "check.unit_mismatch",
      data: { got: "5人" },
    });
  });

  test("1:2 in a ratio row is 2", () => {
    expect(entry("1:2", { expect: "number", measure: "ratio", unitOfMeasure: "ratio" })).toEqual({
      kind: "number",
      value: 2,
    });
  });
});

describe("normaliseEntry: Chinese numerals", () => {
  test.each([
    ["三家", 3],
    ["十二", 12],
    ["两", 2],
    ["二十五家", 25],
  ])("%p in a count is %p", (raw, expected) => {
    expect(entry(raw, count)).toEqual({ kind: "number", value: expected });
    expect(codes(raw, count)).toContain("check.chinese_numeral");
  });

  test("八十五 in a rate is not a number (Chinese numerals only in counts)", () => {
    expect(entry("八十五", percent)).toMatchObject({ kind: "invalid", code: "check.not_a_number" });
  });
});

describe("normaliseEntry: zero, blank and not applicable are three answers", () => {
  test.each([[null], [""], ["   "], ["'"], ["\u3000"]])("%p is blank", (raw) => {
    expect(entry(raw)).toEqual({ kind: "blank" });
  });
  test.each([["不适用"], ["—"], ["/"], ["无"], ["－"], ["N/A"], ["——"]])("%p is not applicable", (raw) => {
    expect(entry(raw)).toMatchObject({ kind: "notApplicable" });
  });
  test("0 and '0' are the number zero", () => {
    expect(entry(0)).toEqual({ kind: "number", value: 0 });
    expect(entry("0")).toEqual({ kind: "number", value: 0 });
  });
});

describe("normaliseEntry: dates, formulas, errors", () => {
  test("a number in a date-formatted figure cell is a date, not a figure", () => {
    expect(entry(45356, plain, "m/d/yy")).toMatchObject({
      kind: "invalid",
      code: "check.date_in_number_cell",
      data: { got: "2024-03-05" },
    });
    expect(entry("2024-03-05")).toMatchObject({ kind: "invalid", code: "check.date_in_number_cell" });
  });

  test("a formula uses its cached value, and is a finding without one", () => {
    expect(normaliseEntry({ value: 12, formula: "A1+B1" }, plain).entry).toEqual({
      kind: "number",
      value: 12,
    });
    expect(normaliseEntry({ value: null, formula: "A1+B1" }, plain).entry).toMatchObject({
      kind: "invalid",
      code: "check.formula_no_value",
    });
  });

  test("an error value is reported", () => {
    expect(normaliseEntry({ value: null, error: "#DIV/0!" }, plain).entry).toMatchObject({
      kind: "invalid",
      code: "check.error_value",
      data: { got: "#DIV/0!" },
    });
  });

  test("dates: serials, text in several forms, impossible dates", () => {
    const date: NormaliseContext = { expect: "date" };
    expect(entry(45483, date, "yyyy-mm-dd")).toEqual({ kind: "date", value: "2024-07-10" });
    expect(entry("2024年7月10日", date)).toEqual({ kind: "date", value: "2024-07-10" });
    expect(entry("2024.7.10", date)).toEqual({ kind: "date", value: "2024-07-10" });
    expect(entry("２０２４/７/１０", date)).toEqual({ kind: "date", value: "2024-07-10" });
    expect(entry("2024-02-30", date)).toMatchObject({ kind: "invalid", code: "check.bad_date" });
    expect(entry("2024-07-10T00:00:00.000Z", date)).toEqual({ kind: "date", value: "2024-07-10" });
  });

  test("status: choices, synonyms, anything else", () => {
    const status: NormaliseContext = { expect: "status" };
    expect(entry("已完成", status)).toEqual({ kind: "text", text: "已完成" });
    expect(read("完成", status)).toMatchObject({
      entry: { kind: "text", text: "已完成" },
      notes: [{ code: "check.status_read_as" }],
    });
    expect(entry("差不多", status)).toMatchObject({ kind: "invalid", code: "check.bad_status" });
  });

  test("booleans are not figures", () => {
    expect(entry(true)).toMatchObject({ kind: "invalid", code: "check.not_a_number" });
  });
});

// ── Properties (run with --show-seed to reproduce a failure) ────────────────────────────────────────────

const contexts = fc.constantFrom<NormaliseContext>(percent, count, amount, wanYuan, plain, {
  expect: "date",
});
const typed = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(..."0123456789０１２３４５６７８９.,，%％万亿元家三十 '—/-") }),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);
const formats = fc.constantFrom("General", "0%", "0.00", "yyyy-mm-dd", "@");

/** The normalised entry written back as a plain cell, as a clerk who retyped it would. */
function canonical(e: ReturnType<typeof entry>): RawEntry["value"] | undefined {
  switch (e.kind) {
    case "number":
    case "date":
      return e.value;
    case "text":
    case "notApplicable":
      return e.text;
    case "blank":
      return null;
    case "invalid":
      return undefined;
  }
}

describe("normaliseEntry properties", () => {
  propTest.prop([typed, contexts, formats])("never throws", (value, context, numFmt) => {
    expect(() => normaliseEntry({ value, numFmt }, context)).not.toThrow();
  });

  propTest.prop([typed, contexts, formats])(
    "is idempotent: reading its own result gives it back",
    (value, context, numFmt) => {
      const first = normaliseEntry({ value, numFmt }, context).entry;
      const again = canonical(first);
      if (again === undefined) return;
      expect(normaliseEntry({ value: again }, context).entry).toEqual(first);
    },
  );

  propTest.prop([fc.stringMatching(/^[0-9]{1,6}(\.[0-9]{1,3})?%?$/), contexts])(
    "full-width digits read the same as half-width",
    (text, context) => {
      const wide = text.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      expect(normaliseEntry({ value: wide }, context).entry).toEqual(
        normaliseEntry({ value: text }, context).entry,
      );
    },
  );

  propTest.prop([fc.integer({ min: 0, max: 10_000 })])('"N%" typed equals N/100 in a percent cell', (n) => {
    const typedText = normaliseEntry({ value: `${n / 10}%` }, percent).entry;
    const inPercentCell = normaliseEntry({ value: n / 1000, numFmt: "0.0%" }, percent).entry;
    expect(inPercentCell).toEqual(typedText);
  });

  propTest.prop([fc.integer({ min: -1e9, max: 1e9 })])(
    "a number cell reads as itself outside % rows",
    (n) => {
      expect(normaliseEntry({ value: n }, amount).entry).toEqual({ kind: "number", value: n });
    },
  );
});

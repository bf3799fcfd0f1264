import { makeFinding } from "../findings/make-finding";
import { makeReturn, makeSpec, makeTaskList, makeTarget } from "./builders";
import { consolidateReturns } from "./consolidate";
import { filledOnDate } from "./dates";
import type { CheckedInput } from "./types";

const spec = makeSpec();
const rate = (numerator: number, denominator: number) => ({ "T1.1": { numerator, denominator } });

describe("consolidateReturns", () => {
  it("recomputes a rate from summed numerators and denominators, never averaging the units' rates", () => {
    const result = consolidateReturns([
      makeReturn(spec, { unit: "甲县", figures: rate(90, 100) }),
      makeReturn(spec, { unit: "乙县", figures: rate(10, 900) }),
    ]);
    const t = result.summaries[0]!.targets.find((x) => x.key === "T1.1")!;
    expect(t.numerator).toBe(100);
    expect(t.denominator).toBe(1000);
    expect(t.value).toBe(10); // the mean of 90% and 1.11% would be 45.56
    expect([t.min, t.median, t.max]).toEqual([1.11, 45.56, 90]);
    expect([t.attained, t.notAttained, t.blank]).toEqual([1, 1, 1]); // 丙县 missing → blank
    expect(t.aggregateAttainment).toBe("not_attained");
  });

  it("sums counts and amounts of an area's target and judges the sum, not each unit's contribution", () => {
    const result = consolidateReturns([
      makeReturn(spec, { unit: "甲县", figures: { "T1.2": { value: 3 }, "T1.3": { value: 99.5 } } }),
      makeReturn(spec, { unit: "乙县", figures: { "T1.2": { value: 2 }, "T1.3": { value: "不适用" } } }),
    ]);
    const [, count, amount] = result.summaries[0]!.targets;
    // 新建胸痛中心 ≥3家 is the area's (建成/新建): 3 + 2 = 5 meets it, though 乙县's 2 alone would not.
    expect([count!.scope, count!.method, count!.value, count!.met]).toEqual(["total", "sum", 5, true]);
    expect([...count!.byUnitAttainment]).toEqual(["contribution", "contribution", "blank"]);
    expect([count!.notAttained, count!.unitsMet]).toEqual([0, null]);
    // 设备投入 ≥100万元: 99.5 in all misses it, on the aggregate.
    expect([amount!.value, amount!.met, amount!.aggregateAttainment]).toEqual([99.5, false, "not_attained"]);
    expect([amount!.reporting, amount!.notApplicable, amount!.notAttained]).toEqual([1, 1, 0]);
  });

  it("judges each unit's target unit by unit: n of m units, never the sum against a goal meant for one", () => {
    const s = makeSpec(
      ["甲县", "乙县", "丙县"],
      makeTaskList({
        targets: [
          makeTarget({
            op: "between",
            min: 3,
            max: 5,
            indicator: "重症医学科人员培训次数",
            unitOfMeasure: "次",
          } as never),
        ],
      }),
    );
    const t = (units: Record<string, number>) =>
      consolidateReturns(
        Object.entries(units).map(([unit, value]) => makeReturn(s, { unit, figures: { "T1.1": { value } } })),
      ).summaries[0]!.targets[0]!;
    const all = t({ 甲县: 3, 乙县: 5, 丙县: 4 });
    expect([all.scope, all.method, all.value]).toEqual(["each", "sum", 12]);
    expect([all.unitsMet, all.reporting, all.met, all.aggregateAttainment]).toEqual([3, 3, true, "attained"]);
    const one = t({ 甲县: 3, 乙县: 6, 丙县: 4 });
    expect([one.unitsMet, one.reporting, one.met]).toEqual([2, 3, false]);
    expect([...one.byUnitAttainment]).toEqual(["attained", "not_attained", "attained"]);
    // 丙县 sent nothing (a matter of 报送情况): judged on the units that reported.
    const missing = t({ 甲县: 3, 乙县: 4 });
    expect([missing.unitsMet, missing.reporting, missing.blank, missing.met]).toEqual([2, 2, 1, true]);
    const blank = consolidateReturns([
      makeReturn(s, { unit: "甲县", figures: { "T1.1": { value: 3 } } }),
      makeReturn(s, { unit: "乙县", figures: {} }),
    ]).summaries[0]!.targets[0]!;
    expect([blank.unitsMet, blank.reporting, blank.met]).toEqual([1, 1, null]);
  });

  it("averages what never adds up (ages, indices, per-capita figures) and judges the mean", () => {
    const s = makeSpec(
      ["甲县", "乙县", "丙县"],
      makeTaskList({
        targets: [makeTarget({ op: ">=", value: 79.5, indicator: "人均预期寿命", unitOfMeasure: "岁" })],
      }),
    );
    const t = consolidateReturns(
      [79.2, 80.1, 79.6].map((value, i) =>
        makeReturn(s, { unit: ["甲县", "乙县", "丙县"][i], figures: { "T1.1": { value } } }),
      ),
    ).summaries[0]!.targets[0]!;
    expect([t.scope, t.method]).toEqual(["total", "mean"]);
    expect(t.value).toBe(79.63); // never 238.9, the sum
    expect([t.min, t.median, t.max, t.met]).toEqual([79.2, 79.6, 80.1, true]);
  });

  it("keeps the return filled latest when a unit sends two, and lists both with the reason", () => {
    const early = makeReturn(spec, {
      unit: "甲县",
      file: "a.xlsx",
      filledOn: "2024-07-08",
      figures: { "T1.2": { value: 1 } },
    });
    const late = makeReturn(spec, {
      unit: "甲县",
      file: "b.xlsx",
      filledOn: "2024-07-01",
      figures: { "T1.2": { value: 7 } },
    });
    const result = consolidateReturns([early, late]);
    const s = result.summaries[0]!;
    expect(s.targets[1]!.value).toBe(1); // a.xlsx has the later 填报日期
    expect(result.files.map((f) => [f.file, f.outcome])).toEqual([
      ["a.xlsx", "used"],
      ["b.xlsx", "superseded"],
    ]);
    const dup = [...result.findings].find((f) => f.code === "consolidate.duplicate")!;
    expect(dup.location).toEqual({ kind: "file", file: "b.xlsx" });
    expect(dup.message.zh).toContain("填报日期更晚");
    expect(s.unitReports[0]!.returns).toBe(2);
    expect([...s.records].filter((r) => r.file === "b.xlsx").every((r) => r.status === "superseded")).toBe(
      true,
    );
  });

  it("breaks a tie on 填报日期 by the file's time", () => {
    const a = makeReturn(spec, { file: "a.xlsx", fileTime: "2024-07-05T09:00:00" });
    const b = makeReturn(spec, { file: "b.xlsx", fileTime: "2024-07-05T11:00:00" });
    const result = consolidateReturns([b, a]);
    expect(result.files.find((f) => f.file === "b.xlsx")!.outcome).toBe("used");
    expect([...result.findings].find((f) => f.code === "consolidate.duplicate")!.message.zh).toContain(
      "文件时间更晚",
    );
  });

  it("lists missing, late and unexpected units against the unit list", () => {
    const result = consolidateReturns(
      [
        makeReturn(spec, { unit: "甲县", filledOn: "2024-07-10", figures: { "T1.2": { value: 3 } } }),
        makeReturn(spec, { unit: "乙县", filledOn: "2024年7月11日", figures: { "T1.2": { value: 4 } } }),
        makeReturn(spec, { unit: "丁县", figures: { "T1.2": { value: 5 } } }),
      ],
      { units: ["甲县", "乙县", "丙县"] },
    );
    const s = result.summaries[0]!;
    expect(s.units).toEqual(["甲县", "乙县", "丙县", "丁县"]);
    expect(s.unitReports.map((u) => [u.unit, u.state, u.late])).toEqual([
      ["甲县", "received", false], // on the deadline is not late
      ["乙县", "received", true],
      ["丙县", "missing", false],
      ["丁县", "unexpected", false],
    ]);
    const codes = [...result.findings].map((f) => f.code).sort();
    expect(codes).toEqual(["consolidate.late", "consolidate.missing_unit", "consolidate.unexpected_unit"]);
  });

  it("tells a copy sent back blank (未填写) from a return, and judges lateness by 填报日期, else the file's time", () => {
    const result = consolidateReturns(
      [
        // Nothing entered on any row, sent after the deadline: no answer yet, so neither received nor late.
        makeReturn(spec, { unit: "甲县", filledOn: "2024-07-20" }),
        // 填报日期 on the deadline, the file saved later: on time (the unit's date is what counts).
        makeReturn(spec, {
          unit: "乙县",
          filledOn: "2024-07-10",
          fileTime: "2024-07-15T09:00:00",
          figures: { "T1.2": { value: 4 } },
        }),
        // No 填报日期: the file's time decides, and the summary says so.
        makeReturn(spec, {
          unit: "丙县",
          filledOn: null,
          fileTime: "2024-07-15T09:00:00",
          figures: { "T1.2": { value: 5 } },
        }),
      ],
      { units: ["甲县", "乙县", "丙县"] },
    );
    const s = result.summaries[0]!;
    expect(s.unitReports.map((u) => [u.unit, u.state, u.late, u.lateBy])).toEqual([
      ["甲县", "unfilled", false, null],
      ["乙县", "received", false, null],
      ["丙县", "received", true, "fileTime"],
    ]);
  });

  it("consolidates a return with errors with its figures marked, and rejects it with --strict", () => {
    const error = makeFinding("consolidate.no_unit", {
      kind: "cell",
      file: "甲县.xlsx",
      sheet: "填报表",
      cell: "G8",
    });
    const bad = makeReturn(spec, { unit: "甲县", figures: rate(90, 100), findings: [error] });
    const loose = consolidateReturns([bad]);
    expect(loose.files[0]!.outcome).toBe("used_with_errors");
    expect([...loose.summaries[0]!.records].find((r) => r.cell === "G8")!.status).toBe("error");
    expect(loose.summaries[0]!.targets[0]!.value).toBe(90);
    const strict = consolidateReturns([bad], { strict: true });
    expect(strict.files[0]!.outcome).toBe("rejected");
    expect(strict.summaries[0]!.targets[0]!.value).toBeNull();
    expect(strict.summaries[0]!.unitReports[0]!.state).toBe("rejected");
    expect(strict.summaries[0]!.unitReports[0]!.reason!.zh).toContain("--strict");
    expect([...strict.summaries[0]!.records].every((r) => r.status === "rejected")).toBe(true);
  });

  it("keeps every entry as a tidy record with its source", () => {
    const r = makeReturn(spec, {
      unit: "甲县",
      figures: { ...rate(9, 10), T1: { status: "滞后", note: "设备未到" } },
    });
    const records = [...consolidateReturns([r]).summaries[0]!.records];
    expect(records).toHaveLength(r.entries.length);
    expect(records.find((x) => x.field === "status")).toMatchObject({
      unit: "甲县",
      key: "T1",
      task: "提升床位使用效率",
      value: "滞后",
      file: "甲县.xlsx",
      sheet: "填报表",
      sha256: "sha-甲县.xlsx",
    });
  });

  it("makes the records each time they are gone through, the same each time, as many as it says", () => {
    const a = makeReturn(spec, { unit: "甲县", figures: { ...rate(9, 10), T1: { status: "滞后" } } });
    const b = makeReturn(spec, { unit: "乙县", figures: rate(4, 10) });
    const { records } = consolidateReturns([a, b]).summaries[0]!;
    const first = [...records];
    expect(first).toHaveLength(records.length);
    expect(records.length).toBe(a.entries.length + b.entries.length);
    expect([...records]).toEqual(first);
    // Returns in file-name order, whatever order they were given in: 乙县.xlsx (U+4E59) before 甲县.xlsx (U+7532).
    expect(first.map((r) => r.unit)).toEqual([
      ...b.entries.map(() => "乙县"),
      ...a.entries.map(() => "甲县"),
    ]);
  });

  it("groups returns by template and lists inputs that are not returns", () => {
    const other = makeSpec(["甲县"], makeTaskList({ title: "2024年疾控工作要点" }));
    const notReturn: CheckedInput = {
      kind: "not_return",
      file: "readme.txt",
      sha256: "x",
      fileTime: null,
      findings: [],
    };
    const result = consolidateReturns([
      makeReturn(spec, { unit: "甲县" }),
      notReturn,
      makeReturn(other, { unit: "甲县", file: "o.xlsx" }),
      makeReturn(spec, { unit: "乙县" }),
    ]);
    expect(result.summaries.map((s) => s.spec.templateId)).toEqual([spec.templateId, other.templateId]);
    // In file-name order: o.xlsx, readme.txt, 乙县.xlsx, 甲县.xlsx.
    expect(result.files.map((f) => f.outcome)).toEqual(["other_template", "not_return", "used", "used"]);
    expect(result.summaries[0]!.files).toHaveLength(4);
  });

  it("says so when no input is a return", () => {
    const result = consolidateReturns([
      { kind: "not_return", file: "a.pdf", sha256: "", fileTime: null, findings: [] },
    ]);
    expect(result.summaries).toHaveLength(0);
    expect([...result.findings].map((f) => f.code)).toEqual(["consolidate.no_returns"]);
  });

  it("fills the summary as a return one level up: Σ分子/Σ分母 for rates, sums for counts", () => {
    const result = consolidateReturns(
      [
        makeReturn(spec, { unit: "甲县", figures: { ...rate(3, 4), "T1.2": { value: 2 } } }),
        makeReturn(spec, { unit: "乙县", figures: rate(1, 4) }),
      ],
      { summaryUnit: "某市" },
    );
    const { unit, values } = result.summaries[0]!.asReturn;
    expect(unit).toBe("某市");
    expect(values).toEqual([
      { key: "T1.1", field: "numerator", value: 4 },
      { key: "T1.1", field: "denominator", value: 8 },
      { key: "T1.2", field: "value", value: 2 },
    ]);
  });

  it("rolls task statuses up: finished only when all finished, behind when any is behind", () => {
    const status = (unit: string, s: string, problems?: string) =>
      makeReturn(spec, {
        unit,
        figures: { T1: { status: s, ...(problems ? { problems } : {}) }, T2: { status: "已完成" } },
      });
    const s = consolidateReturns([status("甲县", "已完成"), status("乙县", "滞后", "资金未到位")])
      .summaries[0]!;
    expect(s.progress.map((p) => p.rolledUp)).toEqual(["滞后", "已完成"]);
    expect(s.progress[0]!.counts).toEqual({ 已完成: 1, 滞后: 1 });
    expect(s.asReturn.values).toContainEqual({ key: "T1", field: "problems", value: "乙县：资金未到位" });
  });

  it("rolls per-capita figures up by their mean, not their sum", () => {
    const s2 = makeSpec(
      ["甲县", "乙县"],
      makeTaskList({
        targets: [makeTarget({ op: ">=", value: 3, indicator: "床位数", unitOfMeasure: "张/千人" })],
      }),
    );
    const t = consolidateReturns([
      makeReturn(s2, { unit: "甲县", figures: { "T1.1": { value: 2 } } }),
      makeReturn(s2, { unit: "乙县", figures: { "T1.1": { value: 5 } } }),
    ]).summaries[0]!.targets[0]!;
    expect([t.method, t.value]).toEqual(["mean", 3.5]);
  });
});

describe("filledOnDate", () => {
  it.each([
    ["2024-07-08", "2024-07-08"],
    ["2024/7/8", "2024-07-08"],
    ["２０２４年７月８日", "2024-07-08"],
    [45481, "2024-07-08"],
    ["20240708", "2024-07-08"],
    ["2024-02-30", null],
    ["昨天", null],
    [null, null],
  ])("reads %p as %p", (input, expected) => expect(filledOnDate(input)).toBe(expected));
});

import { chineseToNumber } from "../plan/numerals";
import { STATUSES, type Measure } from "../template/spec";
import { MULTIPLIER_WORDS, NOT_APPLICABLE_WORDS, STATUS_SYNONYMS } from "./lexicon";
import { isDateFormat, isPercentFormat, serialToDate } from "./number-format";
import { readDateText } from "./read-date";

/** A cell's content as the normaliser sees it (a subset of RawCell, so tests can build one by hand). */
export interface RawEntry {
  readonly value: number | string | boolean | null;
  readonly error?: string;
  readonly formula?: string;
  /** Number format code; "General" when absent. */
  readonly numFmt?: string;
}

/** What the cell should hold, and what the row's target says about it. */
export interface NormaliseContext {
  /** number: a figure (完成值, 分子, 分母); text: free text; date: 填报日期; status: 进展情况. */
  readonly expect: "number" | "text" | "date" | "status";
  /** The row's measure: Chinese numerals (三家) are read only in counts. */
  readonly measure?: Measure | null;
  /** The figure's unit of measure ("%", "家", "万元"…); text after a number must agree with it. */
  readonly unitOfMeasure?: string | null;
  /** The target's reference value in its unit (value, or max of a range): tells 0.95 from 95 in a % row. */
  readonly targetValue?: number | null;
}

/** Codes of the normaliser's notes: a subset of the check catalogue. */
export type NormaliseNoteCode =
  | "check.text_in_number_cell"
  | "check.scaled_value"
  | "check.chinese_numeral"
  | "check.percent_from_format"
  | "check.percent_ambiguous"
  | "check.status_read_as";

/** Codes of the normaliser's failures: a subset of the check catalogue. */
export type NormaliseProblemCode =
  | "check.not_a_number"
  | "check.unit_mismatch"
  | "check.date_in_number_cell"
  | "check.formula_no_value"
  | "check.error_value"
  | "check.bad_status"
  | "check.bad_date";

export interface NormaliseNote {
  readonly code: NormaliseNoteCode;
  readonly data: Readonly<Record<string, string | number>>;
}

/**
 * A normalised entry. Zero, blank and not applicable are three different answers: `{ kind: "number", value: 0 }`,
 * `{ kind: "blank" }` and `{ kind: "notApplicable" }`.
 */
export type NormalisedEntry =
  | { readonly kind: "blank" }
  | { readonly kind: "notApplicable"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "date"; readonly value: string }
  | {
      readonly kind: "invalid";
      readonly code: NormaliseProblemCode;
      readonly data: Readonly<Record<string, string | number>>;
    };

export interface NormaliseResult {
  readonly entry: NormalisedEntry;
  readonly notes: readonly NormaliseNote[];
}

const BLANK: NormaliseResult = { entry: { kind: "blank" }, notes: [] };
const ok = (entry: NormalisedEntry, notes: readonly NormaliseNote[] = []): NormaliseResult => ({
  entry,
  notes,
});
const invalid = (code: NormaliseProblemCode, got: string, extra: Record<string, string | number> = {}) =>
  ok({ kind: "invalid", code, data: { got, ...extra } });

/** Drops floating-point noise: 0.95 * 100 → 95, not 94.99999999999999. */
const tidy = (n: number): number =>
  Number.isSafeInteger(n) ? n || 0 : Object.is(n, -0) ? 0 : Number(n.toPrecision(12));

/**
 * Cleans typed text: full-width to half-width (NFKC, unless `fold` is false: notes keep their punctuation), spaces at both ends (also the ideographic space), and the
 * leading apostrophe Excel and WPS use to force text.
 */
export function cleanText(text: string, fold = true): string {
  return (fold ? text.normalize("NFKC") : text).replace(/^[\s\uFEFF'‘’]+/, "").replace(/[\s\uFEFF]+$/, "");
}

/**
 * Reads one cell of a return into a number, a date, text, not applicable, blank, or invalid with the reason,
 * plus notes about how it was read. Never throws; reading its own result again gives the same result.
 * @example normaliseEntry({ value: "９５％" }, { expect: "number", unitOfMeasure: "%" }) // → { entry: { kind: "number", value: 95 }, notes: [text_in_number_cell] }
 * @example normaliseEntry({ value: 0.95, numFmt: "0%" }, { expect: "number", unitOfMeasure: "%" }) // → { entry: { kind: "number", value: 95 }, … }
 * @example normaliseEntry({ value: "三家" }, { expect: "number", measure: "count", unitOfMeasure: "家" }) // → 3
 * @example normaliseEntry({ value: "不适用" }, { expect: "number" }) // → { entry: { kind: "notApplicable", text: "不适用" } }
 */
export function normaliseEntry(raw: RawEntry, context: NormaliseContext): NormaliseResult {
  if (raw.error) return invalid("check.error_value", raw.error);
  if (raw.formula !== undefined && (raw.value === null || raw.value === "")) {
    return invalid("check.formula_no_value", `=${raw.formula}`);
  }
  if (raw.value === null) return BLANK;
  switch (context.expect) {
    case "number":
      return normaliseNumber(raw, context);
    case "date":
      return normaliseDate(raw);
    case "status":
      return normaliseStatus(raw.value);
    case "text": {
      const text = typeof raw.value === "string" ? cleanText(raw.value, false) : String(raw.value);
      return text ? ok({ kind: "text", text }) : BLANK;
    }
  }
}

function isNotApplicable(text: string): boolean {
  return NOT_APPLICABLE_WORDS.includes(text.toLowerCase());
}

function normaliseNumber(raw: RawEntry, context: NormaliseContext): NormaliseResult {
  const value = raw.value;
  if (typeof value === "boolean") return invalid("check.not_a_number", String(value).toUpperCase());
  if (typeof value === "number") return normaliseNumericCell(value, raw.numFmt ?? "General", context);
  const text = cleanText(value ?? "");
  if (!text) return BLANK;
  if (isNotApplicable(text)) return ok({ kind: "notApplicable", text });
  const read = readNumberText(text.replace(/[\s\u3000]+/g, ""), context);
  if (read.entry.kind !== "number") return read;
  return ok(read.entry, [{ code: "check.text_in_number_cell", data: { got: text } }, ...read.notes]);
}

function normaliseNumericCell(value: number, numFmt: string, context: NormaliseContext): NormaliseResult {
  if (!Number.isFinite(value)) return invalid("check.not_a_number", String(value));
  if (isDateFormat(numFmt)) {
    return invalid("check.date_in_number_cell", serialToDate(value) ?? String(value), { serial: value });
  }
  const unit = context.unitOfMeasure ?? null;
  if (isPercentFormat(numFmt)) {
    const shown = tidy(value * 100);
    if (!Number.isFinite(shown)) return invalid("check.not_a_number", String(value));
    if (unit === "%") {
      return ok({ kind: "number", value: shown }, [
        { code: "check.percent_from_format", data: { got: value, value: shown } },
      ]);
    }
    return invalid("check.unit_mismatch", `${shown}%`, { unit: unit ?? "" });
  }
  const n = tidy(value);
  const target = context.targetValue;
  if (unit === "%" && target !== null && target !== undefined && target > 1 && n > 0 && n <= 1) {
    return ok({ kind: "number", value: n }, [
      { code: "check.percent_ambiguous", data: { got: n, asPercent: tidy(n * 100), target } },
    ]);
  }
  return ok({ kind: "number", value: n });
}

const NUMBER_TEXT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(.*)$/;
const CHINESE_NUMBER_TEXT = /^([零〇一二两三四五六七八九十百千]+)(.*)$/;
const DATE_LIKE = /^(?:19|20)\d\d[-/.年]\d{1,2}(?:[-/.月]\d{1,2}日?|月)?$/;
const RATIO_TEXT = /^1:(\d+(?:\.\d+)?)$/;

/** Text such as "3,000", "95%", "2000万", "三家", "1:2" read as a number in the row's unit of measure. */
function readNumberText(text: string, context: NormaliseContext): NormaliseResult {
  const unit = context.unitOfMeasure ?? null;
  if (DATE_LIKE.test(text)) return invalid("check.date_in_number_cell", text);
  const ratio = RATIO_TEXT.exec(text);
  if (ratio && unit === "ratio") return ok({ kind: "number", value: Number(ratio[1]) });
  const m = NUMBER_TEXT.exec(text);
  if (m) return applySuffix(Number((m[1] ?? "").replace(/,/g, "")), m[2] ?? "", text, unit, []);
  const cn = context.measure === "count" ? CHINESE_NUMBER_TEXT.exec(text) : null;
  const cnValue = cn ? chineseToNumber(cn[1] ?? "") : null;
  if (cn && cnValue !== null) {
    const note: NormaliseNote = { code: "check.chinese_numeral", data: { got: text, value: cnValue } };
    return applySuffix(cnValue, cn[2] ?? "", text, unit, [note]);
  }
  return invalid("check.not_a_number", text);
}

/** Splits a leading multiplier off a unit: "万元" → [10000, "元"], "家" → [1, "家"]. */
function splitMultiplier(unit: string): [number, string] {
  for (const len of [2, 1]) {
    const head = unit.slice(0, len);
    const mult = MULTIPLIER_WORDS[head];
    if (mult !== undefined && unit.length >= len) return [mult, unit.slice(len)];
  }
  return [1, unit];
}

function applySuffix(
  n: number,
  suffix: string,
  text: string,
  unit: string | null,
  notes: NormaliseNote[],
): NormaliseResult {
  if (!Number.isFinite(n) || /^[\d,.:]/.test(suffix)) return invalid("check.not_a_number", text);
  if (suffix === "" || suffix === unit) return ok({ kind: "number", value: tidy(n) }, notes);
  if (suffix === "%" || suffix === "‰") {
    if (unit === "%" || unit === "‰") {
      const scale = suffix === unit ? 1 : suffix === "%" ? 10 : 0.1;
      const scaled = tidy(n * scale);
      if (!Number.isFinite(scaled)) return invalid("check.not_a_number", text);
      return ok({ kind: "number", value: scaled }, notes);
    }
    return invalid("check.unit_mismatch", text, { unit: unit ?? "" });
  }
  const [sMult, sBase] = splitMultiplier(suffix);
  const [uMult, uBase] = unit && !unit.startsWith("/") ? splitMultiplier(unit) : [1, unit ?? ""];
  if (sBase !== "" && sBase !== uBase) return invalid("check.unit_mismatch", text, { unit: unit ?? "" });
  const value = tidy((n * sMult) / uMult);
  if (!Number.isFinite(value)) return invalid("check.not_a_number", text);
  if (sMult === uMult) return ok({ kind: "number", value }, notes);
  return ok({ kind: "number", value }, [
    ...notes,
    { code: "check.scaled_value", data: { got: text, value } },
  ]);
}

function normaliseDate(raw: RawEntry): NormaliseResult {
  const value = raw.value;
  if (typeof value === "number") {
    const date = serialToDate(value);
    return date ? ok({ kind: "date", value: date }) : invalid("check.bad_date", String(value));
  }
  const text = cleanText(String(value));
  if (!text) return BLANK;
  const date = readDateText(text);
  return date ? ok({ kind: "date", value: date }) : invalid("check.bad_date", text);
}

function normaliseStatus(value: string | number | boolean): NormaliseResult {
  const text = cleanText(String(value)).replace(/[\s\u3000]+/g, "");
  if (!text) return BLANK;
  if ((STATUSES as readonly string[]).includes(text)) return ok({ kind: "text", text });
  const mapped = STATUS_SYNONYMS[text];
  if (mapped)
    return ok({ kind: "text", text: mapped }, [
      { code: "check.status_read_as", data: { got: text, value: mapped } },
    ]);
  if (isNotApplicable(text)) return ok({ kind: "notApplicable", text });
  return invalid("check.bad_status", text);
}

import type { EntryField, Measure, SpecRow } from "./spec";

/** Header fields of a return, in the order they appear on the entry sheet. */
export const HEADER_FIELDS = [
  "unit",
  "reporter",
  "phone",
  "filledOn",
] as const satisfies readonly EntryField[];

/** Row fields, in column order on the entry sheet. */
export const ROW_FIELDS = [
  "numerator",
  "denominator",
  "value",
  "status",
  "note",
  "problems",
] as const satisfies readonly EntryField[];

/**
 * True when the measure collects 分子 and 分母 and computes 完成值.
 * @example isRate("rate") // → true
 */
export function isRate(measure: Measure): boolean {
  return measure === "rate";
}

/**
 * The fields a clerk types on one row (the unlocked cells). 完成值 of a rate is a formula, not an input; a heading
 * (a section of guidance) asks for nothing.
 * @example rowInputFields({ kind: "task", key: "T1", task }) // → ["status", "note", "problems"]
 */
export function rowInputFields(row: SpecRow): readonly EntryField[] {
  if (row.kind === "task") return row.heading ? [] : ["status", "note", "problems"];
  if (isRate(row.measure)) return ["numerator", "denominator", "note"];
  return weightOf(row) === null ? ["value", "note"] : ["value", "denominator", "note"];
}

/**
 * What a target row's figure is weighted by, when its mean asks for a weight (typed in the 分母 column); else null.
 * @example weightOf(lifeExpectancyRow) // → "常住人口"
 */
export function weightOf(row: SpecRow): string | null {
  if (row.kind !== "target" || row.target.method !== "mean" || isRate(row.measure)) return null;
  return row.target.weight ?? null;
}

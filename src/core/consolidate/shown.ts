import type { TidyRecord } from "./types";

/**
 * 原始内容 of a figure as the unit saw it in its workbook, for the summary's 明细: a formula's result, not its text (a
 * file saved by a program that does not calculate has no cached result; the check computed the same figure, and an
 * empty result shows empty), and a
 * date as a date, not its serial number. The --json and --csv records keep the stored content as it is.
 * @example shownRaw({ field: "filledOn", raw: "45478", value: "2024-07-05" }) // → "2024-07-05"
 * @example shownRaw({ field: "value", raw: '=IF(OR(G13="不适用"…', value: 94.59 }) // → "94.59"
 */
export function shownRaw(record: Pick<TidyRecord, "field" | "raw" | "value">): string {
  const { raw, value } = record;
  if (raw.startsWith("=")) return value === null ? "" : String(value);
  if (record.field === "filledOn" && typeof value === "string" && /^\d+(\.\d+)?$/.test(raw.trim()))
    return value;
  return raw;
}

/**
 * A local time "YYYY-MM-DDTHH:MM:SS" as a clerk reads it, to the minute.
 * @example shownTime("2026-12-03T20:30:45") // → "2026-12-03 20:30"
 */
export function shownTime(time: string | null): string {
  if (!time) return "";
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(time);
  return m ? `${m[1]} ${m[2]}` : time;
}

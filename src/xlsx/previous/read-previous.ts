import { specShapeProblem } from "../../core/check/stored-spec";
import { FIELD_LABELS, RECORD_STATUS_LABELS } from "../../core/consolidate/labels";
import type { RecordStatus } from "../../core/consolidate/types";
import type { LocalisedText } from "../../core/findings/basics";
import { previousFromRecords, type PreviousRecord } from "../../core/period/previous-period";
import type { PreviousPeriod } from "../../core/period/types";
import { DETAIL_HEADINGS } from "../summary/detail-sheets";
import { cellText, readTemplateIdentity } from "../template/read-identity";

export type ReadPreviousResult =
  | { readonly ok: true; readonly previous: PreviousPeriod }
  | { readonly ok: false; readonly why: LocalisedText };

/** The statuses of 明细 whose figures were summed (a superseded or rejected return's were not). */
const SUMMED: ReadonlySet<string> = new Set(
  (["ok", "warning", "error"] as RecordStatus[]).map((s) => RECORD_STATUS_LABELS[s].zh),
);
const FIELD_OF_LABEL = new Map(Object.entries(FIELD_LABELS).map(([field, label]) => [label.zh, field]));
const NOT_SUMMARY: LocalisedText = {
  zh: "不是 report-kit 汇总生成的汇总表（没有“明细”工作表）",
  en: "not a summary written by report-kit consolidate (no 明细 sheet)",
};

/**
 * Reads the previous period from its summary workbook (汇总.xlsx): the template it summarised (its identity sheet)
 * and every figure summed then (明细), each unit's read as a summary reads a return. Works in Node and the browser.
 * @example await readPreviousSummary(bytes, "上半年/汇总.xlsx") // → { ok: true, previous: { ref: { period: { label: "2024年上半年" }, … }, figures: { 甲县: { "T1.1": { value: 3 } } } } }
 */
export async function readPreviousSummary(bytes: Uint8Array, file: string): Promise<ReadPreviousResult> {
  const read = await readTemplateIdentity(bytes, file);
  if (!read.ok) {
    const first = read.findings[0]?.message;
    return { ok: false, why: first ?? NOT_SUMMARY };
  }
  const problem = specShapeProblem(read.spec);
  if (problem)
    return {
      ok: false,
      why: { zh: `模板标识已损坏（${problem}）`, en: `its template identity is damaged (${problem})` },
    };
  const ws = read.workbook.getWorksheet("明细");
  const head = ws?.getRow(1);
  const headings = DETAIL_HEADINGS.map((_, i) => cellText(head?.getCell(i + 1).value ?? null));
  if (!ws || headings.some((h, i) => h !== DETAIL_HEADINGS[i])) return { ok: false, why: NOT_SUMMARY };
  const records: PreviousRecord[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const text = (c: number) => {
      const v = cellText(row.getCell(c).value);
      return v === null ? "" : String(v);
    };
    const field = FIELD_OF_LABEL.get(text(5));
    if (!field || !SUMMED.has(text(8))) return;
    records.push({ unit: text(1), key: text(2), field, value: cellText(row.getCell(6).value) });
  });
  return { ok: true, previous: previousFromRecords(read.spec, records) };
}

import { fieldNameZh } from "../findings/catalogue/check";
import { makeFinding } from "../findings/make-finding";
import type { Finding, Location } from "../findings/types";
import type { ReturnEntry } from "./types";

/** The most characters Excel (and WPS) holds in a cell: a workbook with a longer text is refused or "repaired". */
export const EXCEL_CELL_CHARACTERS = 32767;

/**
 * The most rows a list of the summary (明细, 问题清单…) is given, its last then saying how many more there are: well
 * within the 1,048,576 rows of an Excel or WPS sheet (a workbook with more is refused). --json and --csv hold them all.
 */
export const SUMMARY_LIST_ROWS = 1_000_000;

/** How a cut text ends in its cell, so that a cut is never silent. */
export const CUT_MARK = "…（已截断）";

/**
 * A text made to fit a cell: at most `limit` characters, its end marked when it had to be cut (never between the two
 * halves of a character written as a surrogate pair).
 * @example fitCell("甲县：床位不足；乙县：人员不足", 10) // → "甲县：床…（已截断）"
 */
export function fitCell(text: string, limit = EXCEL_CELL_CHARACTERS, mark = CUT_MARK): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit - mark.length);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + mark;
}

/**
 * Of texts joined by `separator` into one cell, the indexes of those the cell cannot hold whole (each ends past the
 * characters kept before the mark).
 * @example cutPieces(["甲县：…", "乙县：" + "很长".repeat(20000)], "；") // → [1]
 */
export function cutPieces(pieces: readonly string[], separator: string): number[] {
  const kept = EXCEL_CELL_CHARACTERS - CUT_MARK.length;
  const cut: number[] = [];
  let end = -separator.length;
  pieces.forEach((piece, i) => {
    end += separator.length + piece.length;
    if (end > kept) cut.push(i);
  });
  return end > EXCEL_CELL_CHARACTERS ? cut : [];
}

const textLength = (v: unknown): number => (typeof v === "string" ? v.length : 0);

/** The finding for a unit's text that a summary sheet could not hold whole. */
function cutFinding(location: Location, label: string, sheet: string, length: number): Finding {
  const place =
    location.kind === "cell"
      ? `${location.sheet}!${location.cell}`
      : location.kind === "file"
        ? location.file
        : "";
  return makeFinding("consolidate.text_cut", location, {
    label,
    place,
    sheet,
    length,
    limit: EXCEL_CELL_CHARACTERS,
    mark: CUT_MARK,
  });
}

/**
 * A return's entry whose text (as read, or as typed) is longer than a cell holds: it is cut in 明细, and a status or
 * 存在问题 in 进展 as well. Null for any other entry.
 * @example entryCut({ key: "T1.1", indicator: "床位使用率", field: "note", value: "说明".repeat(20000), cell: "L9", … }, "东湖区.xlsx")
 *   // → consolidate.text_cut at 东湖区.xlsx 填报表!L9, "「床位使用率」完成情况说明…"
 */
export function entryCut(e: ReturnEntry, file: string): Finding | null {
  const length = Math.max(textLength(e.value), textLength(e.raw));
  if (length <= EXCEL_CELL_CHARACTERS) return null;
  const label = `${e.indicator ? `「${e.indicator}」` : ""}${fieldNameZh(e.field)}`;
  const sheet = e.field === "status" || e.field === "problems" ? "明细、进展" : "明细";
  return cutFinding({ kind: "cell", file, sheet: e.sheet, cell: e.cell, key: e.key }, label, sheet, length);
}

/**
 * A unit's 存在问题 cut where 进展 joins every unit's into one cell (the joined text is `length` long).
 * @example problemsCut(entry, "东湖区.xlsx", "任务「推进互认」存在问题", 40000) // → consolidate.text_cut at its cell
 */
export function problemsCut(e: ReturnEntry, file: string, label: string, length: number): Finding {
  return cutFinding({ kind: "cell", file, sheet: e.sheet, cell: e.cell, key: e.key }, label, "进展", length);
}

/**
 * Findings for the lists of the summaries that are longer than a sheet is given (see SUMMARY_LIST_ROWS): each
 * summary's 明细 (its records), and the first summary's 问题清单 (every finding, these included).
 * @example listCuts([{ file: "汇总.xlsx", records: 1200000 }], 30) // → [consolidate.rows_cut for 汇总.xlsx 明细]
 */
export function listCuts(
  summaries: readonly { readonly file: string; readonly records: number }[],
  findings: number,
): Finding[] {
  const cut = (file: string, sheet: string, rows: number) =>
    makeFinding("consolidate.rows_cut", { kind: "file", file }, { sheet, rows, limit: SUMMARY_LIST_ROWS });
  const cuts: Finding[] = [];
  for (const s of summaries) if (s.records > SUMMARY_LIST_ROWS) cuts.push(cut(s.file, "明细", s.records));
  const all = findings + cuts.length + 1;
  if (summaries[0] && all > SUMMARY_LIST_ROWS) cuts.push(cut(summaries[0].file, "问题清单", all));
  return cuts;
}

/**
 * A return's findings whose message (quoting what the unit wrote) is longer than a cell holds: each is cut in 问题清单.
 * @example messageCuts([rowAddedQuoting40000Characters], "东湖区.xlsx") // → [consolidate.text_cut at the added row]
 */
export function messageCuts(findings: Iterable<Finding>, file: string): Finding[] {
  const cuts: Finding[] = [];
  for (const f of findings) {
    const length = Math.max(f.message.zh.length, f.message.en.length);
    if (length <= EXCEL_CELL_CHARACTERS) continue;
    const where = f.location.kind === "plan" ? { kind: "file" as const, file } : f.location;
    cuts.push(cutFinding(where, `问题 ${f.code}`, "问题清单", length));
  }
  return cuts;
}

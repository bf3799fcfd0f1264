import type ExcelJS from "exceljs";
import { estimateRowHeight } from "../../core/template/sheet-model";
import { setUpPrint } from "../print-layout";

const THIN = { style: "thin", color: { argb: "FFBFBFBF" } } as const;
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const FONT = "等线";

/**
 * Heading row: bold on a blue-grey band, wrapped, centred, as tall as its longest heading needs in its column's
 * width (a unit's full name as a column heading takes several lines). Set the column widths first.
 */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: FONT, size: 10, bold: true, color: { argb: "FF1F3864" } };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  const texts: [string, number][] = [];
  row.eachCell((cell, c) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = BORDER;
    if (typeof cell.value === "string") texts.push([cell.value, row.worksheet.getColumn(c).width ?? 9]);
  });
  row.height = Math.max(30, estimateRowHeight(texts));
}

/** Body rows: 10pt, top-aligned, thin borders; text wraps in `wrap` (1-based columns), else when longer than 12. */
export function styleBody(
  ws: ExcelJS.Worksheet,
  fromRow: number,
  columns: number,
  wrap?: ReadonlySet<number>,
): void {
  for (let r = fromRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    row.font = { name: FONT, size: 10 };
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = {
        vertical: "top",
        wrapText: wrap ? wrap.has(c) : typeof cell.value === "string" && cell.value.length > 12,
      };
    }
  }
}

/** The widths of the wrapped columns (1-based in `wrap`), by 0-based column: what bulk rows size their heights by. */
export function wrapWidths(ws: ExcelJS.Worksheet, wrap: ReadonlySet<number>): Map<number, number> {
  return new Map([...wrap].map((c) => [c - 1, ws.getColumn(c).width ?? 9]));
}

/** A title row above the table: the plan, period and what the sheet is. */
export function addTitle(ws: ExcelJS.Worksheet, text: string, columns: number): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, Math.max(columns, 1));
  row.font = { name: FONT, size: 14, bold: true };
  row.height = 24;
}

/**
 * A4 landscape, rows 1..`headerRow` repeated on every page, page numbers in the footer; the columns on one page
 * width while that stays legible, else cut into pages with the name columns repeated (see setUpPrint).
 */
export function printSetup(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  options: { readonly titleColumns?: number; readonly sections?: readonly number[] } = {},
): void {
  setUpPrint(ws, `1:${headerRow}`, options);
}

/** Frozen heading rows (and the first `columns` columns). */
export function freeze(ws: ExcelJS.Worksheet, rows: number, columns = 0): void {
  ws.views = [{ state: "frozen", xSplit: columns, ySplit: rows }];
}

/**
 * A rule that colours the cells of `ref` whose text begins with `text`: an expression rule (LEFT(cell,n)="text"),
 * which Excel, WPS and LibreOffice all draw. exceljs writes a "containsText" rule without its text attribute, and
 * LibreOffice then draws nothing. Beginning, not containing: "达标" must not colour "未达标（2/3 单位达标）".
 * @example beginsWith("S3:S8", "未达标", …).formulae // → ['LEFT(S3,3)="未达标"']
 */
export function beginsWith(
  ref: string,
  text: string,
  style: Partial<ExcelJS.Style>,
  priority: number,
): ExcelJS.ConditionalFormattingRule {
  const topLeft = ref.split(":")[0]!.replace(/\$/g, "");
  return {
    type: "expression",
    priority,
    formulae: [`LEFT(${topLeft},${[...text].length})="${text.replace(/"/g, '""')}"`],
    style,
  };
}

/** Green / red / amber fills for cells in a range whose text begins with 达标 / 未达标 / 待填-like words. */
export function attainmentFormats(
  ws: ExcelJS.Worksheet,
  ref: string,
  texts: { good: string[]; bad: string[]; warn: string[] },
): void {
  const look = (fill: string, color: string): Partial<ExcelJS.Style> => ({
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } },
    font: { color: { argb: color } },
  });
  let p = 1;
  ws.addConditionalFormatting({
    ref,
    rules: [
      ...texts.bad.map((t) => beginsWith(ref, t, look("FFFFC7CE", "FF9C0006"), p++)),
      ...texts.warn.map((t) => beginsWith(ref, t, look("FFFFEB9C", "FF9C5700"), p++)),
      ...texts.good.map((t) => beginsWith(ref, t, look("FFC6EFCE", "FF006100"), p++)),
    ],
  });
}

/** Column letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

import type ExcelJS from "exceljs";

const THIN = { style: "thin", color: { argb: "FFBFBFBF" } } as const;
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const FONT = "等线";

/** Heading row: bold on a blue-grey band, wrapped, centred. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: FONT, size: 10, bold: true, color: { argb: "FF1F3864" } };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.height = 30;
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = BORDER;
  });
}

/** Body rows: 10pt, top-aligned, thin borders. */
export function styleBody(ws: ExcelJS.Worksheet, fromRow: number, columns: number): void {
  for (let r = fromRow; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    row.font = { name: FONT, size: 10 };
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = {
        vertical: "top",
        wrapText: typeof cell.value === "string" && cell.value.length > 12,
      };
    }
  }
}

/** A title row above the table: the plan, period and what the sheet is. */
export function addTitle(ws: ExcelJS.Worksheet, text: string, columns: number): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, Math.max(columns, 1));
  row.font = { name: FONT, size: 14, bold: true };
  row.height = 24;
}

/** A4 landscape, fit to width, heading rows repeated on every page, page numbers in the footer. */
export function printSetup(ws: ExcelJS.Worksheet, headerRow: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: `&L${ws.name}&R第 &P 页，共 &N 页` };
}

/** Frozen heading rows (and the first `columns` columns). */
export function freeze(ws: ExcelJS.Worksheet, rows: number, columns = 0): void {
  ws.views = [{ state: "frozen", xSplit: columns, ySplit: rows }];
}

/** Green / red / amber fills for 达标 / 未达标 / 待填-like text in a range. */
export function attainmentFormats(
  ws: ExcelJS.Worksheet,
  ref: string,
  texts: { good: string[]; bad: string[]; warn: string[] },
): void {
  const rule = (
    text: string,
    fill: string,
    color: string,
    priority: number,
  ): ExcelJS.ConditionalFormattingRule => ({
    type: "containsText",
    operator: "containsText",
    text,
    priority,
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } },
      font: { color: { argb: color } },
    },
  });
  let p = 1;
  ws.addConditionalFormatting({
    ref,
    rules: [
      ...texts.bad.map((t) => rule(t, "FFFFC7CE", "FF9C0006", p++)),
      ...texts.warn.map((t) => rule(t, "FFFFEB9C", "FF9C5700", p++)),
      ...texts.good.map((t) => rule(t, "FFC6EFCE", "FF006100", p++)),
    ],
  });
}

/** Column letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

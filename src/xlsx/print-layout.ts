import type ExcelJS from "exceljs";

/**
 * How a wide sheet goes on paper: A4 landscape, the heading rows and the name columns repeated on every page, and
 * the columns cut into pages at column breaks rather than shrunk to one page width until nobody can read them.
 * exceljs writes no column breaks, so the writers put them in (the file: `colBreaks` in the sheet's XML, see
 * columnBreaksXml; the task pane: Office's verticalPageBreaks); both read them from here.
 */
export interface PrintLayout {
  /** Scale in percent (a whole number), or null to fit all columns on one page width. */
  readonly scale: number | null;
  /** 1-based columns that start a new page (never column 1). */
  readonly columnBreaks: readonly number[];
  /** Columns repeated at the left of every page ("A:C"), or null. */
  readonly titleColumns: string | null;
}

/** Printable width of A4 landscape (297 mm) less the margins of PRINT_MARGINS, in points. */
const PAGE_WIDTH = (297 / 25.4) * 72 - (0.4 + 0.4) * 72;
/**
 * Room for programs that draw a column wider than Excel does. A width is counted in digits of the workbook's
 * default font (Calibri); where that font is missing a wider one stands in (LibreOffice on a Linux machine without
 * Carlito prints the summary's columns 23% wider, in DejaVu Sans). A page planned for Excel would then be cut again
 * by the program's own breaks, leaving pages of one column.
 */
const SLACK = 0.78;
/** The smallest scale at which the 10 pt body text stays legible on paper: 8 pt. */
export const MIN_SCALE = 0.8;

export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 };

/**
 * A column's printed width in points at 100%: Excel's width in characters of the default font (7 px each) plus
 * 5 px of padding, at 0.75 pt per pixel.
 * @example columnPoints(10) // → 56.25
 */
export const columnPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

const letter = (n: number): string => {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

/**
 * The print layout of columns of the given widths (characters): everything on one page width when that keeps the
 * text at MIN_SCALE or larger; else the first `titleColumns` columns repeated on every page and the rest cut into
 * pages, each of `sections` (1-based first columns, e.g. where the per-unit columns start) on a page of its own,
 * at the largest scale (≤ 100%, ≥ MIN_SCALE) that puts the widest section beside the title columns on one page.
 * @example printLayout([6, 28, 20, ...Array(30).fill(10)], { titleColumns: 3, sections: [4] })
 *   // → { scale: 100, columnBreaks: [17, 30], titleColumns: "A:C" } (13 units a page beside the names)
 */
export function printLayout(
  widths: readonly number[],
  options: { readonly titleColumns?: number; readonly sections?: readonly number[] } = {},
): PrintLayout {
  const points = widths.map(columnPoints);
  const room = PAGE_WIDTH * SLACK;
  const total = points.reduce((a, b) => a + b, 0);
  if (total * MIN_SCALE <= room) return { scale: null, columnBreaks: [], titleColumns: null };
  const titles = Math.min(options.titleColumns ?? 0, widths.length - 1);
  const titleWidth = points.slice(0, titles).reduce((a, b) => a + b, 0);
  const starts = [...new Set([titles + 1, ...(options.sections ?? [])])]
    .filter((c) => c > titles && c <= widths.length)
    .sort((a, b) => a - b);
  const sectionWidths = starts.map((s, i) =>
    points.slice(s - 1, (starts[i + 1] ?? widths.length + 1) - 1).reduce((a, b) => a + b, 0),
  );
  const widest = Math.max(...sectionWidths);
  const scale = Math.max(MIN_SCALE, Math.min(1, room / (titleWidth + widest)));
  const perPage = room / scale - titleWidth;
  const breaks: number[] = [];
  let used = 0;
  for (let c = titles + 1; c <= widths.length; c++) {
    const w = points[c - 1]!;
    const sectionStart = starts.includes(c) && c !== titles + 1;
    if ((sectionStart || used + w > perPage) && used > 0) {
      breaks.push(c);
      used = 0;
    }
    used += w;
  }
  return {
    scale: Math.floor(scale * 100),
    columnBreaks: breaks,
    titleColumns: titles > 0 ? `A:${letter(titles)}` : null,
  };
}

const layouts = new WeakMap<ExcelJS.Worksheet, PrintLayout>();

/**
 * Sets a sheet's page setup: A4 landscape, `headerRows` repeated, page numbers in the footer, and the columns laid
 * out by printLayout from the sheet's column widths (call it once the widths are set). The column breaks are kept
 * for the writers (see printLayoutOf).
 */
export function setUpPrint(
  ws: ExcelJS.Worksheet,
  headerRows: string | null,
  options: { readonly titleColumns?: number; readonly sections?: readonly number[] } = {},
): PrintLayout {
  const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? 9);
  const layout = printLayout(widths, options);
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    ...(layout.scale === null
      ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
      : { fitToPage: false, scale: layout.scale }),
    margins: PRINT_MARGINS,
    ...(headerRows ? { printTitlesRow: headerRows } : {}),
    ...(layout.titleColumns ? { printTitlesColumn: layout.titleColumns } : {}),
  };
  ws.headerFooter = { oddFooter: `&L${ws.name}&R第 &P 页，共 &N 页` };
  layouts.set(ws, layout);
  return layout;
}

/** The print layout set on a sheet by setUpPrint, or null. */
export function printLayoutOf(ws: ExcelJS.Worksheet): PrintLayout | null {
  return layouts.get(ws) ?? null;
}

/**
 * A sheet's XML with its column breaks (`<colBreaks>`, where the schema puts it: after the page setup, before
 * drawings, tables and extensions). A break's id is the 0-based column left of which the page ends.
 * @example withColumnBreaks("<worksheet>…<pageSetup/></worksheet>", [20]) // → '…<pageSetup/><colBreaks count="1" manualBreakCount="1"><brk id="19" max="1048575" man="1"/></colBreaks></worksheet>'
 */
export function withColumnBreaks(xml: string, breaks: readonly number[]): string {
  if (breaks.length === 0) return xml;
  const element =
    `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
    breaks.map((c) => `<brk id="${c - 1}" max="1048575" man="1"/>`).join("") +
    "</colBreaks>";
  const before =
    /<(drawing|legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(
      xml,
    );
  const at = before ? before.index : xml.lastIndexOf("</worksheet>");
  return xml.slice(0, at) + element + xml.slice(at);
}

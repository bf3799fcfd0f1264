import type ExcelJS from "exceljs";
import { EXCEL_CELL_CHARACTERS, fitCell } from "../../core/consolidate/text-cut";
import type { FindingList, SummaryModel } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";
import { buildWorkbookModel } from "../../core/template/workbook-model";
import { printLayoutOf } from "../print-layout";
import { renderWorkbook } from "../template/render-workbook";
import { spliceBulkRows, type BulkRows, type PieceRenderer } from "./bulk-rows";
import { fitBulk } from "./fit-bulk";
import type { Compression } from "./stream-zip";
import { addDetailSheet, addProgressSheet } from "./detail-sheets";
import { addCompletenessSheet, addFilesSheet, addFindingsSheet } from "./status-sheets";
import { addSummarySheet } from "./summary-sheet";

export interface SummaryWriteOptions {
  /** 填报日期 of the summary as a return one level up, "YYYY-MM-DD" (the core never reads the clock). */
  readonly filledOn: string;
  /** 填报人 and 联系电话 of the summary as a return one level up. */
  readonly reporter?: string | null;
  readonly phone?: string | null;
  /** Findings to list in 问题清单 (default: the model's). */
  readonly findings?: FindingList | readonly Finding[];
  /** Deflate and CRC-32 for the file (default: fflate; the CLI passes Node's zlib, which is faster). */
  readonly compression?: Compression;
  /** Renders and compresses the bulk rows' blocks on other threads (the CLI's workers); default: here. */
  readonly renderer?: PieceRenderer;
  /** The language of 问题清单 (its headings and messages): Chinese unless English is asked for (--lang en). */
  readonly lang?: "zh" | "en";
}

/**
 * Builds the summary workbook as an exceljs object with every row in it (for the task pane, which inserts its sheets
 * into the open workbook; for files, writeSummaryTo streams the big sheets instead): the template's own sheets for the consolidating unit (identity, 填报说明, and 填报表
 * filled with the aggregates, so the summary is itself a return one level up), then 汇总, 明细, 进展, 报送情况, 文件清单
 * and 问题清单. Works in Node and in the browser.
 */
export async function buildSummaryWorkbook(
  model: SummaryModel,
  options: SummaryWriteOptions,
): Promise<ExcelJS.Workbook> {
  const { workbook, bulks } = await buildSummarySkeleton(model, options);
  for (const bulk of bulks) fillBulkRows(workbook, bulk);
  return workbook;
}

/**
 * The summary workbook with a sample row where the bulk rows go (see ./bulk-rows.ts), and those rows: the file
 * writer streams them into the sheets' XML, and the task pane puts them into the sheets it inserts, each cell
 * styled like its sample, without building them as exceljs cells.
 */
export async function buildSummarySkeleton(
  model: SummaryModel,
  options: SummaryWriteOptions,
): Promise<{ workbook: ExcelJS.Workbook; bulks: BulkRows[] }> {
  const unit = model.asReturn.unit || null;
  // A template made with the previous period shows, for the summary as a return, the area's aggregates then.
  const previous = model.spec.previous?.aggregates;
  const wb = await renderWorkbook(buildWorkbookModel(model.spec, unit, model.asReturn.rollUp, previous));
  fillEntrySheet(wb, model, options);
  const { sheet: summary, bulk } = addSummarySheet(wb, model);
  const detail = addDetailSheet(wb, model);
  const progress = addProgressSheet(wb, model);
  addCompletenessSheet(wb, model);
  const bulks = [
    bulk,
    detail,
    progress,
    addFilesSheet(wb, model),
    addFindingsSheet(wb, options.findings ?? model.findings, options.lang ?? "zh"),
  ].map((b) => fitBulk(b));
  fitTexts(wb);
  const index = wb.worksheets.indexOf(summary);
  for (const ws of wb.worksheets)
    if (ws.views[0]) (ws.views[0] as { tabSelected?: boolean }).tabSelected = ws === summary;
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: index, visibility: "visible" },
  ];
  return { workbook: wb, bulks };
}

/**
 * Cuts every text of the skeleton longer than a cell holds (a unit's name as a column heading, a label of the
 * template), its end marked: Excel refuses a workbook with a longer one. The bulk rows are cut as they are written.
 */
function fitTexts(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.length > EXCEL_CELL_CHARACTERS)
          cell.value = fitCell(cell.value);
      }),
    );
}

/**
 * Writes the summary workbook (.xlsx) chunk by chunk to `sink`, so that even a summary of a thousand returns is
 * never held in memory whole.
 */
export async function writeSummaryTo(
  model: SummaryModel,
  options: SummaryWriteOptions,
  sink: (chunk: Uint8Array) => void,
): Promise<void> {
  const { workbook, bulks } = await buildSummarySkeleton(model, options);
  shareStyles(workbook);
  // Stored, not deflated: the skeleton is unzipped again at once.
  const skeleton = new Uint8Array(
    await workbook.xlsx.writeBuffer({ useSharedStrings: true, zip: { compression: "STORE" } }),
  );
  const breaks = new Map<string, readonly number[]>();
  for (const ws of workbook.worksheets) {
    const layout = printLayoutOf(ws);
    if (layout?.columnBreaks.length) breaks.set(ws.name, layout.columnBreaks);
  }
  await spliceBulkRows(skeleton, bulks, sink, options.compression, options.renderer, breaks);
}

/**
 * Gives cells with equal styles one shared style object. exceljs remembers the style objects it has written and
 * works out each new one cell by cell, which for the thousands of heading and sample cells of a summary of a
 * thousand units took a quarter of a second. Called just before writing: a shared object must not be changed
 * through one of its cells afterwards.
 */
function shareStyles(wb: ExcelJS.Workbook): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  // A style's parts (font, fill, border…) are often one object set on a whole row or a constant (BORDER): each
  // part object is described once, and equal descriptions share a number.
  const ids = new WeakMap<object, string>();
  const numbers = new Map<string, string>();
  const id = (part: object | undefined): string => {
    if (part === undefined) return "";
    let n = ids.get(part);
    if (n === undefined) {
      const text = JSON.stringify(part);
      n = numbers.get(text);
      if (n === undefined) numbers.set(text, (n = String(numbers.size)));
      ids.set(part, n);
    }
    return n;
  };
  for (const ws of wb.worksheets)
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const s = cell.style;
        const key = `${s.numFmt ?? ""}|${id(s.font)}|${id(s.fill)}|${id(s.border)}|${id(s.alignment)}|${id(s.protection)}`;
        const known = shared.get(key);
        if (known) cell.style = known;
        else shared.set(key, cell.style);
      }),
    );
}

/** The summary workbook as .xlsx bytes (for the task pane and tests). */
export async function writeSummary(model: SummaryModel, options: SummaryWriteOptions): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeSummaryTo(model, options, (c) => chunks.push(c));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Writes the aggregates, rolled-up statuses and header into 填报表 at the rows found by their keys. */
function fillEntrySheet(wb: ExcelJS.Workbook, model: SummaryModel, options: SummaryWriteOptions): void {
  const layout = model.spec.layout;
  const ws = wb.getWorksheet(layout.entrySheet);
  if (!ws) return;
  const rowOfKey = new Map<string, number>();
  for (let r = layout.firstDataRow; r <= layout.lastDataRow; r++) {
    const key = ws.getCell(`${layout.keyColumn}${r}`).value;
    if (typeof key === "string") rowOfKey.set(key, r);
  }
  for (const v of model.asReturn.values) {
    const row = rowOfKey.get(v.key);
    const column = layout.columns[v.field];
    if (row && column) ws.getCell(`${column}${row}`).value = v.value;
  }
  // A rate's 完成值 is a formula; give it the cached result so readers that do not calculate see the figure.
  const valueColumn = layout.columns.value;
  for (const t of model.targets) {
    const row = rowOfKey.get(t.key);
    if (!row || !valueColumn || t.method !== "ratio" || t.value === null) continue;
    const cell = ws.getCell(`${valueColumn}${row}`);
    const formula = cell.formula;
    if (formula) cell.value = { formula, result: t.value, date1904: false } as ExcelJS.CellFormulaValue;
  }
  const header = layout.headerCells;
  const [y, m, d] = options.filledOn.split("-").map(Number);
  if (header.filledOn && y && m && d) ws.getCell(header.filledOn).value = new Date(Date.UTC(y, m - 1, d));
  if (header.reporter && options.reporter) ws.getCell(header.reporter).value = options.reporter;
  if (header.phone && options.phone) ws.getCell(header.phone).value = options.phone;
}

/** Puts bulk rows into the exceljs sheet in place of its sample row (styles copied from the sample). */
function fillBulkRows(wb: ExcelJS.Workbook, bulk: BulkRows): void {
  const ws = wb.getWorksheet(bulk.sheet);
  if (!ws) return;
  if (bulk.table) {
    const table = ws.getTable(bulk.table) as unknown as {
      removeRows(index: number, count: number): void;
      addRow(values: unknown[]): void;
      commit(): void;
    };
    const sample: Partial<ExcelJS.Style>[] = [];
    ws.getRow(bulk.firstRow).eachCell({ includeEmpty: true }, (cell, c) => (sample[c] = { ...cell.style }));
    table.removeRows(0, 1);
    for (const row of bulk.rows()) table.addRow(row.map((v) => (typeof v === "string" ? fitCell(v) : v)));
    table.commit();
    // The rows look like the sample row, as the file writer's do (wrapped columns).
    for (let r = bulk.firstRow; r < bulk.firstRow + bulk.count; r++)
      ws.getRow(r).eachCell({ includeEmpty: true }, (cell, c) => {
        if (sample[c]) cell.style = sample[c] as ExcelJS.Style;
      });
    return;
  }
  const samples = [0, 1].map((i) => {
    const styles: Partial<ExcelJS.Style>[] = [];
    ws.getRow(bulk.firstRow + i).eachCell(
      { includeEmpty: true },
      (cell, c) => (styles[c] = { ...cell.style }),
    );
    return styles;
  });
  const alt = (bulk.samples ?? 1) === 2 ? samples[1]! : samples[0]!;
  let r = bulk.firstRow;
  for (const values of bulk.rows()) {
    const row = ws.getRow(r++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const isAlt = v !== null && typeof v === "object";
      const value = isAlt ? v.value : v;
      cell.value = typeof value === "string" ? fitCell(value) : value;
      const style = (isAlt ? alt : samples[0]!)[i + 1];
      if (style) cell.style = style as ExcelJS.Style;
    });
  }
  // Sample rows not overwritten by data are cleared.
  for (; r < bulk.firstRow + (bulk.samples ?? 1); r++) ws.getRow(r).values = [];
}

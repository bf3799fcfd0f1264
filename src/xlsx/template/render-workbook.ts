import type ExcelJS from "exceljs";
import { loadExcelJS } from "../exceljs";
import { validationRanges } from "./validation-ranges";
import {
  CELL_STYLES,
  type CellStyle,
  type SheetModel,
  type WorkbookModel,
} from "../../core/template/sheet-model";

/** exceljs's per-sheet validations by address or range (not in its typings). */
interface ExcelValidations {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

const THIN = { style: "thin", color: { argb: "FFBFBFBF" } } as const;

/** exceljs style of a core cell style (fonts in 等线/DengXian fall back to any CJK font in WPS and LibreOffice). */
function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  return {
    font: {
      name: "等线",
      size: s.size ?? 10,
      bold: s.bold,
      italic: s.italic,
      color: s.color ? { argb: s.color } : undefined,
    },
    alignment: { wrapText: s.wrap, vertical: "top", horizontal: s.align },
    ...(s.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: s.fill } } } : {}),
    ...(s.border ? { border: { top: THIN, left: THIN, bottom: THIN, right: THIN } } : {}),
    protection: { locked: s.locked },
    ...(s.numberFormat ? { numFmt: s.numberFormat } : {}),
  };
}

const STYLES = Object.fromEntries(Object.entries(CELL_STYLES).map(([k, s]) => [k, toExcelStyle(s)]));

/**
 * exceljs turns a date rule's bounds into serial numbers itself and writes NaN for a formula, so "DATE(2024,1,1)"
 * becomes the Date it names (UTC midnight, a whole serial).
 */
function dateBound(formula: string): string | Date {
  const m = /^DATE\((\d+),(\d+),(\d+)\)$/.exec(formula);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : formula;
}

/** Renders a workbook model with exceljs (the same model the Office.js adapter renders). */
export async function renderWorkbook(model: WorkbookModel): Promise<ExcelJS.Workbook> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = "report-kit";
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const sheet of model.sheets) await renderSheet(wb, sheet);
  for (const n of model.definedNames) wb.definedNames.add(n.refersTo, n.name);
  return wb;
}

async function renderSheet(wb: ExcelJS.Workbook, m: SheetModel): Promise<void> {
  const ws = wb.addWorksheet(m.name, {
    state: m.visibility,
    views: m.freeze ? [{ state: "frozen", xSplit: m.freeze.columns, ySplit: m.freeze.rows }] : undefined,
  });
  m.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  for (const c of m.cells) {
    const cell = ws.getCell(c.address);
    if (c.formula !== undefined)
      cell.value = { formula: c.formula, date1904: false } as ExcelJS.CellFormulaValue;
    else if (c.value !== undefined && c.value !== null) cell.value = c.value;
    cell.style = STYLES[c.style] as ExcelJS.Style;
  }
  for (const [row, height] of Object.entries(m.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const range of m.merges) ws.mergeCells(range);
  // Ranges given whole, so that exceljs writes each once (see validationRanges).
  const validations = (ws as unknown as { dataValidations: ExcelValidations }).dataValidations;
  for (const { range, validation: v } of validationRanges(m.dataValidations)) {
    validations.add(range, {
      type: v.type,
      operator: v.operator,
      allowBlank: true,
      formulae: v.type === "date" ? v.formulas.map(dateBound) : [...v.formulas],
      showInputMessage: true,
      promptTitle: v.prompt.title,
      prompt: v.prompt.message,
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.error.title,
      error: v.error.message,
    });
  }
  for (const cf of m.conditionalFormats)
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: cf.rules.map((r, i) => ({
        type: "cellIs",
        operator: "equal",
        priority: i + 1,
        formulae: [`"${r.text}"`],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: r.fill } },
          font: { color: { argb: r.color } },
        },
      })),
    });
  if (m.print) {
    ws.pageSetup = {
      paperSize: 9,
      orientation: m.print.landscape ? "landscape" : "portrait",
      fitToPage: m.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(m.print.repeatRows ? { printTitlesRow: m.print.repeatRows } : {}),
    };
    ws.headerFooter = { oddFooter: m.print.footer };
  }
  if (m.protect)
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      sort: true,
      autoFilter: true,
    });
}

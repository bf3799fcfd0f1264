import { columnLetter, parseRange, rangeAddress } from "./a1";
import type { CellLook, SheetPlan } from "./sheet-plan";

/** Queues everything but the values: widths, header, validation, unlocked inputs, protection, chart. */
export function finishSheet(
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  { renamed, canPrint }: { readonly renamed: (formula: string) => string; readonly canPrint: boolean },
): void {
  // (A reduce, not Math.max(...): 明细 of a consolidation has more rows than a call takes arguments.)
  const width = plan.rows.reduce((w, r) => Math.max(w, r.length), 1);
  plan.columnWidths?.forEach((w, c) => {
    sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).format.columnWidth = w;
  });
  if (plan.headerRows) sheet.getRange(rangeAddress(0, 0, plan.headerRows, width)).format.font.bold = true;
  const frozen = plan.headerRows ?? plan.frozenRows ?? 0;
  if (frozen && plan.frozenColumns)
    sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress(0, 0, frozen, plan.frozenColumns)));
  else if (frozen) sheet.freezePanes.freezeRows(frozen);
  else if (plan.frozenColumns) sheet.freezePanes.freezeColumns(plan.frozenColumns);
  for (const c of plan.hiddenColumns ?? [])
    sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).columnHidden = true;
  for (const [row, height] of Object.entries(plan.rowHeights ?? {}))
    sheet.getRange(`${row}:${row}`).format.rowHeight = height;
  for (const { address, look } of plan.looks ?? []) applyLook(sheet.getRange(address), address, look);
  for (const cf of plan.conditionalFormats ?? []) addConditionalFormats(sheet, cf);
  for (const address of plan.merges ?? []) sheet.getRange(address).merge(false);
  for (const f of plan.fills ?? []) sheet.getRange(f.address).format.fill.color = f.color;
  for (const v of plan.validations ?? []) {
    const range = sheet.getRange(v.address);
    range.dataValidation.clear();
    range.dataValidation.rule = renameRule(v.rule, renamed);
    if (v.prompt) range.dataValidation.prompt = { showPrompt: true, ...v.prompt };
    if (v.error) range.dataValidation.errorAlert = { showAlert: true, style: "Stop", ...v.error };
  }
  for (const address of plan.unlocked ?? []) sheet.getRange(address).format.protection.locked = false;
  if (plan.chart) {
    const chart = sheet.charts.add(plan.chart.type, sheet.getRange(plan.chart.source), "Columns");
    chart.title.text = plan.chart.title;
    chart.setPosition(plan.chart.anchor);
  }
  if (plan.print && canPrint) setUpPrint(sheet, plan.print);
  if (plan.protect) sheet.protection.protect({ allowFormatColumns: true, allowAutoFilter: true });
  if (plan.visibility && plan.visibility !== "Visible") sheet.visibility = plan.visibility;
}

/** A list validation's source (or a custom formula) may point at another sheet that was renamed. */
function renameRule(
  rule: Excel.DataValidationRule,
  renamed: (formula: string) => string,
): Excel.DataValidationRule {
  if (rule.list && typeof rule.list.source === "string")
    return { ...rule, list: { ...rule.list, source: renamed(rule.list.source) } };
  if (rule.custom) return { ...rule, custom: { formula: renamed(rule.custom.formula) } };
  return rule;
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

function applyLook(range: Excel.Range, address: string, look: CellLook): void {
  const f = range.format;
  if (look.bold) f.font.bold = true;
  if (look.italic) f.font.italic = true;
  if (look.size) f.font.size = look.size;
  if (look.color) f.font.color = look.color;
  if (look.fill) f.fill.color = look.fill;
  if (look.wrap) f.wrapText = true;
  if (look.align) f.horizontalAlignment = look.align;
  if (!look.border) return;
  const { start, end } = parseRange(address);
  const edges: Excel.BorderIndex[] = [...EDGES] as Excel.BorderIndex[];
  if (end.column > start.column) edges.push("InsideVertical" as Excel.BorderIndex);
  if (end.row > start.row) edges.push("InsideHorizontal" as Excel.BorderIndex);
  for (const edge of edges) {
    const border = f.borders.getItem(edge);
    border.style = "Continuous";
    border.color = "#BFBFBF";
  }
}

/**
 * One custom rule per entry: `=E8="达标"` relative to the range's top-left cell for a text (an exact match, not
 * "contains"), or the entry's own formula.
 */
function addConditionalFormats(
  sheet: Excel.Worksheet,
  cf: NonNullable<SheetPlan["conditionalFormats"]>[number],
): void {
  const range = sheet.getRange(cf.address);
  const topLeft = cf.address.split(":")[0]!.replace(/\$/g, "");
  for (const rule of cf.rules) {
    const format = range.conditionalFormats.add("Custom");
    format.custom.rule.formula =
      "text" in rule ? `=${topLeft}="${rule.text.replace(/"/g, '""')}"` : `=${rule.formula}`;
    if (rule.fill) format.custom.format.fill.color = rule.fill;
    format.custom.format.font.color = rule.color;
    if (rule.italic) format.custom.format.font.italic = true;
  }
}

/** The left, centre and right parts of an Excel footer ("&L汇总&R第 &P 页" → 汇总, "", 第 &P 页). */
function footerParts(footer: string): { left: string; center: string; right: string } {
  const parts = { left: "", center: "", right: "" };
  let at: keyof typeof parts = "center";
  for (const piece of footer.split(/(&[LCR])/)) {
    if (piece === "&L") at = "left";
    else if (piece === "&C") at = "center";
    else if (piece === "&R") at = "right";
    else parts[at] += piece;
  }
  return parts;
}

/**
 * A4, landscape or portrait, fitted to the page width or at a scale with column breaks, repeated heading rows and
 * name columns, page numbers (ExcelApi 1.9).
 */
function setUpPrint(sheet: Excel.Worksheet, print: NonNullable<SheetPlan["print"]>): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.landscape ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  else if (print.scale) layout.zoom = { scale: print.scale };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.replace(":", ":$")}`);
  if (print.repeatColumns) layout.setPrintTitleColumns(`$${print.repeatColumns.replace(":", ":$")}`);
  for (const c of print.columnBreaks ?? []) sheet.verticalPageBreaks.add(`${columnLetter(c - 1)}1`);
  const footer = footerParts(print.footer);
  const pages = layout.headersFooters.defaultForAllPages;
  if (footer.left) pages.leftFooter = footer.left;
  if (footer.center) pages.centerFooter = footer.center;
  if (footer.right) pages.rightFooter = footer.right;
}

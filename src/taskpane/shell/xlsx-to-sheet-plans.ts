import type {
  Cell,
  CellValue as XlsxCellValue,
  ConditionalFormattingOptions,
  DataValidation,
  Style,
  Workbook,
  Worksheet,
} from "exceljs";
import { printLayoutOf } from "../../xlsx/print-layout";
import { cellAddress, joinCells, parseRange } from "../../office/a1";
import type { CellLook, ConditionalRule, PlanCell, SheetPlan, ValidationPlan } from "../../office/sheet-plan";

/**
 * Turns a workbook made by the exceljs adapter (a template, a summary) into sheet plans the Office adapter
 * writes into the open workbook. This is how "insert as sheets of this workbook" works on ExcelApi 1.8, where
 * `insertWorksheetsFromBase64` (1.13) is missing: the same rendered file, written cell by cell in whole arrays,
 * with its formulas, data validation, unlocked inputs, fills, merges, frozen rows, hidden sheets, defined names,
 * protection, conditional formats (text and formula rules) and print setup (with the column breaks the exceljs
 * writers keep beside the sheet, see src/xlsx/print-layout.ts). Not carried: column styles other than width.
 */
export function workbookToSheetPlans(workbook: Workbook): SheetPlan[] {
  const names = definedNamesBySheet(workbook);
  return workbook.worksheets.map((ws) => worksheetToPlan(ws, names.get(ws.name) ?? []));
}

function worksheetToPlan(ws: Worksheet, names: SheetPlan["names"]): SheetPlan {
  const rows: PlanCell[][] = [];
  const numberFormats: { address: string; format: string }[] = [];
  const unlocked: string[] = [];
  const looks = new Map<string, { look: CellLook; cells: string[] }>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: PlanCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      out[c - 1] = toPlanCell(cell.value);
      const address = cellAddress(r - 1, c - 1);
      const format = numberFormatOf(cell);
      if (format) numberFormats.push({ address, format });
      if (cell.protection?.locked === false) unlocked.push(address);
      const look = cellLook(cell);
      if (!look) return;
      const id = JSON.stringify(look);
      const group = looks.get(id) ?? { look, cells: [] };
      looks.set(id, group);
      group.cells.push(address);
    });
    rows[r - 1] = out;
  });
  const frozen = ws.views?.find((v) => v.state === "frozen") as
    { ySplit?: number; xSplit?: number } | undefined;
  return {
    name: ws.name,
    rows: Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null)),
    columnWidths: ws.columns?.map((col) => ((col?.width ?? 8.43) * 7 + 5) * 0.75) ?? [],
    frozenRows: frozen?.ySplit || undefined,
    frozenColumns: frozen?.xSplit || undefined,
    merges: mergesOf(ws),
    looks: [...looks.values()].flatMap(({ look, cells }) =>
      joinCells(cells).map((address) => ({ address, look })),
    ),
    validations: validationsOf(ws),
    unlocked: joinCells(unlocked),
    protect: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    visibility: ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible",
    cellFormats: numberFormats,
    names,
    conditionalFormats: conditionalFormatsOf(ws),
    ...printOf(ws),
  };
}

/** The sheet's text and formula rules (cellIs equal to a text, expression) as the Office adapter writes them. */
function conditionalFormatsOf(ws: Worksheet): NonNullable<SheetPlan["conditionalFormats"]> {
  const out: { address: string; rules: ConditionalRule[] }[] = [];
  // exceljs keeps them on the sheet without declaring it in its types.
  const all = (ws as unknown as { conditionalFormattings?: ConditionalFormattingOptions[] })
    .conditionalFormattings;
  for (const cf of all ?? []) {
    const rules: ConditionalRule[] = [];
    for (const rule of cf.rules) {
      const style = (rule as { style?: Partial<Style> }).style ?? {};
      const fill = style.fill?.type === "pattern" ? rgb(style.fill.bgColor?.argb) : undefined;
      const look = {
        ...(fill ? { fill } : {}),
        color: rgb(style.font?.color?.argb) ?? "#000000",
        ...(style.font?.italic ? { italic: true } : {}),
      };
      const formula = (rule as { formulae?: unknown[] }).formulae?.[0];
      if (rule.type === "expression" && typeof formula === "string") rules.push({ formula, ...look });
      const text = typeof formula === "string" ? /^"((?:[^"]|"")*)"$/.exec(formula)?.[1] : undefined;
      if (rule.type === "cellIs" && rule.operator === "equal" && text !== undefined)
        rules.push({ text: text.replace(/""/g, '"'), ...look });
    }
    if (rules.length) out.push({ address: cf.ref, rules });
  }
  return out;
}

/** Page setup of a sheet that has one (a footer), with the column breaks of its print layout. */
function printOf(ws: Worksheet): Pick<SheetPlan, "print"> {
  const footer = ws.headerFooter?.oddFooter;
  if (!footer) return {};
  const setup = ws.pageSetup;
  const layout = printLayoutOf(ws);
  return {
    print: {
      landscape: setup.orientation === "landscape",
      fitToWidth: Boolean(setup.fitToPage),
      repeatRows: setup.printTitlesRow ?? null,
      repeatColumns: setup.printTitlesColumn ?? null,
      scale: setup.fitToPage ? null : (setup.scale ?? null),
      columnBreaks: layout?.columnBreaks ?? [],
      footer,
    },
  };
}

const rgb = (argb: string | undefined): string | undefined => (argb ? `#${argb.slice(-6)}` : undefined);

/** A cell's number format to write, or null for General and text ("@", which strings get anyway). */
export function numberFormatOf(cell: Cell): string | null {
  return cell.numFmt && cell.numFmt !== "General" && cell.numFmt !== "@" ? cell.numFmt : null;
}

/** Font weight and colour, solid fill, wrapping, alignment and borders of a cell; null for a plain cell. */
export function cellLook(cell: Cell): CellLook | null {
  const fill =
    cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? rgb(cell.fill.fgColor?.argb) : undefined;
  const align = cell.alignment?.horizontal;
  const look: CellLook = {
    ...(cell.font?.bold ? { bold: true } : {}),
    ...(cell.font?.italic ? { italic: true } : {}),
    ...(rgb(cell.font?.color?.argb) ? { color: rgb(cell.font?.color?.argb) } : {}),
    ...(fill ? { fill } : {}),
    ...(cell.alignment?.wrapText ? { wrap: true } : {}),
    ...(align === "left" || align === "center" || align === "right"
      ? { align: (align[0]!.toUpperCase() + align.slice(1)) as CellLook["align"] }
      : {}),
    ...(cell.border?.top || cell.border?.left ? { border: true } : {}),
  };
  return Object.keys(look).length ? look : null;
}

/** Merged ranges; read from the sheet's merge map, not `ws.model`, which would serialise every row again. */
function mergesOf(ws: Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string }> })._merges;
  if (merges) return Object.values(merges).flatMap((m) => (m.range ? [m.range] : []));
  return (ws.model as { merges?: string[] }).merges ?? [];
}

/** An exceljs cell value as a value or formula to write; dates become Excel serial numbers. */
function toPlanCell(value: XlsxCellValue): PlanCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if ("formula" in value && value.formula) return { formula: value.formula };
  if ("sharedFormula" in value) return (value.result as CellValue) ?? null;
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return null;
}
type CellValue = string | number | boolean | null;

const OPERATORS: Readonly<Record<string, Excel.DataValidationOperator | `${Excel.DataValidationOperator}`>> = {
  between: "Between", notBetween: "NotBetween", equal: "EqualTo", notEqual: "NotEqualTo", greaterThan: "GreaterThan",
  lessThan: "LessThan", greaterThanOrEqual: "GreaterThanOrEqualTo", lessThanOrEqual: "LessThanOrEqualTo",
}; // prettier-ignore

/** A validation formula for Office: numbers stay numbers, anything else is a formula. */
const formula = (f: unknown): string | number =>
  typeof f === "number"
    ? f
    : /^-?\d+(\.\d+)?$/.test(String(f))
      ? Number(f)
      : `=${String(f).replace(/^=/, "")}`;

/** The sheet's validations; exceljs reads them cell by cell, so equal ones are joined back into ranges. */
function validationsOf(ws: Worksheet): ValidationPlan[] {
  const model = (ws as unknown as { dataValidations: { model: Record<string, DataValidation> } })
    .dataValidations.model;
  const groups = new Map<string, { plan: Omit<ValidationPlan, "address">; cells: string[] }>();
  for (const [key, v] of Object.entries(model)) {
    const rule = toRule(v);
    if (!rule) continue;
    const plan = {
      rule,
      ...(v.showInputMessage && v.prompt
        ? { prompt: { title: v.promptTitle ?? "", message: v.prompt } }
        : {}),
      ...(v.showErrorMessage && v.error ? { error: { title: v.errorTitle ?? "", message: v.error } } : {}),
    };
    const id = JSON.stringify(plan);
    const group = groups.get(id) ?? { plan, cells: [] };
    groups.set(id, group);
    const address = key.replace(/^range:/, "");
    const { start, end } = parseRange(address);
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.column; c <= end.column; c++) group.cells.push(cellAddress(r, c));
  }
  return [...groups.values()].flatMap(({ plan, cells }) =>
    joinCells(cells).map((address) => ({ address, ...plan })),
  );
}

function toRule(v: DataValidation): Excel.DataValidationRule | null {
  const [f1, f2] = v.formulae ?? [];
  const basic = (): Excel.BasicDataValidation => ({
    formula1: formula(f1),
    ...(f2 !== undefined ? { formula2: formula(f2) } : {}),
    operator: (OPERATORS[v.operator ?? "between"] ?? "Between") as Excel.DataValidationOperator,
  });
  switch (v.type) {
    case "list": {
      const source = String(f1 ?? "");
      // An inline list is quoted ("已完成,滞后"); Office wants it bare. A range stays a formula.
      const inline = /^".*"$/.test(source);
      return {
        list: { inCellDropDown: true, source: inline ? source.slice(1, -1) : `=${source.replace(/^=/, "")}` },
      };
    }
    case "whole":
      return { wholeNumber: basic() };
    case "decimal":
      return { decimal: basic() };
    case "textLength":
      return { textLength: basic() };
    case "date":
      return { date: basic() as Excel.DateTimeDataValidation };
    case "custom":
      return { custom: { formula: `=${String(f1 ?? "").replace(/^=/, "")}` } };
    default:
      return null;
  }
}

/** Workbook defined names grouped by the sheet they point into ('填报表'!$C$3 → 填报表, $C$3). */
function definedNamesBySheet(workbook: Workbook): Map<string, { name: string; address: string }[]> {
  const out = new Map<string, { name: string; address: string }[]>();
  for (const { name, ranges } of workbook.definedNames.model) {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(ranges[0] ?? "");
    if (!m) continue;
    const sheet = (m[1] ?? m[2]!).replace(/''/g, "'");
    out.set(sheet, [...(out.get(sheet) ?? []), { name, address: m[3]! }]);
  }
  return out;
}

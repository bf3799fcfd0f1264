import { CELL_STYLES, type SheetModel, type WorkbookModel } from "../core/template/sheet-model";
import { IDENTITY_SHEET } from "../core/template/spec";
import { joinCells, parseCell } from "./a1";
import type { CellLook, PlanCell, SheetPlan, ValidationPlan } from "./sheet-plan";

/**
 * The template's workbook model (src/core/template/sheet-model.ts, the same model the exceljs renderer draws) as
 * sheet plans for writeSheets: every sheet, with values and formulas in whole arrays, looks by style, unlocked
 * inputs, data validation, conditional formats, frozen panes, widths, heights, visibility, protection, print
 * setup and the defined names. The identity sheet keeps its name (the check finds it by name), so a workbook that
 * has one already is refused rather than given a second template.
 */
export function modelToSheetPlans(model: WorkbookModel): SheetPlan[] {
  return model.sheets.map((sheet) => sheetPlan(sheet, namesInto(model, sheet.name)));
}

const argb = (c: string): string => `#${c.slice(-6)}`;
/** Excel column width (characters) in points: 7 px per character plus 5 px padding, at 0.75 pt per px. */
const widthInPoints = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 10) / 10;

function sheetPlan(sheet: SheetModel, names: SheetPlan["names"]): SheetPlan {
  const rows: PlanCell[][] = [];
  const byStyle = new Map<string, string[]>();
  const cellFormats: { address: string; format: string }[] = [];
  for (const cell of sheet.cells) {
    const { row, column } = parseCell(cell.address);
    (rows[row] ??= [])[column] = cell.formula ? { formula: cell.formula } : (cell.value ?? null);
    byStyle.set(cell.style, [...(byStyle.get(cell.style) ?? []), cell.address]);
    const format = CELL_STYLES[cell.style].numberFormat;
    if (format) cellFormats.push({ address: cell.address, format });
  }
  const styled = [...byStyle].map(([key, cells]) => ({
    style: CELL_STYLES[key as keyof typeof CELL_STYLES],
    cells,
  }));
  return {
    name: sheet.name,
    ...(sheet.name === IDENTITY_SHEET ? { fixedName: true } : {}),
    rows: Array.from(rows, (r) => Array.from(r ?? [], (v) => v ?? null)),
    cellFormats,
    looks: styled.flatMap(({ style, cells }) =>
      joinCells(cells).map((address) => ({ address, look: lookOf(style) })),
    ),
    unlocked: styled.filter(({ style }) => !style.locked).flatMap(({ cells }) => joinCells(cells)),
    columnWidths: sheet.columns.map((c) => widthInPoints(c.width)),
    hiddenColumns: sheet.columns.flatMap((c, i) => (c.hidden ? [i] : [])),
    rowHeights: sheet.rowHeights,
    merges: sheet.merges,
    validations: sheet.dataValidations.map(validationPlan),
    conditionalFormats: sheet.conditionalFormats.map((cf) => ({
      address: cf.range,
      rules: cf.rules.map((r) => ({ text: r.text, fill: argb(r.fill), color: argb(r.color) })),
    })),
    frozenRows: sheet.freeze?.rows || undefined,
    frozenColumns: sheet.freeze?.columns || undefined,
    protect: sheet.protect,
    visibility:
      sheet.visibility === "veryHidden" ? "VeryHidden" : sheet.visibility === "hidden" ? "Hidden" : "Visible",
    ...(sheet.print ? { print: sheet.print } : {}),
    names,
  };
}

function lookOf(style: (typeof CELL_STYLES)[keyof typeof CELL_STYLES]): CellLook {
  return {
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.size ? { size: style.size } : {}),
    ...(style.color ? { color: argb(style.color) } : {}),
    ...(style.fill ? { fill: argb(style.fill) } : {}),
    ...(style.wrap ? { wrap: true } : {}),
    ...(style.align
      ? { align: (style.align[0]!.toUpperCase() + style.align.slice(1)) as CellLook["align"] }
      : {}),
    ...(style.border ? { border: true } : {}),
  };
}

const OPERATORS = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

/** A validation bound: a number stays a number, anything else is a formula. */
const bound = (f: string | undefined): string | number =>
  f !== undefined && /^-?\d+(\.\d+)?$/.test(f) ? Number(f) : `=${f ?? ""}`;

function validationPlan(v: SheetModel["dataValidations"][number]): ValidationPlan {
  const [f1, f2] = v.formulas;
  const basic = {
    formula1: bound(f1),
    ...(f2 !== undefined ? { formula2: bound(f2) } : {}),
    operator: OPERATORS[v.operator ?? "between"] as Excel.DataValidationOperator,
  };
  const rule: Excel.DataValidationRule =
    v.type === "list"
      ? { list: { inCellDropDown: true, source: `=${f1 ?? ""}` } }
      : v.type === "whole"
        ? { wholeNumber: basic }
        : v.type === "decimal"
          ? { decimal: basic }
          : v.type === "date"
            ? { date: basic as Excel.DateTimeDataValidation }
            : v.type === "textLength"
              ? { textLength: basic }
              : { custom: { formula: `=${f1 ?? ""}` } };
  return { address: v.range, rule, prompt: v.prompt, error: v.error };
}

/** Defined names that point into this sheet ("'填报表'!$C$3" → $C$3). */
function namesInto(model: WorkbookModel, sheetName: string): SheetPlan["names"] {
  return model.definedNames.flatMap((n) => {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(n.refersTo);
    const sheet = m ? (m[1] ?? m[2]!).replace(/''/g, "'") : null;
    return sheet === sheetName ? [{ name: n.name, address: m![3]! }] : [];
  });
}

import type ExcelJS from "exceljs";
import { methodLabel, SCOPE_LABELS, verdictText } from "../../core/consolidate/labels";
import type { SummaryModel, UnitFigure } from "../../core/consolidate/types";
import type { BulkCell, BulkRows } from "./bulk-rows";
import {
  addTitle,
  attainmentFormats,
  beginsWith,
  BORDER,
  columnLetter,
  freeze,
  printSetup,
  styleBody,
  styleHeader,
  wrapWidths,
} from "./styles";

// Widths in characters: the names wrap (序号, 工作任务 and 指标 are repeated on every printed page), the figures
// are narrow, so that the columns up to 汇总是否达标 go on one landscape page beside the names at 8 pt or larger.
const FIXED = [
  ["序号", 5],
  ["工作任务", 20],
  ["指标", 18],
  ["目标", 11],
  ["计量单位", 6],
  ["适用范围", 6],
  ["汇总方式", 10],
  ["报送单位数", 6],
  ["达标", 5],
  ["未达标", 5],
  ["不适用", 5],
  ["未填", 5],
  ["汇总值", 10],
  ["Σ分子", 10],
  ["Σ分母", 10],
  ["最小值", 8],
  ["中位数", 8],
  ["最大值", 8],
  ["汇总是否达标", 13],
] as const;
/** The name columns repeated at the left of every printed page. */
const NAME_COLUMNS = 3;
/** Columns whose text wraps (1-based): the task, the indicator, the target and 汇总是否达标 (the last fixed one). */
const wrappedColumns = (fixedCount: number): ReadonlySet<number> => new Set([2, 3, 4, fixedCount]);

/** With a previous period: 上期值 and 环比 of the aggregate, after 汇总值. */
const PREVIOUS_FIXED = [
  ["上期值", 10],
  ["环比", 9],
] as const;
const AFTER_VALUE = FIXED.findIndex(([h]) => h === "汇总值") + 1;

/** The fixed columns of 汇总: with 上期值 and 环比 when the summary is compared with a previous period. */
function fixedColumns(model: SummaryModel): readonly (readonly [string, number])[] {
  if (!model.previousPeriod) return FIXED;
  return [...FIXED.slice(0, AFTER_VALUE), ...PREVIOUS_FIXED, ...FIXED.slice(AFTER_VALUE)];
}

/** Each unit's headings: its name, and with a previous period its 上期 and 环比. */
function unitHeadings(model: SummaryModel): string[] {
  if (!model.previousPeriod) return [...model.units];
  return model.units.flatMap((u) => [u, `${u} 上期`, `${u} 环比`]);
}

const figureCell = (f: UnitFigure): number | string | null =>
  f.kind === "value" ? f.value : f.kind === "not_applicable" ? "不适用" : null;

/**
 * 汇总: one row per target with its target, units reporting, attainment, the aggregate and a column per unit (a
 * unit's figure on light red where it misses the target). Rows are streamed (see ./bulk-rows.ts): a thousand units
 * make a hundred thousand cells.
 */
export function addSummarySheet(
  wb: ExcelJS.Workbook,
  model: SummaryModel,
): { sheet: ExcelJS.Worksheet; bulk: BulkRows } {
  const ws = wb.addWorksheet("汇总", { properties: { tabColor: { argb: "FF2F5597" } } });
  const fixed = fixedColumns(model);
  const units = unitHeadings(model);
  const columns = fixed.length + units.length;
  const previous = model.previousPeriod ? `（上期：${model.previousPeriod.period.label}）` : "";
  addTitle(ws, `${model.spec.plan.title} ${model.spec.period.label} 汇总表${previous}`, columns);
  fixed.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));
  units.forEach((_, i) => (ws.getColumn(fixed.length + i + 1).width = 10));
  styleHeader(ws.addRow([...fixed.map(([h]) => h), ...units]));
  const wrapped = wrappedColumns(fixed.length);
  sampleRows(ws, columns, fixed.length + 1, wrapped);
  const last = Math.max(model.targets.length + 2, 3);
  const attainCol = columnLetter(fixed.length);
  attainmentFormats(ws, `${attainCol}3:${attainCol}${last}`, {
    good: ["达标"],
    bad: ["未达标"],
    warn: ["待填"],
  });
  if (model.units.length) {
    const ref = `${columnLetter(fixed.length + 1)}3:${columnLetter(columns)}${last}`;
    const grey: Partial<ExcelJS.Style> = { font: { color: { argb: "FF7F7F7F" }, italic: true } };
    ws.addConditionalFormatting({ ref, rules: [beginsWith(ref, "不适用", grey, 20)] });
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns } };
  freeze(ws, 2, 3);
  printSetup(ws, 2, { titleColumns: NAME_COLUMNS, sections: [fixed.length + 1] });
  return {
    sheet: ws,
    bulk: {
      sheet: ws.name,
      firstRow: 3,
      samples: 2,
      count: model.targets.length,
      wrap: wrapWidths(ws, wrapped),
      rows: () => targetRows(model),
    },
  };
}

/** Two styled sample rows for the bulk rows: plain, and light red for a unit that misses its target. */
function sampleRows(
  ws: ExcelJS.Worksheet,
  columns: number,
  firstUnitColumn: number,
  wrapped: ReadonlySet<number>,
): void {
  const plain = ws.addRow(Array.from({ length: columns }, () => ""));
  const missed = ws.addRow(Array.from({ length: columns }, () => ""));
  styleBody(ws, plain.number, columns);
  for (const row of [plain, missed])
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = { vertical: "top", wrapText: wrapped.has(c) };
      if (row === missed && c >= firstUnitColumn)
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    }
}

function* targetRows(model: SummaryModel): Generator<BulkCell[]> {
  for (const [i, t] of model.targets.entries())
    yield [
      i + 1,
      t.taskTitle,
      t.indicator,
      t.targetLabel,
      t.unitOfMeasure === "ratio" ? "1:X" : (t.unitOfMeasure ?? ""),
      SCOPE_LABELS[t.scope].zh,
      methodLabel(t.method, t.weight).zh,
      t.reporting,
      t.attained,
      t.notAttained,
      t.notApplicable,
      t.blank,
      t.value,
      ...(model.previousPeriod ? [t.previous?.value ?? null, t.previous?.change ?? null] : []),
      t.numerator,
      t.denominator,
      t.min,
      t.median,
      t.max,
      verdictText(t).zh,
      ...Array.from(t.byUnit, (f, u): BulkCell[] => {
        const value = figureCell(f);
        const own: BulkCell = t.byUnitAttainment[u] === "not_attained" ? { value, alt: true } : value;
        if (!model.previousPeriod) return [own];
        return [own, t.previous?.byUnit[u] ?? null, t.previous?.changeByUnit[u] ?? null];
      }).flat(),
    ];
}

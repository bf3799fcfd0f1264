import type ExcelJS from "exceljs";
import { ATTAINMENT_LABELS, METHOD_LABELS } from "../../core/consolidate/labels";
import type { SummaryModel, UnitFigure } from "../../core/consolidate/types";
import {
  addTitle,
  attainmentFormats,
  columnLetter,
  freeze,
  printSetup,
  styleBody,
  styleHeader,
} from "./styles";

const FIXED = [
  ["序号", 6],
  ["工作任务", 28],
  ["指标", 20],
  ["目标", 10],
  ["计量单位", 8],
  ["汇总方式", 12],
  ["报送单位数", 8],
  ["达标", 6],
  ["未达标", 6],
  ["不适用", 6],
  ["未填", 6],
  ["汇总值", 10],
  ["Σ分子", 10],
  ["Σ分母", 10],
  ["最小值", 9],
  ["中位数", 9],
  ["最大值", 9],
  ["汇总是否达标", 10],
] as const;

const figureCell = (f: UnitFigure): number | string | null =>
  f.kind === "value" ? f.value : f.kind === "not_applicable" ? "不适用" : null;

/** 汇总: one row per target with its target, units reporting, attainment, the aggregate and a column per unit. */
export function addSummarySheet(wb: ExcelJS.Workbook, model: SummaryModel): ExcelJS.Worksheet {
  const ws = wb.addWorksheet("汇总", { properties: { tabColor: { argb: "FF2F5597" } } });
  const columns = FIXED.length + model.units.length;
  addTitle(ws, `${model.spec.plan.title} ${model.spec.period.label} 汇总表`, columns);
  const head = ws.addRow([...FIXED.map(([h]) => h), ...model.units]);
  styleHeader(head);
  FIXED.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));
  model.units.forEach((_, i) => (ws.getColumn(FIXED.length + i + 1).width = 10));
  model.targets.forEach((t, i) => {
    ws.addRow([
      i + 1,
      t.taskTitle,
      t.indicator,
      t.targetLabel,
      t.unitOfMeasure === "ratio" ? "1:X" : (t.unitOfMeasure ?? ""),
      METHOD_LABELS[t.method].zh,
      t.reporting,
      t.attained,
      t.notAttained,
      t.notApplicable,
      t.blank,
      t.value,
      t.numerator,
      t.denominator,
      t.min,
      t.median,
      t.max,
      ATTAINMENT_LABELS[t.aggregateAttainment].zh,
      ...t.byUnit.map(figureCell),
    ]);
  });
  styleBody(ws, 3, columns);
  const last = Math.max(ws.rowCount, 3);
  const attainCol = columnLetter(FIXED.length);
  attainmentFormats(ws, `${attainCol}3:${attainCol}${last}`, {
    good: ["达标"],
    bad: ["未达标"],
    warn: ["待填"],
  });
  // Unit cells below their row's target: a red fill where the unit missed it, computed from the 目标 row data.
  if (model.units.length) {
    const from = columnLetter(FIXED.length + 1);
    const to = columnLetter(columns);
    ws.addConditionalFormatting({
      ref: `${from}3:${to}${last}`,
      rules: [
        {
          type: "containsText",
          operator: "containsText",
          text: "不适用",
          priority: 20,
          style: { font: { color: { argb: "FF7F7F7F" }, italic: true } },
        },
      ],
    });
    missedCells(ws, model);
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns } };
  freeze(ws, 2, 3);
  printSetup(ws, 2);
  return ws;
}

/** Unit cells that miss their target get a light red fill (decided by the core, not by a sheet formula). */
function missedCells(ws: ExcelJS.Worksheet, model: SummaryModel): void {
  model.targets.forEach((t, i) =>
    t.byUnitAttainment.forEach((a, u) => {
      if (a !== "not_attained") return;
      const cell = ws.getRow(3 + i).getCell(FIXED.length + 1 + u);
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } };
    }),
  );
}

import type ExcelJS from "exceljs";
import { FIELD_LABELS, RECORD_STATUS_LABELS } from "../../core/consolidate/labels";
import { shownRaw } from "../../core/consolidate/shown";
import type { SummaryModel } from "../../core/consolidate/types";
import type { BulkCell, BulkRows } from "./bulk-rows";
import { STATUSES } from "../../core/template/spec";
import {
  addTitle,
  attainmentFormats,
  columnLetter,
  freeze,
  printSetup,
  styleBody,
  styleHeader,
  wrapWidths,
} from "./styles";

/** Column headings of 明细 (also the CSV's). */
export const DETAIL_HEADINGS = [
  "填报单位",
  "行键",
  "工作任务",
  "指标",
  "字段",
  "值",
  "原始内容",
  "状态",
  "来源文件",
  "工作表",
  "单元格",
  "文件SHA-256",
] as const;
// 填报单位 wide enough for a hospital's full name; long texts wrap (see WRAPPED) rather than run into the next column.
const DETAIL_WIDTHS = [24, 8, 28, 20, 10, 12, 16, 10, 30, 8, 7, 20];
/** 1-based columns of 明细 whose text wraps: unit, task, indicator, raw content, file. */
const WRAPPED = new Set([1, 3, 4, 7, 9]);
const DETAIL_TABLE = "明细表";

/**
 * 明细: every figure with its source, as an Excel table (banded rows, a filter button per column). exceljs writes
 * the headings and a sample row; the rows are streamed in afterwards (see ./bulk-rows.ts): a thousand returns make
 * a quarter of a million rows.
 */
export function addDetailSheet(wb: ExcelJS.Workbook, model: SummaryModel): BulkRows {
  const ws = wb.addWorksheet("明细");
  DETAIL_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.addTable({
    name: DETAIL_TABLE,
    displayName: DETAIL_TABLE,
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: DETAIL_HEADINGS.map((name) => ({ name, filterButton: true })),
    rows: [DETAIL_HEADINGS.map(() => "")],
  });
  ws.getRow(2).eachCell({ includeEmpty: true }, (cell, c) => {
    cell.alignment = { vertical: "top", wrapText: WRAPPED.has(c) };
  });
  const last = Math.max(model.records.length + 1, 2);
  attainmentFormats(ws, `H2:H${last}`, {
    good: [],
    bad: ["有错误", "已退回"],
    warn: ["有警告", "重复未采用"],
  });
  freeze(ws, 1);
  printSetup(ws, 1, { titleColumns: 1 });
  return {
    sheet: ws.name,
    firstRow: 2,
    count: model.records.length,
    table: DETAIL_TABLE,
    wrap: wrapWidths(ws, WRAPPED),
    rows: function* () {
      // One array filled for each record in turn (a quarter of a million rows; see BulkRows.rows).
      const row: BulkCell[] = [];
      for (const r of model.records) {
        row[0] = r.unit;
        row[1] = r.key;
        row[2] = r.task;
        row[3] = r.indicator;
        row[4] = FIELD_LABELS[r.field].zh;
        row[5] = r.value;
        row[6] = shownRaw(r);
        row[7] = RECORD_STATUS_LABELS[r.status].zh;
        row[8] = r.file;
        row[9] = r.sheet;
        row[10] = r.cell;
        row[11] = r.sha256;
        yield row;
      }
    },
  };
}

/** 进展: each task's status (进展情况) by unit, the rolled-up status, counts per status and the units' problems. */
export function addProgressSheet(wb: ExcelJS.Workbook, model: SummaryModel): BulkRows {
  const ws = wb.addWorksheet("进展");
  const headings = ["行键", "工作任务", ...model.units, "汇总进展", ...STATUSES, "存在问题"];
  ws.getColumn(1).width = 7;
  ws.getColumn(2).width = 32;
  for (let c = 3; c <= headings.length; c++) ws.getColumn(c).width = 11;
  ws.getColumn(headings.length).width = 40;
  addTitle(ws, `${model.spec.plan.title} ${model.spec.period.label} 任务进展`, headings.length);
  styleHeader(ws.addRow(headings));
  ws.addRow(headings.map(() => ""));
  // The task and the units' problems wrap; statuses are short words.
  const wrap = new Set([2, headings.length]);
  styleBody(ws, 3, headings.length, wrap);
  const to = columnLetter(3 + model.units.length);
  attainmentFormats(ws, `C3:${to}${Math.max(model.progress.length + 2, 3)}`, {
    good: ["已完成"],
    bad: ["滞后"],
    warn: ["未启动"],
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headings.length } };
  freeze(ws, 2, 2);
  printSetup(ws, 2, { titleColumns: 2, sections: [3 + model.units.length] });
  return {
    sheet: ws.name,
    firstRow: 3,
    count: model.progress.length,
    wrap: wrapWidths(ws, wrap),
    rows: function* () {
      for (const p of model.progress)
        yield [
          p.key,
          p.taskTitle,
          ...p.byUnit,
          p.rolledUp,
          ...STATUSES.map((s) => p.counts[s] ?? 0),
          p.problems,
        ];
    },
  };
}

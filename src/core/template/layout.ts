import { IDENTITY_SHEET, type SpecRow, type TemplateLayout } from "./spec";

/** Rows of the entry sheet above the data: title, 报告期, header fields, a hint, the column headings. */
export const HEADER_ROW = 6;

/**
 * The fixed layout of spec version 1: key in hidden column A, then 序号 工作任务 指标 目标 计量单位 分子 分母 完成值
 * 是否达标 进展情况 完成情况说明 存在问题; header fields in C3 E3 C4 E4; data from row 7.
 * @example templateLayout([taskRow]).columns.value // → "I"
 */
export function templateLayout(rows: readonly SpecRow[]): TemplateLayout {
  return {
    entrySheet: "填报表",
    instructionsSheet: "填报说明",
    identitySheet: IDENTITY_SHEET,
    listsSheet: "_rk_lists",
    headerCells: { unit: "C3", reporter: "E3", phone: "C4", filledOn: "E4" },
    keyColumn: "A",
    columns: {
      numerator: "G",
      denominator: "H",
      value: "I",
      status: "K",
      note: "L",
      problems: "M",
    },
    fixedColumns: { seq: "B", task: "C", indicator: "D", target: "E", unitOfMeasure: "F", attainment: "J" },
    headerRow: HEADER_ROW,
    firstDataRow: HEADER_ROW + 1,
    lastDataRow: HEADER_ROW + rows.length,
  };
}

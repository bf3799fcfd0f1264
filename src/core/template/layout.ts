import { IDENTITY_SHEET, type SpecRow, type TemplateLayout } from "./spec";

/** Rows of the entry sheet above the data: title, 报告期, header fields, a hint, the column headings. */
export const HEADER_ROW = 6;

/**
 * The fixed layout of spec version 1: key in hidden column A, then 序号 工作任务 指标 目标 计量单位 分子 分母 完成值
 * 是否达标 进展情况 完成情况说明 存在问题; header fields in C3 E3 C4 E4; data from row 7. A template made with the
 * previous period's figures (`withPrevious`) has the locked 上期值 beside 分子, 分母 and 完成值 and the live 变化 after
 * it: 分子 上期分子 分母 上期分母 完成值 上期值 变化 是否达标 进展情况 完成情况说明 存在问题.
 * @example templateLayout([taskRow]).columns.value // → "I"
 * @example templateLayout([taskRow], true).columns.value // → "K"
 */
export function templateLayout(rows: readonly SpecRow[], withPrevious = false): TemplateLayout {
  const common = {
    entrySheet: "填报表",
    instructionsSheet: "填报说明",
    identitySheet: IDENTITY_SHEET,
    listsSheet: "_rk_lists",
    headerCells: { unit: "C3", reporter: "E3", phone: "C4", filledOn: "E4" },
    keyColumn: "A",
    headerRow: HEADER_ROW,
    firstDataRow: HEADER_ROW + 1,
    lastDataRow: HEADER_ROW + rows.length,
  };
  const fixed = { seq: "B", task: "C", indicator: "D", target: "E", unitOfMeasure: "F" };
  if (!withPrevious)
    return {
      ...common,
      columns: { numerator: "G", denominator: "H", value: "I", status: "K", note: "L", problems: "M" },
      fixedColumns: { ...fixed, attainment: "J" },
    };
  return {
    ...common,
    columns: { numerator: "G", denominator: "I", value: "K", status: "O", note: "P", problems: "Q" },
    fixedColumns: { ...fixed, attainment: "N" },
    previousColumns: { numerator: "H", denominator: "J", value: "L", change: "M" },
  };
}

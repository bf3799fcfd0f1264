import { assertNever } from "../errors";
import type { ModelDataValidation } from "./sheet-model";
import { NOT_APPLICABLE, type Measure, type TargetRow } from "./spec";

const NA = NOT_APPLICABLE[0];

/**
 * Data validation of the 完成值 cell of a non-rate target row (a custom rule so that 不适用 is accepted).
 * @example valueValidation(rowOf("≥3家"), "I9").formulas // → ['OR(I9="不适用",AND(ISNUMBER(I9),I9>=0,I9=INT(I9)))']
 */
export function valueValidation(row: TargetRow, cell: string): ModelDataValidation {
  const { rule, what } = numberRule(row.measure, cell);
  return {
    range: cell,
    type: "custom",
    formulas: [`OR(${cell}="${NA}",AND(ISNUMBER(${cell}),${rule}))`],
    prompt: {
      title: "填写完成值",
      message: clip(`目标：${row.targetLabel}。请填${what}，按计量单位填写，不带单位；确无此项填“${NA}”。`),
    },
    error: { title: "完成值不符合要求", message: clip(`请填${what}（如 95% 填 95），或填“${NA}”。`) },
  };
}

/**
 * Validation of 分子 (numerator): a number ≥ 0, not above the 分母 when that is filled.
 * @example numeratorValidation(rowOf("≥95%"), "G8", "H8").formulas[0] // → 'OR(G8="不适用",AND(ISNUMBER(G8),G8>=0,OR(NOT(ISNUMBER(H8)),G8<=H8)))'
 */
export function numeratorValidation(row: TargetRow, cell: string, denominator: string): ModelDataValidation {
  return {
    range: cell,
    type: "custom",
    formulas: [
      `OR(${cell}="${NA}",AND(ISNUMBER(${cell}),${cell}>=0,OR(NOT(ISNUMBER(${denominator})),${cell}<=${denominator})))`,
    ],
    prompt: {
      title: "填写分子",
      message: clip(
        `${row.target.indicator}的分子（目标 ${row.targetLabel}）。填不小于 0 的数字，不能大于分母；确无此项填“${NA}”。`,
      ),
    },
    error: { title: "分子不符合要求", message: "分子应为不小于 0 的数字，且不能大于分母。" },
  };
}

/**
 * Validation of 分母 (denominator): a number > 0, not below the 分子 when that is filled.
 * @example denominatorValidation(rowOf("≥95%"), "H8", "G8").formulas[0] // → 'OR(H8="不适用",AND(ISNUMBER(H8),H8>0,OR(NOT(ISNUMBER(G8)),G8<=H8)))'
 */
export function denominatorValidation(row: TargetRow, cell: string, numerator: string): ModelDataValidation {
  return {
    range: cell,
    type: "custom",
    formulas: [
      `OR(${cell}="${NA}",AND(ISNUMBER(${cell}),${cell}>0,OR(NOT(ISNUMBER(${numerator})),${numerator}<=${cell})))`,
    ],
    prompt: {
      title: "填写分母",
      message: clip(`${row.target.indicator}的分母。填大于 0 的数字，不能小于分子。`),
    },
    error: { title: "分母不符合要求", message: "分母应为大于 0 的数字，且不能小于分子。" },
  };
}

/**
 * Validation of the weight of a weighted mean (typed in the 分母 column): a number > 0, or 不适用 with the figure.
 * @example weightValidation(rowOf("≥79.5岁"), "常住人口", "H9").formulas[0] // → 'OR(H9="不适用",AND(ISNUMBER(H9),H9>0))'
 */
export function weightValidation(row: TargetRow, weight: string, cell: string): ModelDataValidation {
  return {
    range: cell,
    type: "custom",
    formulas: [`OR(${cell}="${NA}",AND(ISNUMBER(${cell}),${cell}>0))`],
    prompt: {
      title: "填写权数",
      message: clip(
        `${row.target.indicator}按${weight}加权汇总：请在此填本单位的${weight}（大于 0 的数字）。`,
      ),
    },
    error: { title: "权数不符合要求", message: clip(`${weight}应为大于 0 的数字。`) },
  };
}

/**
 * A free-text cell: at most `max` characters.
 * @example textValidation("L8", "填写完成情况说明", 500).formulas // → ["500"]
 */
export function textValidation(cell: string, title: string, max: number): ModelDataValidation {
  return {
    range: cell,
    type: "textLength",
    operator: "lessThanOrEqual",
    formulas: [String(max)],
    prompt: { title, message: `请简要填写，不超过 ${max} 个字。` },
    error: { title: "内容过长", message: `请不要超过 ${max} 个字。` },
  };
}

/**
 * A dropdown from a list range (never an inline list: those break past 255 characters).
 * @example listValidation("K7", "'_rk_lists'!$A$1:$A$4", "选择进展情况", "进展情况").type // → "list"
 */
export function listValidation(
  cell: string,
  source: string,
  title: string,
  what: string,
): ModelDataValidation {
  return {
    range: cell,
    type: "list",
    formulas: [source],
    prompt: { title, message: `请从下拉列表中选择${what}。` },
    error: { title: "请从列表中选择", message: `只能填写下拉列表中的${what}。` },
  };
}

/**
 * 填报日期: a date from the start of the period to the end of the next year.
 * @example dateValidation("E4", "2024-01-01", 2025).formulas // → ["DATE(2024,1,1)", "DATE(2025,12,31)"]
 */
export function dateValidation(cell: string, from: string, toYear: number): ModelDataValidation {
  const [y, m, d] = from.split("-").map(Number);
  return {
    range: cell,
    type: "date",
    operator: "between",
    formulas: [`DATE(${y},${m},${d})`, `DATE(${toYear},12,31)`],
    prompt: { title: "填写填报日期", message: "请填写日期，如 2024-07-05。" },
    error: { title: "日期不正确", message: `请填写 ${from} 以后的有效日期，格式如 2024-07-05。` },
  };
}

function numberRule(measure: Measure, cell: string): { rule: string; what: string } {
  switch (measure) {
    case "count":
    case "level":
      return { rule: `${cell}>=0,${cell}=INT(${cell})`, what: "不小于 0 的整数" };
    case "amount":
    case "rate":
      return { rule: `${cell}>=0`, what: "不小于 0 的数字" };
    case "ratio":
      return { rule: `${cell}>0`, what: "1:X 中 X 的数值（大于 0）" };
    default:
      return assertNever(measure);
  }
}

/** Excel refuses a prompt over 255 characters. */
function clip(text: string): string {
  return text.length <= 255 ? text : `${text.slice(0, 254)}…`;
}

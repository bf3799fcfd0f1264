import type { FindingData, LocalisedText } from "../basics";
import type { Catalogue } from "../catalogue-types";
import { changeList } from "./spec-changes";

/** Who has what, in a finding about a changed spec (see spec-changes.ts). */
const SENT = { zh: "下发的模板", en: "the template sent" };
const THIS_RETURN = { zh: "本报表", en: "this return" };

/** 「床位使用率」 before a message when the finding names an indicator or field. */
const zhLabel = (d: FindingData): string => (d.label ? `「${d.label}」` : "");
const enLabel = (d: FindingData): string => (d.label ? `"${d.label}": ` : "");

/** An explained exception carries the reason the unit wrote in the row's note (see check/explain.ts). */
function explained(d: FindingData, text: LocalisedText): LocalisedText {
  if (d.reason === undefined) return text;
  return { zh: `${text.zh}（已说明原因：${d.reason}）`, en: `${text.en} (reason given: ${d.reason})` };
}

/** "应不低于 95%" / "at least 95%": the target a figure is compared with. */
const expectZh = (d: FindingData): string => `目标为 ${d.expected}`;
const expectEn = (d: FindingData): string => `target ${d.expected}`;

const FIELD_ZH: Readonly<Record<string, string>> = {
  unit: "填报单位",
  reporter: "填报人",
  phone: "联系电话",
  filledOn: "填报日期",
  value: "完成值",
  numerator: "分子",
  denominator: "分母",
  status: "进展情况",
  note: "完成情况说明",
  problems: "存在问题",
};
/** Chinese name of an entry field for messages. */
export const fieldNameZh = (field: string | number | undefined): string =>
  FIELD_ZH[String(field)] ?? String(field);

/**
 * Findings of the check area (校验). Codes are stable: add new ones, never reword or reuse a code. Each is
 * documented in docs/finding-codes.md.
 */
export const checkMessages = {
  // ── Reading entries (the normaliser) ──────────────────────────────────────────────────────────────────
  "check.text_in_number_cell": {
    severity: "info",
    text: (d) => ({
      zh: `${zhLabel(d)}数字以文本形式填写（“${d.got}”），已按 ${d.value} 读取`,
      en: `${enLabel(d)}number typed as text ("${d.got}"), read as ${d.value}`,
    }),
  },
  "check.scaled_value": {
    severity: "info",
    text: (d) => ({
      zh: `${zhLabel(d)}“${d.got}”已换算为 ${d.value}${d.unit ?? ""}，请确认`,
      en: `${enLabel(d)}"${d.got}" was read as ${d.value}${d.unit ?? ""}; please confirm`,
    }),
  },
  "check.chinese_numeral": {
    severity: "info",
    text: (d) => ({
      zh: `${zhLabel(d)}中文数字“${d.got}”已按 ${d.value} 读取，请改填阿拉伯数字`,
      en: `${enLabel(d)}Chinese numeral "${d.got}" read as ${d.value}; please type digits`,
    }),
  },
  "check.percent_from_format": {
    severity: "info",
    text: (d) => ({
      zh: `${zhLabel(d)}单元格为百分比格式，${d.got} 按 ${d.value}% 读取`,
      en: `${enLabel(d)}cell has a percent format; ${d.got} read as ${d.value}%`,
    }),
  },
  "check.percent_ambiguous": {
    severity: "warning",
    text: (d) => ({
      zh: `${zhLabel(d)}填报值 ${d.got} 不能确定是 ${d.got}% 还是 ${d.asPercent}%（目标为 ${d.target}%），请按百分数填写数字（如 95 表示 95%）`,
      en: `${enLabel(d)}${d.got} could mean ${d.got}% or ${d.asPercent}% (target ${d.target}%); type the percentage as a number (95 for 95%)`,
    }),
  },
  "check.status_read_as": {
    severity: "info",
    text: (d) => ({
      zh: `进展情况“${d.got}”已按“${d.value}”读取，请从下拉列表选择`,
      en: `Status "${d.got}" read as "${d.value}"; please pick from the list`,
    }),
  },
  "check.not_a_number": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}填报值“${d.got}”无法识别为数字${d.expected ? `（${expectZh(d)}）` : ""}`,
      en: `${enLabel(d)}"${d.got}" is not a number${d.expected ? ` (${expectEn(d)})` : ""}`,
    }),
  },
  "check.unit_mismatch": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}填报值“${d.got}”的单位与计量单位“${d.unit || "无"}”不符，请只填数字`,
      en: `${enLabel(d)}"${d.got}" does not match the unit of measure "${d.unit || "none"}"; type the number only`,
    }),
  },
  "check.date_in_number_cell": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}填报值被识别为日期（${d.got}），请改为数字（输入“3-5”“3/5”时 Excel 会自动转为日期）`,
      en: `${enLabel(d)}the entry was read as a date (${d.got}); type a number (Excel turns "3-5" or "3/5" into a date)`,
    }),
  },
  "check.formula_no_value": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}单元格是公式（${d.got}）但没有计算结果，请在 Excel/WPS 中打开并保存后再报送，或直接填写数字`,
      en: `${enLabel(d)}the cell holds a formula (${d.got}) without a computed value; open and save it in Excel/WPS, or type the number`,
    }),
  },
  "check.error_value": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}单元格显示错误值 ${d.got}，请检查填写`,
      en: `${enLabel(d)}the cell shows the error ${d.got}`,
    }),
  },
  "check.bad_status": {
    severity: "error",
    text: (d) => ({
      zh: `进展情况“${d.got}”不是可选项（已完成、按计划推进、滞后、未启动）`,
      en: `Status "${d.got}" is not one of the choices (已完成, 按计划推进, 滞后, 未启动)`,
    }),
  },
  "check.bad_date": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}“${d.got}”不是有效日期，请按 2024-07-10 的格式填写`,
      en: `${enLabel(d)}"${d.got}" is not a valid date; use the form 2024-07-10`,
    }),
  },

  // ── Targets ───────────────────────────────────────────────────────────────────────────────────────────
  "check.below_target": {
    severity: "warning",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}完成值 ${d.got} 未达到目标（${d.expected}）`,
        en: `${enLabel(d)}${d.got} misses the target (${d.expected})`,
      }),
  },
  "check.above_target": {
    severity: "warning",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}完成值 ${d.got} 超过目标上限（${d.expected}）`,
        en: `${enLabel(d)}${d.got} is over the target (${d.expected})`,
      }),
  },
  "check.outside_range": {
    severity: "warning",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}完成值 ${d.got} 不在目标范围 ${d.expected} 内`,
        en: `${enLabel(d)}${d.got} is outside the target range ${d.expected}`,
      }),
  },
  "check.outside_tolerance": {
    severity: "warning",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}完成值 ${d.got} 偏离目标 ${d.expected} 超过允许范围（±${d.tolerance}）`,
        en: `${enLabel(d)}${d.got} is further from the target ${d.expected} than allowed (±${d.tolerance})`,
      }),
  },
  "check.not_equal": {
    severity: "warning",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}完成值 ${d.got} 与目标 ${d.expected} 不符`,
        en: `${enLabel(d)}${d.got} is not the target ${d.expected}`,
      }),
  },

  // ── Completeness ──────────────────────────────────────────────────────────────────────────────────────
  "check.missing_value": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}${fieldNameZh(d.field)}未填写；不适用时请填“不适用”并在说明中写明原因`,
      en: `${enLabel(d)}${d.field} is blank; if it does not apply, type 不适用 and give the reason in the note`,
    }),
  },
  "check.not_applicable_without_reason": {
    severity: "warning",
    text: (d) => ({
      zh: `${zhLabel(d)}填写了“${d.got}”，但完成情况说明中没有写明不适用的原因`,
      en: `${enLabel(d)}marked "${d.got}" (not applicable) without a reason in the note`,
    }),
  },
  "check.missing_status": {
    severity: "error",
    text: (d) => ({
      zh: `任务${zhLabel(d)}未选择进展情况`,
      en: `Task ${enLabel(d)}no status chosen`,
    }),
  },
  "check.missing_header": {
    severity: "error",
    text: (d) => ({ zh: `表头“${fieldNameZh(d.field)}”未填写`, en: `Header field ${d.field} is blank` }),
  },
  "check.bad_phone": {
    severity: "warning",
    text: (d) => ({
      zh: `联系电话“${d.got}”不像有效号码（手机 11 位，座机带区号）`,
      en: `Phone "${d.got}" does not look like a number (mobile 11 digits, landline with area code)`,
    }),
  },
  "check.implausible_date": {
    severity: "warning",
    text: (d) => ({
      zh: `填报日期 ${d.got} 不在合理范围（报告期 ${d.period}，不晚于今天）`,
      en: `Filled-on date ${d.got} is implausible (period ${d.period}, not after today)`,
    }),
  },

  // ── Plausibility ──────────────────────────────────────────────────────────────────────────────────────
  "check.numerator_gt_denominator": {
    severity: "error",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}分子 ${d.numerator} 大于分母 ${d.denominator}`,
        en: `${enLabel(d)}numerator ${d.numerator} is greater than denominator ${d.denominator}`,
      }),
  },
  "check.zero_denominator": {
    severity: "error",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}分母为 0，无法计算比率；不适用时请填“不适用”`,
        en: `${enLabel(d)}denominator is 0, the rate cannot be computed; type 不适用 if it does not apply`,
      }),
  },
  "check.weight_invalid": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}按${d.weight}加权汇总，权数（分母栏）${d.got === "" ? "未填写" : `“${d.got}”不是大于 0 的数字`}；请填本单位的${d.weight}`,
      en: `${enLabel(d)}is averaged weighted by ${d.weight}: the weight (分母 column) ${d.got === "" ? "is blank" : `"${d.got}" is not a number above 0`}; type this unit's ${d.weight}`,
    }),
  },
  "check.rate_out_of_range": {
    severity: "error",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}比率 ${d.got} 超出合理范围 0–${d.max}`,
        en: `${enLabel(d)}rate ${d.got} is outside 0–${d.max}`,
      }),
  },
  "check.not_whole": {
    severity: "error",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}${fieldNameZh(d.field)} ${d.got} 应为整数`,
        en: `${enLabel(d)}${d.field} ${d.got} should be a whole number`,
      }),
  },
  "check.negative": {
    severity: "error",
    text: (d) =>
      explained(d, {
        zh: `${zhLabel(d)}${fieldNameZh(d.field)} ${d.got} 不能为负数`,
        en: `${enLabel(d)}${d.field} ${d.got} cannot be negative`,
      }),
  },
  "check.rate_value_mismatch": {
    severity: "warning",
    text: (d) => ({
      zh: `${zhLabel(d)}完成值 ${d.got} 与分子/分母计算结果 ${d.value} 不一致，已按计算结果读取`,
      en: `${enLabel(d)}value ${d.got} differs from numerator/denominator (${d.value}); the computed value is used`,
    }),
  },
  "check.status_inconsistent": {
    severity: "warning",
    text: (d) => ({
      zh: `任务${zhLabel(d)}进展情况为“已完成”，但指标“${d.indicator}”未达标`,
      en: `Task ${enLabel(d)}status is 已完成 (done) but target "${d.indicator}" is missed`,
    }),
  },
  "check.missed_without_problem": {
    severity: "warning",
    text: (d) => ({
      zh: `任务${zhLabel(d)}有指标未达标（${d.indicator}），但“存在问题”未填写`,
      en: `Task ${enLabel(d)}a target is missed (${d.indicator}) but no problem is noted`,
    }),
  },

  // ── Identity ──────────────────────────────────────────────────────────────────────────────────────────
  "check.not_our_template": {
    severity: "error",
    text: () => ({
      zh: "这不是 report-kit 生成的填报模板（找不到模板标识），请使用下发的模板填报",
      en: "This is not a report-kit template (no template identity found); fill in the template that was sent",
    }),
  },
  "check.identity_damaged": {
    severity: "error",
    text: (d) => ({
      zh: `模板标识已损坏（${d.detail}），无法按模板读取，请使用下发的模板重新填报`,
      en: `The template identity is damaged (${d.detail}); fill in the template that was sent again`,
    }),
  },
  "check.other_template": {
    severity: "error",
    text: (d) => ({
      zh: `这是另一份模板（${d.got}），不是本次下发的模板（${d.expected}）`,
      en: `This is another template (${d.got}), not the one sent (${d.expected})`,
    }),
  },
  "check.other_plan": {
    severity: "error",
    text: (d) => ({
      zh: `这份报表属于另一份工作要点“${d.got}”，应为“${d.expected}”`,
      en: `This return belongs to another plan "${d.got}"; expected "${d.expected}"`,
    }),
  },
  "check.other_period": {
    severity: "error",
    text: (d) => ({
      zh: `报告期为“${d.got}”，本次应为“${d.expected}”`,
      en: `Reporting period is "${d.got}"; expected "${d.expected}"`,
    }),
  },
  "check.old_spec_version": {
    severity: "warning",
    text: (d) => ({
      zh: `模板版本较旧（第 ${d.got} 版，当前第 ${d.expected} 版），已按其自身格式读取`,
      en: `Old template version (${d.got}, current ${d.expected}); read with its own layout`,
    }),
  },
  "check.unit_not_in_list": {
    severity: "error",
    text: (d) => ({
      zh: `填报单位“${d.got}”不在单位名录中`,
      en: `Reporting unit "${d.got}" is not in the unit list`,
    }),
  },
  "check.unit_changed": {
    severity: "error",
    text: (d) => ({
      zh: `填报单位被改为“${d.got}”，而这份模板是发给“${d.expected}”的`,
      en: `Reporting unit changed to "${d.got}"; this copy was made for "${d.expected}"`,
    }),
  },
  "check.spec_changed": {
    severity: "error",
    text: (d) => {
      const list = changeList(d, SENT, THIS_RETURN);
      return {
        zh: `报表中保存的模板内容与下发的模板不一致（共 ${d.count} 处），已按下发的模板校验：${list.zh}`,
        en: `The template stored in this return differs from the one sent (${d.count} difference(s)); checked against the one sent: ${list.en}`,
      };
    },
  },

  // ── Tampering ─────────────────────────────────────────────────────────────────────────────────────────
  "check.locked_cell_changed": {
    severity: "warning",
    text: (d) => ({
      zh: `${zhLabel(d)}锁定单元格内容被修改：应为“${d.expected}”，实为“${d.got}”`,
      en: `${enLabel(d)}a locked cell was changed: expected "${d.expected}", found "${d.got}"`,
    }),
  },
  "check.row_added": {
    severity: "warning",
    text: (d) => ({
      zh: `第 ${d.row} 行是新增的行（没有行标识），其内容未读取：${d.got}`,
      en: `Row ${d.row} was added (no row key); its content was not read: ${d.got}`,
    }),
  },
  "check.row_deleted": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}模板中的这一行（${d.key}）被删除了`,
      en: `${enLabel(d)}the template row ${d.key} was deleted`,
    }),
  },
  "check.rows_moved": {
    severity: "warning",
    text: (d) => ({
      zh: `有 ${d.count} 行被移动或重新排序，已按行标识读取`,
      en: `${d.count} rows were moved or sorted; read by their row keys`,
    }),
  },
  "check.duplicate_key": {
    severity: "error",
    text: (d) => ({
      zh: `${zhLabel(d)}第 ${d.row} 行与第 ${d.first} 行是同一模板行（${d.key}，可能是复制的行），只读取了第 ${d.first} 行`,
      en: `${enLabel(d)}row ${d.row} repeats template row ${d.key} of row ${d.first} (a copied row?); only row ${d.first} was read`,
    }),
  },
  "check.key_missing": {
    severity: "warning",
    text: (d) => ({
      zh: `第 ${d.row} 行的行标识被清除，已按原位置和指标名称读取为 ${d.key}`,
      en: `The row key of row ${d.row} was cleared; read as ${d.key} by its position and label`,
    }),
  },
  "check.keys_destroyed": {
    severity: "warning",
    text: () => ({
      zh: "行标识列被清空或破坏，已按原始行位置读取，请核对数据是否对应正确的行",
      en: "The row key column was cleared or damaged; rows were read by position, check that figures are on the right rows",
    }),
  },
  "check.sheet_missing": {
    severity: "error",
    text: (d) => ({ zh: `工作表“${d.sheet}”被删除了`, en: `Sheet "${d.sheet}" was deleted` }),
  },
  "check.sheet_renamed": {
    severity: "warning",
    text: (d) => ({
      zh: `工作表“${d.expected}”被改名为“${d.got}”`,
      en: `Sheet "${d.expected}" was renamed to "${d.got}"`,
    }),
  },
  "check.sheet_added": {
    severity: "info",
    text: (d) => ({
      zh: `新增了工作表“${d.sheet}”，其内容未读取`,
      en: `Sheet "${d.sheet}" was added; not read`,
    }),
  },
  "check.protection_removed": {
    severity: "warning",
    text: (d) => ({
      zh: `工作表“${d.sheet}”的保护被取消，锁定内容可能被改动`,
      en: `Protection of sheet "${d.sheet}" was removed; locked content may have been changed`,
    }),
  },
  "check.protection_not_kept": {
    severity: "info",
    text: (d) => ({
      zh: `工作表“${d.sheet}”没有保护：.${d.format} 文件不一定保留工作表保护（如 Gnumeric 保存时不写入），无法据此判断是否被取消；锁定的任务、指标和目标已逐格核对`,
      en: `Sheet "${d.sheet}" is not protected: a .${d.format} file does not always keep sheet protection (Gnumeric writes none), so this does not show it was removed; the locked tasks, indicators and targets were compared cell by cell`,
    }),
  },
  "check.formula_in_input": {
    severity: "warning",
    text: (d) => ({
      zh: `${zhLabel(d)}填报单元格中是公式（=${d.formula}），已按计算结果 ${d.got} 读取，请直接填写数字`,
      en: `${enLabel(d)}the input cell holds a formula (=${d.formula}); read its value ${d.got}, please type the number`,
    }),
  },
  "check.external_link": {
    severity: "error",
    text: (d) => ({
      zh: `${d.formula ? `${zhLabel(d)}公式引用了其他工作簿（=${d.formula}）` : "工作簿包含指向其他文件的外部链接"}，数值可能过期，请改为直接填写数字`,
      en: `${d.formula ? `${enLabel(d)}the formula refers to another workbook (=${d.formula})` : "The workbook links to other files"}; values may be stale, type the numbers`,
    }),
  },
} as const satisfies Catalogue;

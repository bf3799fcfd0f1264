import { CHANGE_LIMITS } from "../period/limits";
import { isRate, weightOf } from "./row-fields";
import { NOT_APPLICABLE, STATUSES, type TemplateSpec } from "./spec";

/**
 * The 填报说明 text for a template: what to fill, how percentages are typed, what 不适用 means, the deadline and
 * the contact. One paragraph per item; the first is the heading.
 * @example buildInstructions(spec)[0] // → "2024年南昌市医疗管理工作要点 2024年上半年 填报说明"
 */
export function buildInstructions(spec: TemplateSpec, unit: string | null = null): readonly string[] {
  const rates = spec.rows.filter((r) => r.kind === "target" && isRate(r.measure)).length;
  const targets = spec.rows.filter((r) => r.kind === "target").length;
  const weighted = spec.rows.flatMap((r) => {
    const weight = weightOf(r);
    return r.kind === "target" && weight !== null ? [{ indicator: r.target.indicator, weight }] : [];
  });
  // A section of guidance shown as a heading (see isGuidanceOnly) is no task to report on.
  const tasks = spec.rows.filter((r) => r.kind === "task" && !r.heading).length;
  const lines = [
    `${spec.plan.title || "工作要点"} ${spec.period.label} 填报说明`,
    `报告期：${spec.period.label}（${spec.period.start} 至 ${spec.period.end}）。${unit ? `填报单位：${unit}。` : ""}`,
    spec.deadline ? `报送截止日期：${spec.deadline}，请在此日期前将填好的文件报回。` : "",
    spec.contact ? `联系人：${spec.contact}。` : "",
    `本表共 ${tasks} 项工作任务、${targets} 个量化指标。请在“填报表”中填写，只有浅黄色单元格可以填写，其余单元格已锁定。`,
    unit
      ? "表头：填报单位已预先填好，请填写填报人、联系电话和填报日期。"
      : "表头：请从下拉列表选择填报单位，并填写填报人、联系电话和填报日期。",
    `进展情况：每项工作任务从下拉列表选择（${STATUSES.join("、")}）。完成情况说明、存在问题请如实简要填写。`,
    "完成值：一律按“计量单位”列的单位填写数字，不要带单位或百分号。例如 95% 填 95，12/10万 填 12，1:2 填 2，3,000 家填 3000。",
    rates
      ? `比率类指标（共 ${rates} 个，计量单位为 %、‰ 或 /10万）：请填写分子和分母，完成值自动计算，分子不能大于分母。`
      : "",
    weighted.length
      ? `加权指标（${weighted.map((w) => `${w.indicator}按${w.weight}`).join("、")}）：除完成值外，请在“分母（权数）”栏填写本单位的${[...new Set(weighted.map((w) => w.weight))].join("、")}，汇总时按它加权平均。`
      : "",
    `不适用：本单位确无此项工作或指标时，在完成值（比率类填在分子）中填“${NOT_APPLICABLE[0]}”，并在完成情况说明中写明原因。不要留空，留空视为未填。`,
    "是否达标：根据完成值与目标自动显示“达标”“未达标”或“待填”，无需填写。目标前注“每单位”的，每个填报单位都应达到；注“全区域”的是全区域的整体目标，本单位填写的是对合计的贡献，显示“计入合计”，由汇总判断是否达标。",
    spec.previous ? previousLine(spec, unit) : "",
    "填写时会有输入提示；输入不符合要求时表格会拒绝并说明原因，请按提示更正。",
    "工作表设有保护，只是为了防止误改表格结构和公式，并非保密措施；请勿取消保护、增删列或修改灰色单元格，可以调整行高列宽。",
    "请勿修改文件中隐藏的标识信息；文件可以改名，可用 Excel、WPS 或 LibreOffice 填写并保存为 .xlsx 格式报回。",
    `模板编号：${spec.templateId}（版本 ${spec.specVersion}）。`,
  ];
  return lines.filter(Boolean);
}

/** What the 上期值 and 变化 columns are, and what the check asks about a change (see src/core/period/limits.ts). */
function previousLine(spec: TemplateSpec, unit: string | null): string {
  const previous = spec.previous!;
  const shown = unit
    ? `“上期值”列（比率类另有上期分子、上期分母）是本单位 ${previous.period.label} 报送的数，已锁定；`
    : `“上期值”列在各单位的表中显示其 ${previous.period.label} 报送的数；`;
  return (
    `上期值：${shown}“变化”列自动计算完成值与上期值之差。` +
    "同一年内累计的数（如上半年到全年）不应减少；" +
    `比率的分母变化超过 ${CHANGE_LIMITS.denominatorShare * 100}%、比率变化超过 ${CHANGE_LIMITS.ratePoints} 个百分点（个别指标另有规定）时，` +
    "校验会提示核实，确有原因请在完成情况说明中写明。"
  );
}

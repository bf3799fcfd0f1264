import { SCOPE_NAMES } from "../plan/target-meaning";
import type { Scope } from "../plan/types";
import type { EntryField } from "../template/spec";
import type {
  AggregateMethod,
  Attainment,
  FileOutcome,
  RecordStatus,
  TargetSummary,
  UnitState,
} from "./types";

type Text = { readonly zh: string; readonly en: string };

/** Names of entry fields as shown in 明细 and the CSV. */
export const FIELD_LABELS: Readonly<Record<EntryField, Text>> = {
  value: { zh: "完成值", en: "actual value" },
  numerator: { zh: "分子", en: "numerator" },
  denominator: { zh: "分母", en: "denominator" },
  status: { zh: "进展情况", en: "status" },
  note: { zh: "完成情况说明", en: "progress note" },
  problems: { zh: "存在问题", en: "problems" },
  unit: { zh: "填报单位", en: "reporting unit" },
  reporter: { zh: "填报人", en: "reporter" },
  phone: { zh: "联系电话", en: "phone" },
  filledOn: { zh: "填报日期", en: "filled on" },
};

export const RECORD_STATUS_LABELS: Readonly<Record<RecordStatus, Text>> = {
  ok: { zh: "正常", en: "ok" },
  warning: { zh: "有警告", en: "warning" },
  error: { zh: "有错误", en: "error" },
  superseded: { zh: "重复未采用", en: "superseded" },
  rejected: { zh: "已退回", en: "rejected" },
};

export const UNIT_STATE_LABELS: Readonly<Record<UnitState, Text>> = {
  received: { zh: "已报送", en: "received" },
  received_with_errors: { zh: "已报送（有错误）", en: "received (with errors)" },
  unfilled: { zh: "未填写", en: "not filled in" },
  rejected: { zh: "已退回", en: "rejected" },
  missing: { zh: "未报", en: "missing" },
  unexpected: { zh: "名录外单位", en: "not on the unit list" },
};

export const FILE_OUTCOME_LABELS: Readonly<Record<FileOutcome, Text>> = {
  used: { zh: "已汇总", en: "consolidated" },
  used_with_errors: { zh: "已汇总（有错误）", en: "consolidated (with errors)" },
  superseded: { zh: "重复报送，未采用", en: "duplicate, not used" },
  rejected: { zh: "已退回", en: "rejected" },
  other_template: { zh: "其他模板", en: "another template" },
  no_unit: { zh: "未填单位，未汇总", en: "no unit, not consolidated" },
  not_return: { zh: "非填报文件", en: "not a return" },
};

export const METHOD_LABELS: Readonly<Record<AggregateMethod, Text>> = {
  ratio: { zh: "Σ分子/Σ分母", en: "Σnumerator/Σdenominator" },
  sum: { zh: "合计", en: "sum" },
  mean: { zh: "平均值", en: "mean" },
};

/**
 * How a target rolls up, as shown beside it: a mean weighted by what each unit reports says by what.
 * @example methodLabel("mean", "常住人口").zh // → "加权平均（按常住人口）"
 */
export function methodLabel(method: AggregateMethod, weight?: string | null): Text {
  if (method === "mean" && weight) return { zh: `加权平均（按${weight}）`, en: `mean weighted by ${weight}` };
  return METHOD_LABELS[method];
}

/** Whom a target applies to, as shown beside it. */
export const SCOPE_LABELS: Readonly<Record<Scope, Text>> = SCOPE_NAMES;

export const ATTAINMENT_LABELS: Readonly<Record<Attainment, Text>> = {
  attained: { zh: "达标", en: "attained" },
  not_attained: { zh: "未达标", en: "not attained" },
  not_applicable: { zh: "不适用", en: "n/a" },
  blank: { zh: "待填", en: "blank" },
  contribution: { zh: "计入合计", en: "counts toward the total" },
};

/**
 * 汇总是否达标 of a target: a `total` target by its aggregate (达标 / 未达标 / 待填); an `each` target by its units,
 * "达标（3/3 单位）", "未达标（2/3 单位达标）", "待填（2/2 单位达标，1 个待填）".
 * @example verdictText({ scope: "each", met: false, unitsMet: 2, reporting: 3, blank: 0, aggregateAttainment: "not_attained" }).zh // → "未达标（2/3 单位达标）"
 */
export function verdictText(
  t: Pick<TargetSummary, "scope" | "met" | "unitsMet" | "reporting" | "blank" | "aggregateAttainment">,
): Text {
  const base = ATTAINMENT_LABELS[t.aggregateAttainment];
  if (t.scope !== "each" || t.reporting === 0) return base;
  const n = `${t.unitsMet ?? 0}/${t.reporting}`;
  if (t.met === true) return { zh: `${base.zh}（${n} 单位）`, en: `${base.en} (${n} units)` };
  const blank = t.blank ? { zh: `，${t.blank} 个待填`, en: `, ${t.blank} blank` } : { zh: "", en: "" };
  return {
    zh: `${base.zh}（${n} 单位达标${blank.zh}）`,
    en: `${base.en} (${n} units meet it${blank.en})`,
  };
}

import { specMeaning } from "../template/spec-meaning";
import type { LocalisedText } from "../findings/basics";
import type { Period, TemplateSpec } from "../template/spec";
import { stableHash } from "../template/stable-hash";

/**
 * What a plan asks, whatever the period: the template's meaning (see spec-meaning.ts) without its period, hashed.
 * Two templates of the same plan for 上半年 and 全年 have different ids (the period is part of the id) and the same
 * plan key, so one period's summary can be matched with the next by what it means, not by a file name.
 * @example planKeyOf(specFor("2024年上半年")) === planKeyOf(specFor("2024年度")) // → true
 */
export function planKeyOf(spec: Pick<TemplateSpec, "plan" | "period" | "rows">): string {
  const { plan, rows } = specMeaning(spec);
  return stableHash(JSON.stringify({ plan, rows }));
}

/** Why a template's figures cannot serve as another's previous period: another plan, or not an earlier period. */
export type PreviousMismatch = "other_plan" | "not_earlier";

/**
 * Whether `previous` (a template of the period before) can serve `current`: the same plan (see planKeyOf) and a
 * period that ends before the current one ends (上半年 before 全年, 第一季度 before 第二季度). Null when it can.
 * @example previousMismatch(specFor("2024年度"), { planKey: planKeyOf(specFor("2024年上半年")), period: half }) // → null
 */
export function previousMismatch(
  current: Pick<TemplateSpec, "plan" | "period" | "rows">,
  previous: { readonly planKey: string; readonly period: Period },
): PreviousMismatch | null {
  if (planKeyOf(current) !== previous.planKey) return "other_plan";
  return previous.period.end < current.period.end ? null : "not_earlier";
}

/**
 * Whether figures summed over a year are cumulative from `previous` to `current`: both periods start on the same
 * day and the current one ends later (上半年 then 全年, 1-3月 then 1-9月). Then a count or amount cannot fall.
 * @example isCumulative(parsePeriod("2024年上半年")!, parsePeriod("2024年度")!) // → true
 * @example isCumulative(parsePeriod("2024年上半年")!, parsePeriod("2024年下半年")!) // → false
 */
export function isCumulative(previous: Period, current: Period): boolean {
  return previous.start === current.start && previous.end < current.end;
}

/**
 * Why a previous period does not go with a template, in words (the CLI's refusal and the pane's notice).
 * @example previousMismatchText("not_earlier", { templateId: "rk-…", period: year.period }, half).zh // → "其报告期 2024年度 不早于本期 2024年上半年"
 */
export function previousMismatchText(
  why: PreviousMismatch,
  previous: { readonly templateId: string; readonly period: Period },
  spec: Pick<TemplateSpec, "plan" | "period">,
): LocalisedText {
  const then = previous.period.label;
  return why === "other_plan"
    ? {
        zh: `这是另一份工作要点或另一版任务清单的汇总（${then}，模板 ${previous.templateId}），与本模板“${spec.plan.title}”的任务和指标不一致`,
        en: `it summarises another plan or another version of its task list (${then}, template ${previous.templateId}), not the tasks and targets of "${spec.plan.title}"`,
      }
    : {
        zh: `其报告期 ${then} 不早于本期 ${spec.period.label}`,
        en: `its period ${then} is not earlier than ${spec.period.label}`,
      };
}

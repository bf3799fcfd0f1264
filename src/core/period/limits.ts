import type { ChangeLimits, Target } from "../plan/types";

/**
 * How far a figure may move from the previous period before the check asks why: the one place these bounds live.
 * A target may set its own in the task list JSON (`changeLimits`, see ChangeLimits); these are the defaults.
 * - `denominatorShare`: a rate's 分母 (a population, a count of institutions, of births) that moves by more than this
 *   share of its previous value is a warning asking for an explanation (0.3 = 30%);
 * - `ratePoints`: a rate that moves by more than this many points of its unit of measure (20 个百分点 for %) is a
 *   warning.
 * A cumulative figure (a count or amount summed over the year, reported 上半年 then 全年) that falls is an error
 * whatever the bounds: see isCumulative in ./same-plan.ts.
 */
export const CHANGE_LIMITS: Readonly<Required<ChangeLimits>> = { denominatorShare: 0.3, ratePoints: 20 };

/**
 * The bounds of a target: its own where set, else the defaults.
 * @example changeLimitsOf({ ...target, changeLimits: { ratePoints: 5 } }) // → { denominatorShare: 0.3, ratePoints: 5 }
 */
export function changeLimitsOf(target: Pick<Target, "changeLimits">): Required<ChangeLimits> {
  const own = target.changeLimits;
  const valid = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x > 0;
  return {
    denominatorShare: valid(own?.denominatorShare) ? own.denominatorShare : CHANGE_LIMITS.denominatorShare,
    ratePoints: valid(own?.ratePoints) ? own.ratePoints : CHANGE_LIMITS.ratePoints,
  };
}

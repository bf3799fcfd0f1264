import { assertNever } from "../errors";
import type { Target } from "../plan/types";

/** Codes of a missed target: one per comparison, so a finding says how the figure missed. */
export type MissCode =
  | "check.below_target"
  | "check.above_target"
  | "check.outside_range"
  | "check.outside_tolerance"
  | "check.not_equal";

/** Relative slack for comparing decimals typed by people with numbers computed by Excel (0.1 + 0.2). */
const EPSILON = 1e-9;
const slack = (a: number): number => EPSILON * Math.max(1, Math.abs(a));

/**
 * Compares a figure with its target. Bounds are inclusive: 以上/不低于 (>=) is met at the bound; 左右 (approx)
 * is met within ±target.tolerance (see APPROX_TOLERANCE in src/core/plan/types.ts: 5% of the value), edges
 * included; between includes both ends. Returns null when met, else the code of the miss.
 * @example compareTarget({ op: ">=", value: 95, … }, 95) // → null
 * @example compareTarget({ op: ">=", value: 95, … }, 94.9) // → "check.below_target"
 * @example compareTarget({ op: "approx", value: 90, tolerance: 4.5, … }, 94.5) // → null
 */
export function compareTarget(target: Target, value: number): MissCode | null {
  switch (target.op) {
    case ">=":
      return value >= target.value - slack(target.value) ? null : "check.below_target";
    case "<=":
      return value <= target.value + slack(target.value) ? null : "check.above_target";
    case "=":
      return Math.abs(value - target.value) <= slack(target.value) ? null : "check.not_equal";
    case "between":
      return value >= target.min - slack(target.min) && value <= target.max + slack(target.max)
        ? null
        : "check.outside_range";
    case "approx":
      return Math.abs(value - target.value) <= target.tolerance + slack(target.value)
        ? null
        : "check.outside_tolerance";
    default:
      return assertNever(target);
  }
}

/**
 * The number a target is measured against, used to tell 0.95 from 95 in a % row.
 * @example targetReference({ op: "between", min: 3, max: 5, … }) // → 5
 */
export function targetReference(target: Target): number {
  return target.op === "between" ? target.max : target.value;
}

import { APPROX_TOLERANCE, type Target } from "../plan/types";
import type { Attainment, UnitFigure } from "./types";

/**
 * Whether a figure meets its target: ≥ and ≤ inclusive (以上/以下 include the bound), between inclusive, 左右
 * within its tolerance band, = exact to 2 decimals. Blank and 不适用 are their own answers, never "not attained".
 * @example attainmentOf({ op: ">=", value: 95, … }, { kind: "value", value: 95 }) // → "attained"
 */
export function attainmentOf(target: Target, figure: UnitFigure): Attainment {
  if (figure.kind === "blank") return "blank";
  if (figure.kind === "not_applicable") return "not_applicable";
  return meets(target, figure.value) ? "attained" : "not_attained";
}

function meets(target: Target, x: number): boolean {
  const eps = 1e-9;
  switch (target.op) {
    case ">=":
      return x >= target.value - eps;
    case "<=":
      return x <= target.value + eps;
    case "=":
      return Math.abs(x - target.value) < 0.005;
    case "between":
      return x >= target.min - eps && x <= target.max + eps;
    case "approx": {
      const tolerance = target.tolerance ?? Math.abs(target.value) * APPROX_TOLERANCE;
      return Math.abs(x - target.value) <= tolerance + eps;
    }
  }
}

import { compareTarget } from "../check/compare-target";
import type { Target } from "../plan/types";
import type { Attainment, UnitFigure } from "./types";

/**
 * Whether a figure meets its target, by the check engine's comparison (bounds inclusive, 左右 within its
 * tolerance). Blank and 不适用 are their own answers, never "not attained".
 * @example attainmentOf({ op: ">=", value: 95, … }, { kind: "value", value: 95 }) // → "attained"
 */
export function attainmentOf(target: Target, figure: UnitFigure): Attainment {
  if (figure.kind === "blank") return "blank";
  if (figure.kind === "not_applicable") return "not_applicable";
  return compareTarget(target, figure.value) === null ? "attained" : "not_attained";
}

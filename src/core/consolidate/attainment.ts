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

/** One unit's attainment across the targets it reported on. */
export interface UnitAttainment {
  readonly unit: string;
  readonly attained: number;
  readonly notAttained: number;
  /** attained / (attained + notAttained), or null when the unit reported no figure against a target. */
  readonly rate: number | null;
}

/**
 * Each unit's share of attained targets (blank and 不适用 are left out of the count).
 * @example attainmentByUnit({ units: ["东湖区"], targets: [{ byUnitAttainment: ["attained"] }, …] })
 *   // → [{ unit: "东湖区", attained: 1, notAttained: 1, rate: 0.5 }]
 */
export function attainmentByUnit(model: {
  readonly units: readonly string[];
  readonly targets: readonly { readonly byUnitAttainment: readonly Attainment[] }[];
}): UnitAttainment[] {
  return model.units.map((unit, u) => {
    const states = model.targets.map((t) => t.byUnitAttainment[u]);
    const attained = states.filter((a) => a === "attained").length;
    const notAttained = states.filter((a) => a === "not_attained").length;
    return {
      unit,
      attained,
      notAttained,
      rate: attained + notAttained ? attained / (attained + notAttained) : null,
    };
  });
}

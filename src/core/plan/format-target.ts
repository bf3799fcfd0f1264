import { assertNever } from "../errors";
import type { Target } from "./types";

/** How a unit of measure is shown after a number: "%" sticks, "ratio" becomes "1:X". */
function withUnit(value: number, unit: string | null): string {
  if (unit === "ratio") return `1:${value}`;
  if (unit === null) return String(value);
  return `${value}${unit}`;
}

/**
 * A short human-readable target: "≥95%", "≤12/10万", "3-5次", "约1:2", "=100%".
 * @example formatTargetLabel({ op: ">=", value: 95, unitOfMeasure: "%", … }) // → "≥95%"
 */
export function formatTargetLabel(t: Target): string {
  switch (t.op) {
    case ">=":
      return `≥${withUnit(t.value, t.unitOfMeasure)}`;
    case "<=":
      return `≤${withUnit(t.value, t.unitOfMeasure)}`;
    case "=":
      return `=${withUnit(t.value, t.unitOfMeasure)}`;
    case "approx":
      return `约${withUnit(t.value, t.unitOfMeasure)}`;
    case "between":
      return t.unitOfMeasure === "ratio"
        ? `1:${t.min}-${t.max}`
        : `${t.min}-${withUnit(t.max, t.unitOfMeasure)}`;
    default:
      return assertNever(t);
  }
}

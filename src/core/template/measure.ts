import { RATE_MULTIPLIER, type Measure } from "./spec";

/** Units of measure counted in whole numbers (家, 所, 次…). */
const COUNT_UNITS = new Set([
  "个",
  "家",
  "所",
  "次",
  "项",
  "名",
  "人",
  "张",
  "台",
  "辆",
  "支",
  "例",
  "份",
  "座",
  "间",
  "床",
  "场",
  "期",
  "篇",
  "部",
  "批",
  "条",
  "户",
  "人次",
]);

/**
 * What a target collects, from its unit of measure: % ‰ /10万 are rates (分子/分母), 家 次 个 are whole-number
 * counts, 级 a level, "ratio" the X of 1:X, everything else (万元, 张/千人, 岁, none) an amount.
 * @example measureOf("%") // → "rate"
 * @example measureOf("家") // → "count"
 */
export function measureOf(unitOfMeasure: string | null): Measure {
  if (unitOfMeasure === null) return "amount";
  if (unitOfMeasure in RATE_MULTIPLIER) return "rate";
  if (COUNT_UNITS.has(unitOfMeasure)) return "count";
  if (unitOfMeasure === "级") return "level";
  if (unitOfMeasure === "ratio") return "ratio";
  return "amount";
}

/**
 * How the unit of measure is shown in the 计量单位 column: "ratio" becomes "1:X", none is blank.
 * @example unitOfMeasureLabel("ratio") // → "1:X"
 */
export function unitOfMeasureLabel(unitOfMeasure: string | null): string {
  if (unitOfMeasure === null) return "";
  return unitOfMeasure === "ratio" ? "1:X" : unitOfMeasure;
}

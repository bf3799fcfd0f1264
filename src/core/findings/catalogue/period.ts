import type { FindingData, LocalisedText } from "../basics";
import type { Catalogue } from "../catalogue-types";

/** A warning explained in the row's note carries the reason (see src/core/period/check-change.ts). */
function explained(d: FindingData, text: LocalisedText): LocalisedText {
  if (d.reason === undefined) return text;
  return { zh: `${text.zh}（已说明原因：${d.reason}）`, en: `${text.en} (reason given: ${d.reason})` };
}

const signed = (n: string | number | undefined): string => (Number(n) > 0 ? `+${n}` : String(n));

/**
 * Findings of comparing a period with the one before (上期, 环比). Codes are stable: add new ones, never reword or
 * reuse a code. Each is documented in docs/period-over-period.md.
 */
export const periodMessages = {
  "period.cumulative_fell": {
    severity: "error",
    text: (d) =>
      explained(d, {
        zh: `「${d.label}」完成值 ${d.got} 低于上期（${d.previousPeriod}）的 ${d.previous}：同一年内累计的数不应减少，请核实；确有原因（如核减）请在完成情况说明中写明`,
        en: `"${d.label}": ${d.got} is below ${d.previous} reported for ${d.previousPeriod}; a figure summed over the year cannot fall. Check it, or give the reason (a correction) in the note`,
      }),
  },
  "period.denominator_changed": {
    severity: "warning",
    text: (d) =>
      explained(d, {
        zh: `「${d.label}」分母 ${d.got} 较上期（${d.previousPeriod}）的 ${d.previous} 变化 ${signed(d.share)}%，超过 ±${d.limit}%，请核实，并在完成情况说明中写明原因`,
        en: `"${d.label}": denominator ${d.got} moved ${signed(d.share)}% from ${d.previous} in ${d.previousPeriod}, more than ±${d.limit}%; check it and give the reason in the note`,
      }),
  },
  "period.rate_jumped": {
    severity: "warning",
    text: (d) =>
      explained(d, {
        zh: `「${d.label}」完成值 ${d.got} 较上期（${d.previousPeriod}）的 ${d.previous} 变化 ${signed(d.change)}${d.points}，超过 ±${d.limit}${d.points}，请核实，并在完成情况说明中写明原因`,
        en: `"${d.label}": ${d.got} moved ${signed(d.change)}${d.pointsEn} from ${d.previous} in ${d.previousPeriod}, more than ±${d.limit}${d.pointsEn}; check it and give the reason in the note`,
      }),
  },
  "period.unit_absent": {
    severity: "warning",
    text: (d) => ({
      zh: `单位“${d.unit}”上期（${d.previousPeriod}）有填报，本期没有纳入汇总，无法比较`,
      en: `"${d.unit}" reported for ${d.previousPeriod} but is not in this period's summary`,
    }),
  },
  "period.unit_new": {
    severity: "info",
    text: (d) => ({
      zh: `单位“${d.unit}”上期（${d.previousPeriod}）没有填报，本期的数没有上期值可比`,
      en: `"${d.unit}" did not report for ${d.previousPeriod}: its figures have nothing to compare with`,
    }),
  },
} as const satisfies Catalogue;

import type { Entry } from "../check/types";
import type { FindingCode } from "../findings/codes";
import { makeFinding } from "../findings/make-finding";
import type { Finding, FindingData } from "../findings/types";
import type { Period, PreviousFigure, TargetRow } from "../template/spec";
import { changeLimitsOf } from "./limits";

/** The period before, as one row's check needs it. */
export interface PreviousForRow {
  readonly figure: PreviousFigure | undefined;
  readonly period: Period;
  /** Figures summed over the year run on from that period (see isCumulative). */
  readonly cumulative: boolean;
}

/** Comparisons allow for the rounding of a figure typed with two decimals. */
const EPSILON = 1e-9;
const round = (n: number, digits: number): number => Number(n.toFixed(digits));

/** Points of a rate's unit of measure, as messages say them. */
function pointsOf(unitOfMeasure: string | null): { points: string; pointsEn: string } {
  if (unitOfMeasure === "%" || unitOfMeasure === null) return { points: " 个百分点", pointsEn: " points" };
  return { points: ` ${unitOfMeasure}`, pointsEn: ` ${unitOfMeasure}` };
}

/**
 * A finding about a change that the row's note explains: the reason is carried, and the finding is one step milder
 * (an error a warning, a warning a note), as explained exceptions are (see check/explain.ts).
 */
function flag(code: FindingCode, at: Entry, file: string, data: FindingData, reason: string | null): Finding {
  const where = { kind: "cell" as const, file, sheet: at.sheet, cell: at.cell, key: at.key };
  if (reason === null) return makeFinding(code, where, data);
  const finding = makeFinding(code, where, { ...data, reason });
  return { ...finding, severity: finding.severity === "error" ? "warning" : "info" };
}

/**
 * Compares one target row's figures with the unit's own in the previous period:
 * - a count or amount summed over the year (roll-up `sum`) that falls from a period that it runs on from
 *   (上半年 → 全年) is an error (`period.cumulative_fell`);
 * - a rate's 分母 moving by more than its share (CHANGE_LIMITS.denominatorShare, 30%) is a warning
 *   (`period.denominator_changed`);
 * - a rate moving by more than its points (CHANGE_LIMITS.ratePoints, 20) is a warning (`period.rate_jumped`).
 * A reason in the row's note keeps each visible, one step milder, carrying the reason.
 * @example checkChange(rateRow, entries, { figure: { value: 80, numerator: 80, denominator: 100 }, period, cumulative: true }, null, "甲.xlsx")
 *   // 分子 50, 分母 50 → [period.denominator_changed (−50%), period.rate_jumped (+20.00 → 100)]
 */
export function checkChange(
  row: TargetRow,
  entries: readonly Entry[],
  previous: PreviousForRow,
  reason: string | null,
  file: string,
): Finding[] {
  const before = previous.figure;
  if (!before) return [];
  const field = (name: Entry["field"]) => entries.find((e) => e.key === row.key && e.field === name);
  const number = (e: Entry | undefined) => (e && typeof e.value === "number" ? e.value : null);
  const label = row.target.indicator;
  const base = { label, previousPeriod: previous.period.label };
  const findings: Finding[] = [];
  const value = field("value");
  const now = number(value);
  const cumulates = (row.measure === "count" || row.measure === "amount") && row.target.method === "sum";
  if (previous.cumulative && cumulates && now !== null && now < before.value - EPSILON) {
    const data = { ...base, got: now, previous: before.value };
    findings.push(flag("period.cumulative_fell", value!, file, data, reason));
  }
  if (row.measure !== "rate") return findings;
  const limits = changeLimitsOf(row.target);
  const denominator = field("denominator");
  const den = number(denominator);
  if (den !== null && before.denominator !== undefined && before.denominator > 0) {
    const share = (den - before.denominator) / before.denominator;
    if (Math.abs(share) > limits.denominatorShare + EPSILON) {
      const data = {
        ...base,
        got: den,
        previous: before.denominator,
        share: round(share * 100, 1),
        limit: round(limits.denominatorShare * 100, 1),
      };
      findings.push(flag("period.denominator_changed", denominator!, file, data, reason));
    }
  }
  if (now !== null && Math.abs(now - before.value) > limits.ratePoints + EPSILON) {
    const data = {
      ...base,
      got: now,
      previous: before.value,
      change: round(now - before.value, 2),
      limit: limits.ratePoints,
      ...pointsOf(row.target.unitOfMeasure),
    };
    findings.push(flag("period.rate_jumped", value!, file, data, reason));
  }
  return findings;
}

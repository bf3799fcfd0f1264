import type { FindingCode } from "./codes";

/**
 * What kind of problem a finding is: the `data` (unreadable, not a number, tampered, wrong template, a missing
 * value), the `completeness` of the reporting (a unit missing, late, reporting twice), or `attainment` (a target
 * missed, which is news, not bad data). `--strict` rejects returns for data errors only.
 */
export type FindingKind = "data" | "completeness" | "attainment";

const ATTAINMENT: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "check.below_target",
  "check.above_target",
  "check.outside_range",
  "check.outside_tolerance",
  "check.not_equal",
  "check.missed_without_problem",
]);

const COMPLETENESS: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "consolidate.missing_unit",
  "consolidate.late",
  "consolidate.duplicate",
  "consolidate.several_sources",
  "consolidate.unexpected_unit",
  "consolidate.no_returns",
  "period.unit_absent",
  "period.unit_new",
]);

/**
 * The kind of a finding's code.
 * @example findingKind("check.below_target") // → "attainment"
 * @example findingKind("check.not_a_number") // → "data"
 */
export function findingKind(code: FindingCode): FindingKind {
  if (ATTAINMENT.has(code)) return "attainment";
  return COMPLETENESS.has(code) ? "completeness" : "data";
}

/** The kind of a finding, as shown to people. */
export const FINDING_KIND_LABELS: Readonly<
  Record<FindingKind, { readonly zh: string; readonly en: string }>
> = {
  data: { zh: "数据问题", en: "data" },
  completeness: { zh: "报送完整性", en: "completeness" },
  attainment: { zh: "目标达成", en: "attainment" },
};

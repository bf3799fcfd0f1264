import { round2 } from "../consolidate/stats";
import type { TargetChange, TargetSummary } from "../consolidate/types";
import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import type { PreviousFigures, PreviousRef, TemplateSpec } from "../template/spec";
import { previousMismatch } from "./same-plan";
import type { PreviousPeriod } from "./types";

/** The previous period as a summary compares with it: which it was, and each unit's figures then. */
export interface PreviousSource {
  readonly ref: PreviousRef;
  readonly figuresOf: (unit: string) => PreviousFigures | undefined;
}

const minus = (now: number | null, then: number | null): number | null =>
  now === null || then === null ? null : round2(now - then);

/**
 * Each target with its 上期值 and 环比 (see TargetChange): the aggregate then from the previous period (computed by
 * the target's roll-up method when that period was read), and each unit's own figure then.
 * @example withChange(targets, ["甲县"], source)[0].previous // → { value: 7, change: 3, byUnit: [3], changeByUnit: [2] }
 */
export function withChange(
  targets: readonly TargetSummary[],
  units: readonly string[],
  source: PreviousSource,
): TargetSummary[] {
  const figures = units.map((u) => source.figuresOf(u));
  return targets.map((t) => {
    const then = source.ref.aggregates[t.key]?.value ?? null;
    const byUnit = figures.map((f) => f?.[t.key]?.value ?? null);
    const previous: TargetChange = {
      value: then,
      change: minus(t.value, then),
      byUnit,
      changeByUnit: byUnit.map((v, u) => {
        const now = t.byUnit.at(u);
        return now.kind === "value" ? minus(now.value, v) : null;
      }),
    };
    return { ...t, previous };
  });
}

/**
 * The units in one period and not the other: one that reported then and is not summed now (`period.unit_absent`),
 * one summed now that did not report then (`period.unit_new`, when the previous period had any unit at all).
 * @example unitsAcrossPeriods(["甲县"], refOfUnits甲县乙县).map((f) => f.code) // → ["period.unit_absent"]
 */
export function unitsAcrossPeriods(usedUnits: readonly string[], ref: PreviousRef): Finding[] {
  const now = new Set(usedUnits);
  const then = new Set(ref.units);
  const data = (unit: string) => ({ unit, previousPeriod: ref.period.label });
  const where = (unit: string) => ({ kind: "file" as const, file: unit });
  return [
    ...ref.units.filter((u) => !now.has(u)).map((u) => makeFinding("period.unit_absent", where(u), data(u))),
    ...(then.size
      ? usedUnits.filter((u) => !then.has(u)).map((u) => makeFinding("period.unit_new", where(u), data(u)))
      : []),
  ];
}

/**
 * The previous period a template's summary compares with: the one given, when it answers the same plan for an
 * earlier period; else the one its template was made with, each unit's figures as its copy carries them.
 * @example previousSource(fullYearSpec, null, carriedByUnit)?.ref.period.label // → "2024年上半年"
 */
export function previousSource(
  spec: TemplateSpec,
  given: PreviousPeriod | null,
  carried: ReadonlyMap<string, PreviousFigures>,
): PreviousSource | null {
  if (given && previousMismatch(spec, { planKey: given.planKey, period: given.ref.period }) === null)
    return { ref: given.ref, figuresOf: (unit) => given.figures[unit] };
  return spec.previous ? { ref: spec.previous, figuresOf: (unit) => carried.get(unit) } : null;
}

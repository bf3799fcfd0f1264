import { aggregateOf, EntryIndex, EntrySlots, unitFigure } from "../consolidate/aggregate";
import type { SummaryModel, UnitFigure } from "../consolidate/types";
import { templateLayout } from "../template/layout";
import type { PreviousFigure, PreviousFigures, TargetRow, TemplateSpec } from "../template/spec";
import { planKeyOf } from "./same-plan";
import type { PreviousPeriod } from "./types";

/** A previous figure as aggregation reads a unit's figure. */
const asUnitFigure = (f: PreviousFigure | undefined): UnitFigure =>
  f ? { kind: "value", ...f } : { kind: "blank" };

/** A unit's figure as a previous figure (none for a blank or 不适用). */
function asPrevious(f: UnitFigure): PreviousFigure | null {
  if (f.kind !== "value") return null;
  return f.numerator !== undefined && f.denominator !== undefined
    ? { value: f.value, numerator: f.numerator, denominator: f.denominator }
    : { value: f.value };
}

/**
 * The previous period of `spec`'s plan from each unit's figures then: who reported, and each target's aggregate
 * computed by its roll-up method exactly as a summary computes it (Σ, Σ分子/Σ分母, the mean).
 * @example previousPeriodOf(halfYearSpec, { 甲县: { "T1.1": { value: 3 } }, 乙县: { "T1.1": { value: 4 } } }).ref.aggregates["T1.1"] // → { value: 7 }
 */
export function previousPeriodOf(
  spec: TemplateSpec,
  figures: Readonly<Record<string, PreviousFigures>>,
): PreviousPeriod {
  const units = Object.keys(figures).filter((u) => Object.keys(figures[u] ?? {}).length > 0);
  const aggregates: Record<string, PreviousFigure> = {};
  for (const row of spec.rows) {
    if (row.kind !== "target") continue;
    const all = units.map((u) => asUnitFigure(figures[u]?.[row.key]));
    const { value, numerator, denominator } = aggregateOf(row, all);
    if (value === null) continue;
    aggregates[row.key] =
      numerator !== null && denominator !== null ? { value, numerator, denominator } : { value };
  }
  return {
    ref: { templateId: spec.templateId, period: spec.period, units, aggregates },
    planKey: planKeyOf(spec),
    figures,
  };
}

/**
 * The previous period from its summary model (a folder of its returns consolidated): each unit's figures as the
 * summary read them.
 * @example previousFromSummary(consolidateReturns(lastPeriodReturns).summaries[0]).ref.period.label // → "2024年上半年"
 */
export function previousFromSummary(summary: SummaryModel): PreviousPeriod {
  const figures: Record<string, Record<string, PreviousFigure>> = {};
  for (const unit of summary.usedUnits) figures[unit] = {};
  for (const t of summary.targets)
    summary.units.forEach((unit, u) => {
      const f = figures[unit] && asPrevious(t.byUnit.at(u));
      if (f) figures[unit]![t.key] = f;
    });
  return previousPeriodOf(summary.spec, figures);
}

/** One figure of the previous period as its summary lists it (明细: unit, row key, field, value). */
export interface PreviousRecord {
  readonly unit: string;
  readonly key: string;
  readonly field: string;
  readonly value: number | string | null;
}

/**
 * The previous period from the figures its summary lists (明细), read the way a summary reads a return's (a rate from
 * its 分子 and 分母, 不适用 and blanks left out; the first figure of a unit's row and field counts).
 * @example previousFromRecords(spec, [{ unit: "甲县", key: "T1.1", field: "value", value: 3 }]).figures // → { 甲县: { "T1.1": { value: 3 } } }
 */
export function previousFromRecords(spec: TemplateSpec, records: Iterable<PreviousRecord>): PreviousPeriod {
  const slots = new EntrySlots();
  const indexes = new Map<string, EntryIndex>();
  for (const r of records) {
    let index = indexes.get(r.unit);
    if (!index) indexes.set(r.unit, (index = new EntryIndex()));
    const kind = typeof r.value === "number" && Number.isFinite(r.value) ? "number" : "text";
    index.add(slots.slot(r.key, r.field), { kind, value: r.value });
  }
  const figures: Record<string, Record<string, PreviousFigure>> = {};
  for (const [unit, index] of indexes) {
    const own: Record<string, PreviousFigure> = {};
    for (const row of spec.rows) {
      if (row.kind !== "target") continue;
      const rowSlots = {
        value: slots.find(row.key, "value"),
        numerator: slots.find(row.key, "numerator"),
        denominator: slots.find(row.key, "denominator"),
      };
      const f = asPrevious(unitFigure(row as TargetRow, index, rowSlots));
      if (f) own[row.key] = f;
    }
    figures[unit] = own;
  }
  return previousPeriodOf(spec, figures);
}

/**
 * The spec made with the previous period: it carries the period before (see PreviousRef) and the 上期值 columns.
 * Its template id is unchanged (the previous period is not part of what the template means).
 * @example withPrevious(fullYearSpec, previous).templateId === fullYearSpec.templateId // → true
 */
export function withPrevious(spec: TemplateSpec, previous: PreviousPeriod): TemplateSpec {
  return { ...spec, previous: previous.ref, layout: templateLayout(spec.rows, true) };
}

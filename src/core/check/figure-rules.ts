import type { FindingCode } from "../findings/codes";
import { makeFinding } from "../findings/make-finding";
import type { Finding, FindingData } from "../findings/types";
import { RATE_MULTIPLIER, type EntryField, type TargetRow, type TemplateSpec } from "../template/spec";
import { weightOf } from "../template/row-fields";
import { compareTarget, type MissCode } from "./compare-target";
import { EXPLAINABLE } from "./explain";
import type { NormalisedEntry } from "./normalise-entry";
import { cellAt, entryValue, type RowPlace } from "./read-cell";
import type { Entry } from "./types";
import type { RawCell, RawRow } from "./unit-return";

/** One target row being checked: its spec, sheet row, normalised inputs, and where results go. */
export interface FigureContext {
  readonly spec: TemplateSpec;
  readonly row: TargetRow;
  readonly raw: RawRow;
  readonly values: ReadonlyMap<EntryField, NormalisedEntry>;
  readonly place: RowPlace;
  /** The reason in the row's note, or null (see explain.ts). */
  readonly reason: string | null;
  readonly entries: Entry[];
  readonly findings: Finding[];
}

type Where = ReturnType<typeof cellAt>;

/** A finding that a reason in the note turns from an error into a warning (explained exception). */
function flag(code: FindingCode, where: Where, data: FindingData, reason: string | null): Finding {
  if (reason !== null && EXPLAINABLE.has(code))
    return makeFinding(code, where, { ...data, reason }, "warning");
  return makeFinding(code, where, data);
}

/** Completeness of a figure: blank → missing; 不适用 → needs a reason. True when a number is there to check. */
function present(
  entry: NormalisedEntry | undefined,
  where: Where,
  data: FindingData,
  reason: string | null,
  findings: Finding[],
): entry is { kind: "number"; value: number } {
  if (!entry || entry.kind === "blank") {
    findings.push(makeFinding("check.missing_value", where, data));
    return false;
  }
  if (entry.kind === "notApplicable") {
    if (reason === null)
      findings.push(makeFinding("check.not_applicable_without_reason", where, { ...data, got: entry.text }));
    return false;
  }
  return entry.kind === "number";
}

/**
 * Checks the typed 完成值 of a target row: present (or 不适用 with a reason), not negative, whole for counts, and
 * against its target (unless the value is an ambiguous percentage). Returns the code of a missed target, or null.
 * @example valueFigure(ctx) // 6 against 3-5家 → "check.outside_range"
 */
export function valueFigure(c: FigureContext): MissCode | null {
  const { spec, row, raw, values, place, findings, reason } = c;
  const where = cellAt(place, `${spec.layout.columns.value ?? ""}${raw.row}`, row.key);
  const label = row.target.indicator;
  const entry = values.get("value");
  if (!present(entry, where, { label, field: "value" }, reason, findings)) return null;
  const value = entry.value;
  if (value < 0) findings.push(flag("check.negative", where, { label, field: "value", got: value }, reason));
  else if (row.measure === "count" && !Number.isInteger(value)) {
    findings.push(flag("check.not_whole", where, { label, field: "value", got: value }, reason));
  }
  weightFigure(c);
  const ambiguous = findings.some(
    (f) =>
      f.code === "check.percent_ambiguous" && f.location.kind === "cell" && f.location.cell === where.cell,
  );
  return ambiguous ? null : compare(c, value, where);
}

/**
 * The weight beside a figure whose mean is weighted (see weightOf): a number above 0, or the summary cannot weigh the
 * figure (it is left out of the weighted mean, and said so here).
 * @example weightFigure(ctx) // 人均预期寿命 79.6 with 常住人口 blank → check.weight_invalid at 分母
 */
function weightFigure(c: FigureContext): void {
  const weight = weightOf(c.row);
  if (weight === null) return;
  const where = cellAt(c.place, `${c.spec.layout.columns.denominator ?? ""}${c.raw.row}`, c.row.key);
  const entry = c.values.get("denominator");
  // (What is not a number at all is already said where it was read.)
  if ((entry?.kind === "number" && entry.value > 0) || entry?.kind === "invalid") return;
  const got =
    !entry || entry.kind === "blank"
      ? ""
      : entry.kind === "number" || entry.kind === "date"
        ? String(entry.value)
        : entry.text;
  c.findings.push(makeFinding("check.weight_invalid", where, { label: c.row.target.indicator, weight, got }));
}

/**
 * Compares a figure with its target. A `total` target is the area's: a unit's figure is its contribution, never a
 * miss of its own (the summary judges the aggregate). A summary sent up as a return holds aggregates: one level up
 * judges them by the units behind them (see CarriedRollUp).
 */
function compare(c: FigureContext, value: number, where: Where): MissCode | null {
  const { row, findings, reason } = c;
  if (row.target.scope === "total" || c.place.summary) return null;
  const miss = compareTarget(row.target, value);
  if (miss) {
    const tolerance = row.target.op === "approx" ? row.target.tolerance : "";
    findings.push(
      flag(
        miss,
        where,
        { label: row.target.indicator, got: value, expected: row.targetLabel, tolerance },
        reason,
      ),
    );
  }
  return miss;
}

/**
 * Checks a rate row: 分子 and 分母 present (or 分子 不适用 with a reason), not negative, 分母 not 0, 分子 ≤ 分母; the
 * rate recomputed as 分子/分母 × multiplier (rounded to 2 decimals like the template's formula), in range, equal to
 * any cached 完成值, and compared with its target. Adds the computed 完成值 entry.
 * @example rateFigure(ctx) // 90/100 against ≥95% → "check.below_target"
 */
export function rateFigure(c: FigureContext): MissCode | null {
  const { spec, row, raw, values, place, entries, findings, reason } = c;
  const { columns } = spec.layout;
  const label = row.target.indicator;
  const numWhere = cellAt(place, `${columns.numerator ?? ""}${raw.row}`, row.key);
  const denWhere = cellAt(place, `${columns.denominator ?? ""}${raw.row}`, row.key);
  const valueAddress = `${columns.value ?? ""}${raw.row}`;
  const valueWhere = cellAt(place, valueAddress, row.key);
  const valueCell = raw.cells[columns.value ?? ""];
  const num = values.get("numerator");
  if (num?.kind === "notApplicable") {
    if (reason === null)
      findings.push(makeFinding("check.not_applicable_without_reason", numWhere, { label, got: num.text }));
    pushValue(entries, row, place, valueAddress, valueCell, { kind: "notApplicable", text: num.text });
    return null;
  }
  const den = values.get("denominator");
  const hasNum = present(num, numWhere, { label, field: "numerator" }, reason, findings);
  const hasDen = present(den, denWhere, { label, field: "denominator" }, reason, findings);
  if (!hasNum || !hasDen) {
    pushValue(entries, row, place, valueAddress, valueCell, { kind: "blank" });
    return null;
  }
  for (const [field, n, where] of [
    ["numerator", num.value, numWhere],
    ["denominator", den.value, denWhere],
  ] as const) {
    if (n < 0) findings.push(flag("check.negative", where, { label, field, got: n }, reason));
  }
  if (den.value === 0) {
    findings.push(flag("check.zero_denominator", denWhere, { label }, reason));
    pushValue(entries, row, place, valueAddress, valueCell, { kind: "blank" });
    return null;
  }
  if (num.value > den.value) {
    findings.push(
      flag(
        "check.numerator_gt_denominator",
        numWhere,
        { label, numerator: num.value, denominator: den.value },
        reason,
      ),
    );
  }
  const multiplier = RATE_MULTIPLIER[row.target.unitOfMeasure ?? ""] ?? 100;
  const rate = Math.round((num.value / den.value) * multiplier * 100) / 100;
  if (rate < 0 || rate > multiplier)
    findings.push(flag("check.rate_out_of_range", valueWhere, { label, got: rate, max: multiplier }, reason));
  if (typeof valueCell?.value === "number" && Math.abs(valueCell.value - rate) > 0.01 + 1e-9) {
    findings.push(
      makeFinding("check.rate_value_mismatch", valueWhere, { label, got: valueCell.value, value: rate }),
    );
  }
  pushValue(entries, row, place, valueAddress, valueCell, { kind: "number", value: rate });
  return compare(c, rate, valueWhere);
}

/** The computed 完成值 of a rate row, as an entry at its formula cell. */
function pushValue(
  entries: Entry[],
  row: TargetRow,
  place: RowPlace,
  address: string,
  cell: RawCell | undefined,
  entry: NormalisedEntry,
): void {
  entries.push({
    key: row.key,
    task: row.target.task,
    indicator: row.target.indicator,
    field: "value",
    kind: entry.kind,
    value: entryValue(entry),
    raw: cell?.value ?? (cell?.formula ? `=${cell.formula}` : null),
    sheet: place.sheet,
    cell: address,
  });
}

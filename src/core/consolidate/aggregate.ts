import { RATE_MULTIPLIER, type Status, type TargetRow, type TaskRow } from "../template/spec";
import { attainmentOf } from "./attainment";
import { median, round2, sum } from "./stats";
import {
  type AggregateMethod,
  type ReturnEntry,
  type TargetSummary,
  type TaskProgress,
  type UnitFigure,
} from "./types";

/** A kept return's entries by row key and field. */
export type EntryIndex = ReadonlyMap<string, ReadonlyMap<string, ReturnEntry>>;

/**
 * Indexes entries by row key, then field.
 * @example indexEntries([{ key: "T1.1", field: "value", value: 3, … }]).get("T1.1")?.get("value")?.value // → 3
 */
export function indexEntries(entries: readonly ReturnEntry[]): EntryIndex {
  const index = new Map<string, Map<string, ReturnEntry>>();
  for (const e of entries) {
    let row = index.get(e.key);
    if (!row) index.set(e.key, (row = new Map()));
    if (!row.has(e.field)) row.set(e.field, e);
  }
  return index;
}

/**
 * How a row rolls up: rates from Σ分子/Σ分母; counts and amounts summed; levels, ratios and per-capita figures
 * (张/千人, which do not add up) by their median.
 * @example aggregateMethod(row("%")) // → "rate"
 */
export function aggregateMethod(row: TargetRow): AggregateMethod {
  if (row.measure === "rate") return "rate";
  if (row.measure === "count") return "sum";
  if (row.measure === "amount" && !(row.target.unitOfMeasure ?? "").includes("/")) return "sum";
  return "median";
}

const asNumber = (e: ReturnEntry | undefined): number | null =>
  e?.kind === "number" && typeof e.value === "number" && Number.isFinite(e.value) ? e.value : null;
const isNotApplicable = (e: ReturnEntry | undefined): boolean => e?.kind === "notApplicable";

/** The multiplier of a rate's unit of measure (% → 100); 100 when the unit is unknown. */
const multiplierOf = (row: TargetRow): number => RATE_MULTIPLIER[row.target.unitOfMeasure ?? "%"] ?? 100;

/**
 * One unit's figure on a target row. A rate is recomputed from its 分子 and 分母 when both are there (so a stale
 * cached 完成值 cannot creep in); else its 完成值.
 * @example unitFigure(rateRow, index) // 分子 90, 分母 100 → { kind: "value", value: 90, numerator: 90, denominator: 100 }
 */
export function unitFigure(row: TargetRow, index: EntryIndex | undefined): UnitFigure {
  const fields = index?.get(row.key);
  const value = fields?.get("value");
  if (row.measure === "rate") {
    const num = asNumber(fields?.get("numerator"));
    const den = asNumber(fields?.get("denominator"));
    if (num !== null && den !== null && den > 0)
      return {
        kind: "value",
        value: round2((num / den) * multiplierOf(row)),
        numerator: num,
        denominator: den,
      };
    if (isNotApplicable(fields?.get("numerator")) || isNotApplicable(value))
      return { kind: "not_applicable" };
  }
  const v = asNumber(value);
  if (v !== null) return { kind: "value", value: v };
  return isNotApplicable(value) ? { kind: "not_applicable" } : { kind: "blank" };
}

/**
 * Summarises one target row over the kept returns (one EntryIndex per unit column, undefined for no return).
 * @example summariseTarget(rateRow, ["甲", "乙"], [idx甲, idx乙]).value // 90/100 and 40/100 → 65
 */
export function summariseTarget(
  row: TargetRow,
  taskTitle: string,
  indexes: readonly (EntryIndex | undefined)[],
): TargetSummary {
  const byUnit = indexes.map((index) => unitFigure(row, index));
  const values = byUnit.flatMap((f) => (f.kind === "value" ? [f.value] : []));
  const attainment = byUnit.map((f) => attainmentOf(row.target, f));
  const count = (a: string) => attainment.filter((x) => x === a).length;
  const method = aggregateMethod(row);
  const { value, numerator, denominator } = aggregateOf(row, method, byUnit, values);
  return {
    key: row.key,
    taskKey: row.taskKey,
    taskTitle,
    indicator: row.target.indicator,
    targetLabel: row.targetLabel,
    unitOfMeasure: row.target.unitOfMeasure,
    method,
    reporting: values.length,
    attained: count("attained"),
    notAttained: count("not_attained"),
    notApplicable: count("not_applicable"),
    blank: count("blank"),
    value,
    numerator,
    denominator,
    min: values.length ? Math.min(...values) : null,
    median: values.length ? round2(median(values)!) : null,
    max: values.length ? Math.max(...values) : null,
    aggregateAttainment: value === null ? "blank" : attainmentOf(row.target, { kind: "value", value }),
    byUnit,
    byUnitAttainment: attainment,
  };
}

function aggregateOf(
  row: TargetRow,
  method: AggregateMethod,
  byUnit: readonly UnitFigure[],
  values: readonly number[],
): { value: number | null; numerator: number | null; denominator: number | null } {
  if (method === "rate") {
    const parts = byUnit.flatMap((f) =>
      f.kind === "value" && f.numerator !== undefined && f.denominator !== undefined ? [f] : [],
    );
    const numerator = parts.length ? sum(parts.map((p) => p.numerator!)) : null;
    const denominator = parts.length ? sum(parts.map((p) => p.denominator!)) : null;
    const value =
      numerator !== null && denominator !== null && denominator > 0
        ? round2((numerator / denominator) * multiplierOf(row))
        : null;
    return { value, numerator, denominator };
  }
  if (values.length === 0) return { value: null, numerator: null, denominator: null };
  const value = method === "sum" ? sum(values) : round2(median(values)!);
  return { value, numerator: null, denominator: null };
}

/**
 * A task's status one level up: 已完成 only when every unit that answered has finished; 滞后 when any is behind;
 * 未启动 when none has started; otherwise 按计划推进.
 * @example rollUpStatus(["已完成", "滞后"]) // → "滞后"
 */
export function rollUpStatus(statuses: readonly (string | null)[]): Status | null {
  const given = statuses.filter((s): s is string => s !== null);
  if (given.length === 0) return null;
  if (given.every((s) => s === "已完成")) return "已完成";
  if (given.some((s) => s === "滞后")) return "滞后";
  if (given.every((s) => s === "未启动")) return "未启动";
  return "按计划推进";
}

const textOf = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * 进展: a task's status (进展情况) per unit, with counts per status, the rolled-up status and the units' problems.
 * @example summariseProgress(taskRow, ["甲县"], [idx]).byUnit // → ["按计划推进"]
 */
export function summariseProgress(
  row: TaskRow,
  units: readonly string[],
  indexes: readonly (EntryIndex | undefined)[],
): TaskProgress {
  const byUnit = indexes.map((index) => textOf(index?.get(row.key)?.get("status")?.value));
  const counts: Record<string, number> = {};
  for (const s of byUnit) if (s !== null) counts[s] = (counts[s] ?? 0) + 1;
  const problems = indexes
    .flatMap((index, i) => {
      const text = textOf(index?.get(row.key)?.get("problems")?.value);
      return text ? [`${units[i]}：${text}`] : [];
    })
    .join("；");
  return {
    key: row.key,
    taskTitle: row.task.title,
    byUnit,
    counts,
    rolledUp: rollUpStatus(byUnit),
    problems,
  };
}

import { assertNever } from "../errors";
import {
  RATE_MULTIPLIER,
  type CarriedRollUp,
  type Status,
  type TargetRow,
  type TaskRow,
  type TemplateIdentity,
} from "../template/spec";
import { weightOf } from "../template/row-fields";
import { attainmentOf } from "./attainment";
import { median, round2, sum } from "./stats";
import { UnitFigures } from "./unit-figures";
import {
  type Attainment,
  type ReturnEntry,
  type TargetSummary,
  type TaskProgress,
  type UnitFigure,
} from "./types";

/**
 * Numbers the (row key, field) pairs met in a template's returns, so that each return's entries can be looked up by
 * position (see EntryIndex): a thousand returns of a hundred and fifty rows are then a thousand small arrays, not
 * a hundred and fifty thousand maps, and a row's field is found once for all units.
 */
export class EntrySlots {
  private readonly byKey = new Map<string, Map<string, number>>();
  private count = 0;

  /** The pair's number, given one when new. */
  slot(key: string, field: string): number {
    let fields = this.byKey.get(key);
    if (!fields) this.byKey.set(key, (fields = new Map()));
    let n = fields.get(field);
    if (n === undefined) fields.set(field, (n = this.count++));
    return n;
  }

  /** How many pairs have a number. */
  get size(): number {
    return this.count;
  }

  /** The pair's number, or -1 when no return has it. */
  find(key: string, field: string): number {
    return this.byKey.get(key)?.get(field) ?? -1;
  }
}

/** An answer as aggregation reads it: its kind and normalised value. */
export type Answer = Pick<ReturnEntry, "kind" | "value">;

/** Each kind of answer's code in an EntryIndex (0 is no answer). */
const KIND_CODES: Record<ReturnEntry["kind"], number> = {
  blank: 1,
  notApplicable: 2,
  number: 3,
  text: 4,
  date: 5,
  invalid: 6,
};
const KIND_OF_CODE: ReturnEntry["kind"][] = [];
for (const [kind, code] of Object.entries(KIND_CODES)) KIND_OF_CODE[code] = kind as ReturnEntry["kind"];

/**
 * A kept return's answers by slot (see EntrySlots): the kind and value of the first entry of each row key and
 * field, in typed arrays rather than the entries themselves, so a thousand returns hold a few kilobytes each and
 * their entries can be let go (the CLI keeps them on disk).
 * @example index.add(slots.slot("T1.1", "value"), { kind: "number", value: 3 }); index.get(slots.find("T1.1", "value")) // → { kind: "number", value: 3 }
 */
export class EntryIndex {
  /** Per slot: 0 none, else the answer's kind (KIND_CODES). */
  private kinds: Uint8Array;
  private numbers: Float64Array;
  /** Text values by slot (statuses, notes, 不适用 as typed). */
  private readonly texts = new Map<number, string>();

  /** `size`: the slots expected (it grows as needed). */
  constructor(size = 16) {
    this.kinds = new Uint8Array(Math.max(size, 1));
    this.numbers = new Float64Array(Math.max(size, 1));
  }

  /** Keeps `e` in `slot` unless the slot already has an entry. */
  add(slot: number, e: Answer): void {
    if (slot >= this.kinds.length) this.grow(slot + 1);
    if (this.kinds[slot] !== 0) return;
    this.kinds[slot] = KIND_CODES[e.kind];
    if (typeof e.value === "number") this.numbers[slot] = e.value;
    else if (typeof e.value === "string") this.texts.set(slot, e.value);
    else this.numbers[slot] = NaN;
  }

  /** The answer in `slot`, or undefined when the return has none there. */
  get(slot: number): Answer | undefined {
    const code = slot < 0 || slot >= this.kinds.length ? 0 : this.kinds[slot]!;
    if (code === 0) return undefined;
    const number = this.numbers[slot]!;
    const value = this.texts.get(slot) ?? (Number.isNaN(number) ? null : number);
    return { kind: KIND_OF_CODE[code]!, value };
  }

  private grow(size: number): void {
    const length = Math.max(size, this.kinds.length * 2);
    const kinds = new Uint8Array(length);
    const numbers = new Float64Array(length);
    kinds.set(this.kinds);
    numbers.set(this.numbers);
    this.kinds = kinds;
    this.numbers = numbers;
  }
}

/** The answer in `slot` of a unit's index (none when the unit sent no return or the pair is nowhere). */
const at = (index: EntryIndex | undefined, slot: number): Answer | undefined => index?.get(slot);

const asNumber = (e: Answer | undefined): number | null =>
  e?.kind === "number" && typeof e.value === "number" && Number.isFinite(e.value) ? e.value : null;
const isNotApplicable = (e: Answer | undefined): boolean => e?.kind === "notApplicable";

/** The multiplier of a rate's unit of measure (% → 100); 100 when the unit is unknown. */
const multiplierOf = (row: TargetRow): number => RATE_MULTIPLIER[row.target.unitOfMeasure ?? "%"] ?? 100;

/**
 * One unit's figure on a target row, from its entries in the row's slots. A rate is recomputed from its 分子 and
 * 分母 when both are there (so a stale cached 完成值 cannot creep in); else its 完成值. A summary sent up as a return
 * brings what it carries for the row (the units behind the figure).
 * @example unitFigure(rateRow, index, slotsOfRow) // 分子 90, 分母 100 → { kind: "value", value: 90, numerator: 90, denominator: 100 }
 */
export function unitFigure(
  row: TargetRow,
  index: EntryIndex | undefined,
  slots: { readonly value: number; readonly numerator: number; readonly denominator: number },
  carried?: CarriedRollUp,
): UnitFigure {
  const value = at(index, slots.value);
  const behind = carried ? { carried } : {};
  if (row.measure === "rate") {
    const numerator = at(index, slots.numerator);
    const num = asNumber(numerator);
    const den = asNumber(at(index, slots.denominator));
    if (num !== null && den !== null && den > 0)
      return {
        kind: "value",
        value: round2((num / den) * multiplierOf(row)),
        numerator: num,
        denominator: den,
        ...behind,
      };
    if (isNotApplicable(numerator) || isNotApplicable(value)) return { kind: "not_applicable" };
  }
  const v = asNumber(value);
  if (v !== null && weightOf(row) !== null) {
    // A weighted mean's figure with its weight: Σ(figure × weight) and Σ weight roll up like a rate's 分子 and 分母.
    const w = asNumber(at(index, slots.denominator));
    return w !== null && w > 0
      ? { kind: "value", value: v, numerator: v * w, denominator: w, ...behind }
      : { kind: "value", value: v, ...behind };
  }
  if (v !== null) return { kind: "value", value: v, ...behind };
  return isNotApplicable(value) ? { kind: "not_applicable" } : { kind: "blank" };
}

/** How many units a figure stands for: one, or those behind a summary sent up as a return. */
const unitsBehind = (f: Extract<UnitFigure, { kind: "value" }>): number => f.carried?.reporting ?? 1;

/**
 * Σ of the figures behind a figure, for a mean: the unrounded total a summary carries, while its 完成值 still says
 * the same (else what the cell says, weighted: a figure changed by hand is taken as written).
 */
function totalOf(f: Extract<UnitFigure, { kind: "value" }>): number {
  const c = f.carried;
  if (c?.total !== undefined && c.reporting > 0 && round2(c.total / c.reporting) === f.value) return c.total;
  return f.value * unitsBehind(f);
}

/**
 * A unit's attainment of the row's target: a `total` target's figure is a contribution; an `each` target's is
 * compared with the target, or, for a summary sent up, missed when any unit behind it missed.
 */
function unitAttainment(row: TargetRow, f: UnitFigure): Attainment {
  if (f.kind !== "value" || row.target.scope === "each") {
    if (f.kind === "value" && f.carried && f.carried.met !== null)
      return f.carried.met < f.carried.reporting ? "not_attained" : "attained";
    return attainmentOf(row.target, f);
  }
  return "contribution";
}

/**
 * Summarises one target row over the kept returns (one EntryIndex per unit column, undefined for no return; what a
 * summary sent up carries, by unit column). The aggregate follows the target's method (合计, Σ分子/Σ分母, 平均值
 * weighted by the units behind each figure); a `total` target is judged on it, an `each` target by its units.
 * @example summariseTarget(rateRow, "任务", [idx甲, idx乙], slots).value // 90/100 and 40/100 → 65
 */
export function summariseTarget(
  row: TargetRow,
  taskTitle: string,
  indexes: readonly (EntryIndex | undefined)[],
  slots: EntrySlots,
  carried: readonly (TemplateIdentity["rollUp"] | undefined)[] = [],
): TargetSummary {
  const rowSlots = {
    value: slots.find(row.key, "value"),
    numerator: slots.find(row.key, "numerator"),
    denominator: slots.find(row.key, "denominator"),
  };
  const byUnit = indexes.map((index, u) => unitFigure(row, index, rowSlots, carried[u]?.[row.key]));
  const values: number[] = [];
  let reporting = 0;
  let met = 0;
  for (const f of byUnit)
    if (f.kind === "value") {
      values.push(f.value);
      reporting += unitsBehind(f);
      met += f.carried?.met ?? (attainmentOf(row.target, f) === "attained" ? 1 : 0);
    }
  const attainment = byUnit.map((f) => unitAttainment(row, f));
  const counts = { attained: 0, not_attained: 0, not_applicable: 0, blank: 0, contribution: 0 } as Record<
    Attainment,
    number
  >;
  for (const a of attainment) counts[a] += 1;
  const method = row.target.method;
  const { value, numerator, denominator, total } = aggregateOf(row, byUnit);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const each = row.target.scope === "each";
  // A unit that sent no return is a matter of completeness (报送情况); one that sent it with the figure blank is not
  // judged yet.
  let blankReturned = 0;
  byUnit.forEach((f, u) => {
    if (f.kind === "blank" && indexes[u] !== undefined) blankReturned++;
  });
  const verdict = each
    ? eachVerdict(reporting, reporting - met, blankReturned)
    : value === null
      ? null
      : attainmentOf(row.target, { kind: "value", value }) === "attained";
  return {
    key: row.key,
    taskKey: row.taskKey,
    taskTitle,
    indicator: row.target.indicator,
    targetLabel: row.targetLabel,
    unitOfMeasure: row.target.unitOfMeasure,
    scope: row.target.scope,
    method,
    weight: weightOf(row),
    reporting,
    unitsMet: each ? met : null,
    met: verdict,
    attained: counts.attained,
    notAttained: counts.not_attained,
    notApplicable: counts.not_applicable,
    blank: counts.blank,
    value,
    numerator,
    denominator,
    min: values.length ? min : null,
    median: values.length ? round2(median(values)!) : null,
    max: values.length ? max : null,
    aggregateAttainment: verdict === null ? "blank" : verdict ? "attained" : "not_attained",
    carriedUp:
      reporting > 0 ? { reporting, met: each ? met : null, ...(total !== undefined ? { total } : {}) } : null,
    byUnit: UnitFigures.of(byUnit),
    byUnitAttainment: attainment,
  };
}

/**
 * An `each` target is met when every unit reporting meets it; missed when any misses; not judged while none has
 * reported, or returns still have it blank and none has missed.
 */
function eachVerdict(reporting: number, missed: number, blank: number): boolean | null {
  if (missed > 0) return false;
  if (reporting === 0 || blank > 0) return null;
  return true;
}

/**
 * The aggregate by the target's method: Σ figures; Σ分子/Σ分母 × scale (units without both are left out); the mean
 * weighted by the units behind each figure (a plain mean when each figure is one unit's). Also what a previous
 * period's aggregate is computed with (src/core/period/previous-period.ts), so both periods are summed alike.
 * @example aggregateOf(rateRow, [{ kind: "value", value: 90, numerator: 90, denominator: 100 }, { kind: "value", value: 40, numerator: 40, denominator: 100 }]).value // → 65
 */
export function aggregateOf(
  row: TargetRow,
  byUnit: readonly UnitFigure[],
): { value: number | null; numerator: number | null; denominator: number | null; total?: number } {
  const figures = byUnit.filter((f): f is Extract<UnitFigure, { kind: "value" }> => f.kind === "value");
  const none = { value: null, numerator: null, denominator: null };
  switch (row.target.method) {
    case "ratio": {
      const parts = figures.filter((f) => f.numerator !== undefined && f.denominator !== undefined);
      if (parts.length === 0) return none;
      const numerator = sum(parts.map((p) => p.numerator!));
      const denominator = sum(parts.map((p) => p.denominator!));
      const value = denominator > 0 ? round2((numerator / denominator) * multiplierOf(row)) : null;
      return { value, numerator, denominator };
    }
    case "sum":
      return figures.length
        ? { value: sum(figures.map((f) => f.value)), numerator: null, denominator: null }
        : none;
    case "mean": {
      if (weightOf(row) !== null) return weightedMean(figures);
      const weight = sum(figures.map(unitsBehind));
      if (weight === 0) return none;
      const total = sum(figures.map(totalOf));
      return { value: round2(total / weight), numerator: null, denominator: null, total };
    }
    default:
      return assertNever(row.target.method);
  }
}

/**
 * Σ(figure × weight) / Σ weight over the figures that have their weight (a figure without one is left out, and its
 * return has check.weight_invalid). A summary sent up carries the unrounded Σ(figure × weight) as its total, so one
 * level up loses nothing to the rounding of its 完成值.
 */
function weightedMean(figures: readonly Extract<UnitFigure, { kind: "value" }>[]): {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  total?: number;
} {
  const parts = figures.filter((f) => f.numerator !== undefined && f.denominator !== undefined);
  if (parts.length === 0) return { value: null, numerator: null, denominator: null };
  const denominator = sum(parts.map((p) => p.denominator!));
  const numerator = sum(
    parts.map((p) => {
      const total = p.carried?.total;
      return total !== undefined && round2(total / p.denominator!) === p.value ? total : p.numerator!;
    }),
  );
  return { value: round2(numerator / denominator), numerator, denominator, total: numerator };
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

/** What joins the units' 存在问题 in 进展. */
export const PROBLEMS_SEPARATOR = "；";

/**
 * A task's 存在问题 of the units that named one, as 进展 joins them ("甲县：…"): each with its unit's index.
 * @example problemPieces(["甲县", "乙县"], [甲, 乙], slot) // → [{ unit: 1, piece: "乙县：人员不足" }]
 */
export function problemPieces(
  units: readonly string[],
  indexes: readonly (EntryIndex | undefined)[],
  slot: number,
): { readonly unit: number; readonly piece: string }[] {
  const pieces: { unit: number; piece: string }[] = [];
  indexes.forEach((index, i) => {
    const text = textOf(at(index, slot)?.value);
    if (text) pieces.push({ unit: i, piece: `${units[i]}：${text}` });
  });
  return pieces;
}

/**
 * 进展: a task's status (进展情况) per unit, with counts per status, the rolled-up status and the units' problems.
 * @example summariseProgress(taskRow, ["甲县"], [idx]).byUnit // → ["按计划推进"]
 */
export function summariseProgress(
  row: TaskRow,
  units: readonly string[],
  indexes: readonly (EntryIndex | undefined)[],
  slots: EntrySlots,
): TaskProgress {
  const status = slots.find(row.key, "status");
  const byUnit = indexes.map((index) => textOf(at(index, status)?.value));
  const counts: Record<string, number> = {};
  for (const s of byUnit) if (s !== null) counts[s] = (counts[s] ?? 0) + 1;
  const problems = problemPieces(units, indexes, slots.find(row.key, "problems"));
  return {
    key: row.key,
    taskTitle: row.task.title,
    byUnit,
    counts,
    rolledUp: rollUpStatus(byUnit),
    problems: problems.map((p) => p.piece).join(PROBLEMS_SEPARATOR),
  };
}

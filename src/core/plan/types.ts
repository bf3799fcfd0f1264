/** Comparison a target asks for. The same values as the `parse --json` contract. */
export type Op = ">=" | "<=" | "=" | "between" | "approx";

/**
 * Whom a target applies to (DESIGN.md, "What a target means"): `each` reporting unit must reach it (a unit's
 * figure is checked against it; the summary counts the units that meet it), or the area as a `total` (a unit's
 * figure is its contribution; the summary judges the aggregate).
 */
export type Scope = "each" | "total";

/**
 * How a target's figures roll up across units: `sum` (counts, amounts), `ratio` (rates: Σ分子/Σ分母 × scale, never
 * an average of rates), `mean` (averages, per-capita figures, ages, indices, levels, durations: never summed).
 */
export type RollUpMethod = "sum" | "ratio" | "mean";

/**
 * Why a person should look at a target the reader found (the task pane lists these first; `parse` shows them):
 * - `op_implicit`: no word says at least or at most; read as at least;
 * - `direction_from_indicator`: a bare value whose direction was taken from the indicator (死亡率 → at most);
 * - `name_from_context`: the indicator is named from the clause before, not the target's own;
 * - `from_table`: the value was read from a table cell, with the row's indicator;
 * - `unit_unrecognised`: a unit of measure outside the known ones, read from what follows the number;
 * - `deadline_from_paragraph`: the deadline comes from a phrase opening the paragraph or list, not the sentence;
 * - `scope_default`: no word of the plan says whom it applies to; the scope follows the indicator's kind.
 */
export type ReviewReason =
  | "op_implicit"
  | "direction_from_indicator"
  | "name_from_context"
  | "from_table"
  | "unit_unrecognised"
  | "deadline_from_paragraph"
  | "scope_default";

/** Why a scope was chosen, in both languages ("“全市”：全市整体目标"). */
export interface ScopeReason {
  readonly zh: string;
  readonly en: string;
}

/** One numbered work item of a plan at its deepest numbered level (a leaf). */
export interface Task {
  /** "1".."N" in document order. */
  readonly id: string;
  /** Numbering labels from the section down, separators stripped, ASCII parentheses: ["一", "(一)", "1"]. */
  readonly path: readonly string[];
  /** Text after the label up to the first "。". */
  readonly title: string;
  /** Units named in the task's 责任单位 clause, lead first. */
  readonly responsible: readonly string[];
  /** 1-based line of the plan text where the item starts (for findings). */
  readonly line: number;
}

interface TargetBase {
  /** Id of the task the target belongs to. */
  readonly task: string;
  /** The clause of the plan the target was read from (an exact substring). */
  readonly text: string;
  /** What is measured, e.g. "孕产妇死亡率". */
  readonly indicator: string;
  /**
   * Unit of measure: "%", "‰", "/10万", "张/千人", "个/千人", counts ("个", "家", "所", "次", "项", "名"),
   * "级", "岁", "元", "万元", "万人", "倍", "ratio" (for 1:X, value is X), or null for a dimensionless index.
   */
  readonly unitOfMeasure: string | null;
  /** "YYYY-MM-DD" from an explicit time phrase (到2024年底 → 2024-12-31), else null. */
  readonly deadline: string | null;
  /** Whom it applies to: read from the plan (see target-meaning.ts), or set by the clerk. */
  readonly scope: Scope;
  /** Why that scope: the word of the plan that decided it, or that the clerk set it. */
  readonly scopeReason: ScopeReason;
  /** How it rolls up: from the indicator's kind and unit of measure, or set by the clerk. */
  readonly method: RollUpMethod;
  /** Why a person should look at it (empty when the plan says it plainly), see ReviewReason. */
  readonly review: readonly ReviewReason[];
  /**
   * For a `mean`: what each unit's figure is weighted by ("常住人口", "出生人数"), set by the clerk. The template then
   * asks each unit for it beside its figure, and the roll-up is Σ(figure × weight) / Σ weight; without it, the mean
   * of the units' figures.
   */
  readonly weight?: string;
  /**
   * How far a figure may move from the previous period before the check asks why, when this indicator needs other
   * bounds than the defaults (CHANGE_LIMITS in src/core/period/limits.ts). Set by hand in the task list JSON.
   */
  readonly changeLimits?: ChangeLimits;
}

/**
 * Bounds of a plausible change from one period to the next (see src/core/period/limits.ts); either may be left out.
 * `denominatorShare`: a rate's 分母 may move by this share of its previous value (0.3 = 30%);
 * `ratePoints`: a rate may move by this many points of its unit of measure (20 = 20 个百分点 for %).
 */
export interface ChangeLimits {
  readonly denominatorShare?: number;
  readonly ratePoints?: number;
}

/**
 * A quantitative goal attached to a task. Each variant makes its own fields required.
 * `approx` carries its tolerance in the target's unit of measure (see APPROX_TOLERANCE).
 */
export type Target = TargetBase &
  (
    | { readonly op: ">=" | "<=" | "="; readonly value: number }
    | { readonly op: "between"; readonly min: number; readonly max: number }
    | { readonly op: "approx"; readonly value: number; readonly tolerance: number }
  );

/**
 * 左右 ("about") is a band, never an exact match: ±5% of the value (at least one step of the last written
 * digit). 90%左右 accepts 85.5–94.5; 1:2左右 accepts 1.9–2.1.
 */
export const APPROX_TOLERANCE = 0.05;

/** The parser's output: every task of a plan with its targets. */
export interface TaskList {
  readonly title: string;
  readonly year: number | null;
  readonly tasks: readonly Task[];
  readonly targets: readonly Target[];
}

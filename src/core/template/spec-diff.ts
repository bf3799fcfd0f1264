import {
  JUDGING_FIELDS,
  type RowMeaning,
  type SpecMeaning,
  type TargetMeaning,
  type TaskMeaning,
} from "./spec-meaning";

/** What differs between two meanings: the plan, the period, a row (added, removed) or one field of a row. */
export type ChangeField =
  | "plan"
  | "period"
  | "row"
  | "kind"
  | "path"
  | "title"
  | "responsible"
  | "indicator"
  | "target"
  | "unitOfMeasure"
  | "measure"
  | "deadline"
  | "scope"
  | "method";

/** One difference, shown as the reference has it and as the other has it. */
export interface SpecChange {
  /** Row key ("T3.1"); "" for the plan and the period. */
  readonly key: string;
  readonly field: ChangeField;
  /** In the reference (the authority, or the spec most returns carry); "" for a row only the other has. */
  readonly expected: string;
  /** In the other spec; "" for a row only the reference has. */
  readonly got: string;
}

export interface SpecChangeOptions {
  /**
   * Leave out scope and method (JUDGING_FIELDS): how the commission judges a target is its own to set, so an
   * authority that changed them after the template was sent does not make every return "changed".
   */
  readonly ignoreJudging?: boolean;
}

/** A target's comparison and numbers without its unit: "≥85", "3-5", "约10（±0.5）". */
function targetText(t: TargetMeaning): string {
  const n = (x: number | null) => (x === null ? "?" : String(x));
  switch (t.op) {
    case ">=":
      return `≥${n(t.value)}`;
    case "<=":
      return `≤${n(t.value)}`;
    case "=":
      return `=${n(t.value)}`;
    case "between":
      return `${n(t.min)}-${n(t.max)}`;
    case "approx":
      return `约${n(t.value)}（±${n(t.tolerance)}）`;
    default:
      return `${t.op} ${n(t.value)}`;
  }
}

const rowLabel = (r: RowMeaning): string => (r.kind === "task" ? r.title : r.indicator);
const list = (xs: readonly string[]): string => xs.join("、");

function taskChanges(a: TaskMeaning, b: TaskMeaning): SpecChange[] {
  const out: SpecChange[] = [];
  const add = (field: ChangeField, expected: string, got: string) => {
    if (expected !== got) out.push({ key: a.key, field, expected, got });
  };
  add("path", list(a.path), list(b.path));
  add("title", a.title, b.title);
  add("responsible", list(a.responsible), list(b.responsible));
  return out;
}

function targetChanges(a: TargetMeaning, b: TargetMeaning, options: SpecChangeOptions): SpecChange[] {
  const out: SpecChange[] = [];
  const add = (field: ChangeField, expected: string | null, got: string | null) => {
    if (expected !== got) out.push({ key: a.key, field, expected: expected ?? "", got: got ?? "" });
  };
  add("indicator", a.indicator, b.indicator);
  add("target", targetText(a), targetText(b));
  add("unitOfMeasure", a.unitOfMeasure, b.unitOfMeasure);
  add("measure", a.measure, b.measure);
  add("deadline", a.deadline, b.deadline);
  if (!options.ignoreJudging) for (const field of JUDGING_FIELDS) add(field, a[field], b[field]);
  return out;
}

/**
 * Every difference in meaning between a reference spec and another, in the reference's row order (rows only the
 * other has come last). Empty when they mean the same.
 * @example specChanges(specMeaning(authority), specMeaning(stored))
 *   // → [{ key: "T1.1", field: "target", expected: "≥85", got: "≥80" }]
 */
export function specChanges(
  reference: SpecMeaning,
  other: SpecMeaning,
  options: SpecChangeOptions = {},
): SpecChange[] {
  const changes: SpecChange[] = [];
  if (reference.plan !== other.plan)
    changes.push({ key: "", field: "plan", expected: reference.plan, got: other.plan });
  if (reference.period !== other.period)
    changes.push({ key: "", field: "period", expected: reference.period, got: other.period });
  const theirs = new Map(other.rows.map((r) => [r.key, r]));
  const ours = new Set(reference.rows.map((r) => r.key));
  for (const row of reference.rows) {
    const them = theirs.get(row.key);
    if (!them) changes.push({ key: row.key, field: "row", expected: rowLabel(row), got: "" });
    else if (them.kind !== row.kind)
      changes.push({ key: row.key, field: "kind", expected: rowLabel(row), got: rowLabel(them) });
    else if (row.kind === "task") changes.push(...taskChanges(row, them as TaskMeaning));
    else changes.push(...targetChanges(row, them as TargetMeaning, options));
  }
  for (const row of other.rows)
    if (!ours.has(row.key)) changes.push({ key: row.key, field: "row", expected: "", got: rowLabel(row) });
  return changes;
}

/** How many changes a finding spells out; the rest are counted ("等 7 处"). */
export const CHANGES_SHOWN = 3;

/**
 * The facts of a finding about changes: `count`, and for the first few `key1`, `field1`, `expected1`, `got1`…
 * (the catalogue words them: src/core/findings/catalogue/spec-changes.ts).
 * @example changeData([{ key: "T1.1", field: "target", expected: "≥85", got: "≥80" }])
 *   // → { count: 1, key1: "T1.1", field1: "target", expected1: "≥85", got1: "≥80" }
 */
export function changeData(changes: readonly SpecChange[]): Record<string, string | number> {
  const data: Record<string, string | number> = { count: changes.length };
  changes.slice(0, CHANGES_SHOWN).forEach((c, i) => {
    data[`key${i + 1}`] = c.key;
    data[`field${i + 1}`] = c.field;
    data[`expected${i + 1}`] = c.expected;
    data[`got${i + 1}`] = c.got;
  });
  return data;
}

import type { SpecRow, TemplateSpec } from "./spec";
import { stableHash } from "./stable-hash";

/**
 * What a template means: the questions it asks and the targets it sets, and nothing about how it was made or laid
 * out. Two specs with the same meaning are the same template (the same id), whatever line of the plan a task came
 * from, however the plan was spaced, and whether the template was built from the .txt, the .docx or `parse --json`.
 *
 * Left out, on purpose:
 * - `task.line` and `target.text`: where and how the plan wrote it (a blank line or a space moves or changes them);
 * - `plan.year`: the period label carries the year;
 * - `units`: who is asked, not what; a personalised copy does not even carry the list, and a list may grow;
 * - `deadline` (of submission) and `contact`: when to send and whom to ask, administrative facts the commission may
 *   change and resend the template for (a later deadline, another clerk) while every return filled before still
 *   answers the same questions against the same targets;
 * - `layout`, `targetLabel`, `specVersion`: derived from the rows, or the file format's version;
 * - a target's `scopeReason`: why the scope was chosen, not the scope.
 */
export interface SpecMeaning {
  /** The plan's title, whitespace collapsed (see collapseSpace). */
  readonly plan: string;
  readonly period: string;
  readonly rows: readonly RowMeaning[];
}

export type RowMeaning = TaskMeaning | TargetMeaning;

export interface TaskMeaning {
  readonly key: string;
  readonly kind: "task";
  readonly path: readonly string[];
  readonly title: string;
  readonly responsible: readonly string[];
}

export interface TargetMeaning {
  readonly key: string;
  readonly kind: "target";
  readonly indicator: string;
  readonly op: string;
  /** The numbers the op uses; null where it uses none (value of a `between`, min/max of a `>=`). */
  readonly value: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly tolerance: number | null;
  readonly unitOfMeasure: string | null;
  /** What the row collects (rate: 分子 and 分母; count, amount…): what the unit is asked to type. */
  readonly measure: string;
  readonly deadline: string | null;
  /** Whom the target applies to (each, total) and how it rolls up (sum, ratio, mean): how the commission judges. */
  readonly scope: string | null;
  readonly method: string | null;
  /** What a mean is weighted by, which the unit is asked for too; absent when none (so older ids stay as they were). */
  readonly weight?: string;
}

/** The fields of a target that say how the commission judges, not what the unit is asked. */
export const JUDGING_FIELDS = ["scope", "method"] as const;

/**
 * Whitespace that carries no meaning removed: runs of spaces (also full-width, tabs, line breaks) become one space,
 * and a space next to anything but a Latin letter or digit goes (Chinese is written without spaces; "COVID 19" keeps
 * its space).
 * @example collapseSpace("  创新医防协同、 医防融合\n机制 ") // → "创新医防协同、医防融合机制"
 */
export function collapseSpace(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(?<![A-Za-z0-9]) | (?![A-Za-z0-9])/g, "");
}

const text = (x: unknown): string => (typeof x === "string" ? collapseSpace(x) : "");
const num = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);
const strings = (x: unknown): string[] => (Array.isArray(x) ? x.map(text) : []);
const optionalText = (x: unknown): string | null => (typeof x === "string" ? x : null);

/**
 * The meaning of one row. Reads its fields loosely: a spec stored in a returned file may have been edited by hand,
 * and an older one has no scope or method; a missing field reads as "" or null, never as an exception.
 */
function rowMeaning(row: SpecRow): RowMeaning {
  if (row.kind === "task") {
    const task: Record<string, unknown> = { ...row.task };
    return {
      key: row.key,
      kind: "task",
      path: strings(task.path),
      title: text(task.title),
      responsible: strings(task.responsible),
    };
  }
  const t: Record<string, unknown> = { ...row.target };
  const between = t.op === "between";
  return {
    key: row.key,
    kind: "target",
    indicator: text(t.indicator),
    op: typeof t.op === "string" ? t.op : "",
    value: between ? null : num(t.value),
    min: between ? num(t.min) : null,
    max: between ? num(t.max) : null,
    tolerance: t.op === "approx" ? num(t.tolerance) : null,
    unitOfMeasure: optionalText(t.unitOfMeasure),
    measure: typeof row.measure === "string" ? row.measure : "",
    deadline: optionalText(t.deadline),
    scope: optionalText(t.scope),
    method: optionalText(t.method),
    ...(typeof t.weight === "string" && t.weight ? { weight: t.weight } : {}),
  };
}

/**
 * The meaning of a spec (or of what a spec is built from): plan title, period and, row by row, what is asked and
 * what is targeted. Pure and total: any stored spec that passed the reader's shape check has a meaning.
 * @example specMeaning({ plan: { title: "2024年 工作要点" }, period: { label: "2024年上半年" }, rows: [taskRowT1] })
 *   // → { plan: "2024年工作要点", period: "2024年上半年", rows: [{ key: "T1", kind: "task", path: ["一", "1"], title: "…", responsible: [] }] }
 */
export function specMeaning(spec: Pick<TemplateSpec, "plan" | "period" | "rows">): SpecMeaning {
  return {
    plan: text(spec.plan?.title),
    period: text(spec.period?.label),
    rows: (spec.rows ?? []).map(rowMeaning),
  };
}

/**
 * A stable hash of a meaning (12 hex digits): equal meanings, equal hashes.
 * @example meaningHash(specMeaning(spec)) // → "5c1e0a9b3f27"
 */
export function meaningHash(meaning: SpecMeaning): string {
  return stableHash(JSON.stringify(meaning));
}

/**
 * The template id of a spec: "rk-" and the hash of its meaning, so the same plan, period, rows and targets give the
 * same id however the plan was spaced or read.
 * @example templateIdOf({ plan, period, rows }) // → "rk-5c1e0a9b3f27"
 */
export function templateIdOf(spec: Pick<TemplateSpec, "plan" | "period" | "rows">): string {
  return `rk-${meaningHash(specMeaning(spec))}`;
}

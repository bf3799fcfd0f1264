import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { withMeaning } from "./target-meaning";
import {
  APPROX_TOLERANCE,
  type ChangeLimits,
  type Op,
  type ReviewReason,
  type RollUpMethod,
  type Scope,
  type ScopeReason,
  type Target,
  type Task,
  type TaskList,
} from "./types";

/** A target as the `parse --json` contract writes it (DESIGN.md): unit of measure is `unit`, unused numbers null. */
export interface TargetJson {
  task: string;
  text: string;
  indicator: string;
  op: Op;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string | null;
  deadline: string | null;
  /** Whom it applies to: "each" unit or the area's "total"; optional on input (read from the text when absent). */
  scope?: Scope;
  /** Why that scope, in both languages; optional on input. */
  scopeReason?: ScopeReason;
  /** How it rolls up: "sum", "ratio" or "mean"; optional on input (from the indicator and unit when absent). */
  method?: RollUpMethod;
  /** Why a person should look at it (see ReviewReason); optional on input. */
  review?: ReviewReason[];
  /** For a mean: what each unit's figure is weighted by ("常住人口"); the template asks for it. Absent: a plain mean. */
  weight?: string;
  /** Bounds of a plausible change from the previous period, set by hand (see ChangeLimits); absent for the defaults. */
  changeLimits?: ChangeLimits;
}

export interface TaskJson {
  id: string;
  path: string[];
  title: string;
  responsible: string[];
}

export interface TaskListJson {
  title: string;
  year: number | null;
  tasks: TaskJson[];
  targets: TargetJson[];
}

/**
 * Flattens a task list to the `parse --json` contract.
 * @example toTaskListJson({ title: "2024年工作要点", year: 2024, tasks: [], targets: [] })
 *   // → { title: "2024年工作要点", year: 2024, tasks: [], targets: [] }
 */
export function toTaskListJson(list: TaskList): TaskListJson {
  return {
    title: list.title,
    year: list.year,
    tasks: list.tasks.map((t) => ({
      id: t.id,
      path: [...t.path],
      title: t.title,
      responsible: [...t.responsible],
    })),
    targets: list.targets.map(toTargetJson),
  };
}

function toTargetJson(t: Target): TargetJson {
  const base = { task: t.task, text: t.text, indicator: t.indicator, op: t.op };
  const tail = {
    unit: t.unitOfMeasure,
    deadline: t.deadline,
    scope: t.scope,
    scopeReason: t.scopeReason,
    method: t.method,
    review: [...t.review],
    ...(t.weight ? { weight: t.weight } : {}),
    ...(t.changeLimits ? { changeLimits: { ...t.changeLimits } } : {}),
  };
  return t.op === "between"
    ? { ...base, value: null, min: t.min, max: t.max, ...tail }
    : { ...base, value: t.value, min: null, max: null, ...tail };
}

/** Default tolerance of an approx target: APPROX_TOLERANCE of its value. */
export function approxTolerance(value: number): number {
  return Math.abs(value) * APPROX_TOLERANCE;
}

export type ReadTaskListResult =
  | { readonly ok: true; readonly taskList: TaskList; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

const OPS: readonly Op[] = [">=", "<=", "=", "between", "approx"];
const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);
const str = (x: unknown): string =>
  typeof x === "string" ? x : x === null || x === undefined ? "" : String(x);
const numOrNull = (x: unknown): number | null =>
  typeof x === "number" && Number.isFinite(x)
    ? x
    : typeof x === "string" && x.trim() !== "" && Number.isFinite(Number(x))
      ? Number(x)
      : null;

/**
 * Reads a task list JSON (from `parse --json`, possibly corrected by hand). Each bad task or target is a
 * finding naming its position; what is valid is kept. No tasks at all → not ok.
 * @example readTaskListJson({ title: "要点", year: null, tasks: [{ id: "1", path: ["一"], title: "加强管理", responsible: [] }], targets: [] })
 *   // → { ok: true, taskList: { …, tasks: [{ id: "1", path: ["一"], title: "加强管理", … }] }, findings: [] }
 */
export function readTaskListJson(value: unknown): ReadTaskListResult {
  const findings: Finding[] = [];
  const where = { kind: "plan" as const, line: 0 };
  if (!isRecord(value) || !Array.isArray(value.tasks)) {
    return {
      ok: false,
      findings: [
        makeFinding("plan.json_shape", where, { expected: "{ title, year, tasks: [], targets: [] }" }),
      ],
    };
  }
  const tasks: Task[] = [];
  value.tasks.forEach((raw, i) => {
    const title = isRecord(raw) ? str(raw.title).trim() : "";
    if (!isRecord(raw) || !title) {
      findings.push(makeFinding("plan.json_bad_task", where, { index: i + 1, field: "title" }));
      return;
    }
    const path = Array.isArray(raw.path) ? raw.path.map(str) : [str(raw.id || i + 1)];
    const responsible = Array.isArray(raw.responsible) ? raw.responsible.map(str).filter(Boolean) : [];
    tasks.push({ id: str(raw.id) || String(i + 1), path, title, responsible, line: 0 });
  });
  const ids = new Set(tasks.map((t) => t.id));
  const targets: Target[] = [];
  (Array.isArray(value.targets) ? value.targets : []).forEach((raw, i) => {
    const t = isRecord(raw) ? readTarget(raw) : null;
    if (!t) {
      findings.push(makeFinding("plan.json_bad_target", where, { index: i + 1 }));
    } else if (!ids.has(t.task)) {
      findings.push(makeFinding("plan.json_unknown_task", where, { index: i + 1, task: t.task }));
    } else {
      targets.push(t);
    }
  });
  if (tasks.length === 0) return { ok: false, findings: [...findings, makeFinding("plan.no_items", where)] };
  const year = numOrNull(value.year);
  return {
    ok: true,
    taskList: { title: str(value.title), year: year === null ? null : Math.trunc(year), tasks, targets },
    findings,
  };
}

/** A weight's name as given: a short text, spaces collapsed; anything else is no weight. */
function weightOf(raw: unknown): { weight?: string } {
  const name = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  return name && name.length <= MAX_WEIGHT_NAME ? { weight: name } : {};
}

/** The longest weight name kept ("常住人口数（万人）" fits many times over). */
const MAX_WEIGHT_NAME = 40;

function readTarget(raw: Record<string, unknown>): Target | null {
  const op = str(raw.op) as Op;
  if (!OPS.includes(op)) return null;
  const base = {
    task: str(raw.task),
    text: str(raw.text),
    indicator: str(raw.indicator),
    unitOfMeasure: raw.unit === null || raw.unit === undefined || raw.unit === "" ? null : str(raw.unit),
    deadline: /^\d{4}-\d{2}-\d{2}$/.test(str(raw.deadline)) ? str(raw.deadline) : null,
    // Kept when valid (the clerk's choice); withMeaning reads what is missing or unknown from the text.
    scope: raw.scope as Scope | undefined,
    scopeReason: raw.scopeReason as ScopeReason | undefined,
    method: raw.method as RollUpMethod | undefined,
    review: Array.isArray(raw.review) ? (raw.review as ReviewReason[]) : undefined,
    ...weightOf(raw.weight),
    ...changeLimitsOf(raw.changeLimits),
  };
  if (op === "between") {
    const min = numOrNull(raw.min);
    const max = numOrNull(raw.max);
    return min === null || max === null || min > max ? null : withMeaning({ ...base, op, min, max });
  }
  const v = numOrNull(raw.value);
  if (v === null) return null;
  return withMeaning(
    op === "approx" ? { ...base, op, value: v, tolerance: approxTolerance(v) } : { ...base, op, value: v },
  );
}

/** The bounds of a plausible change a clerk set on a target (positive numbers only); nothing when none is valid. */
function changeLimitsOf(raw: unknown): { changeLimits?: ChangeLimits } {
  if (!isRecord(raw)) return {};
  const positive = (x: unknown) => {
    const n = numOrNull(x);
    return n !== null && n > 0 ? n : null;
  };
  const share = positive(raw.denominatorShare);
  const points = positive(raw.ratePoints);
  const limits: ChangeLimits = {
    ...(share !== null ? { denominatorShare: share } : {}),
    ...(points !== null ? { ratePoints: points } : {}),
  };
  return Object.keys(limits).length ? { changeLimits: limits } : {};
}

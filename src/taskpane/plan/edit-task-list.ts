import { approxTolerance } from "../../core/plan/task-list-json";
import { SCOPE_SET_BY_HAND, withMeaning } from "../../core/plan/target-meaning";
import type { Op, RollUpMethod, Scope, Target, TaskList } from "../../core/plan/types";

/** The number a target is shown with in its single-value field (the midpoint of a range). */
const mainValue = (t: Target): number => (t.op === "between" ? (t.min + t.max) / 2 : t.value);

/**
 * The same target with another operator; the fields the new operator needs are filled from the old ones. The clerk
 * has now said which way it goes, so the reader's doubts about its direction are settled.
 */
export function withOp(t: Target, op: Op): Target {
  const base = {
    task: t.task,
    text: t.text,
    indicator: t.indicator,
    unitOfMeasure: t.unitOfMeasure,
    deadline: t.deadline,
    scope: t.scope,
    scopeReason: t.scopeReason,
    method: t.method,
    review: t.review.filter((r) => r !== "op_implicit" && r !== "direction_from_indicator"),
  };
  switch (op) {
    case "between":
      return t.op === "between" ? t : { ...base, op, min: t.value, max: t.value };
    case "approx":
      return { ...base, op, value: mainValue(t), tolerance: approxTolerance(mainValue(t)) };
    case ">=":
    case "<=":
    case "=":
      return { ...base, op, value: t.op === "between" ? (op === "<=" ? t.max : t.min) : t.value };
  }
}

/** The target with one number changed; NaN (an unfinished entry) leaves it as it was. */
export function withNumber(t: Target, field: "value" | "min" | "max", n: number): Target {
  if (!Number.isFinite(n)) return t;
  if (t.op === "between") return field === "value" ? t : { ...t, [field]: n };
  if (field !== "value") return t;
  return t.op === "approx" ? { ...t, value: n, tolerance: approxTolerance(n) } : { ...t, value: n };
}

/**
 * The target with the scope the clerk chose; its reason becomes "set by hand". Choosing the scope it already has
 * keeps the reason the plan gave.
 */
export function withScope(t: Target, scope: Scope): Target {
  const review = t.review.filter((r) => r !== "scope_default");
  return scope === t.scope ? t : { ...t, scope, scopeReason: SCOPE_SET_BY_HAND, review };
}

/**
 * The target with the indicator the clerk wrote; a name they typed is no longer one borrowed from the clause before.
 */
export function withIndicator(t: Target, indicator: string): Target {
  return { ...t, indicator, review: t.review.filter((r) => r !== "name_from_context") };
}

/** The target with the unit of measure the clerk wrote (blank → none); an unusual unit is now theirs. */
export function withUnitOfMeasure(t: Target, unitOfMeasure: string): Target {
  const review = t.review.filter((r) => r !== "unit_unrecognised");
  return { ...t, unitOfMeasure: unitOfMeasure.trim() || null, review };
}

/**
 * The target as checked by the clerk (清除核对标记): it keeps what it says and loses every reason to look at it.
 * A target with nothing to check is returned as it was.
 */
export function markChecked(t: Target): Target {
  return t.review.length === 0 ? t : { ...t, review: [] };
}

/** The target with the roll-up method the clerk chose (合计, Σ分子/Σ分母, 平均值); its scope stays as it was. */
export function withMethod(t: Target, method: RollUpMethod): Target {
  if (method === t.method) return t;
  // A weight belongs to a mean only.
  const { weight: _weight, ...rest } = t;
  return { ...rest, method } as Target;
}

/**
 * A mean weighted by what each unit reports ("常住人口"), or a plain mean when the name is blank.
 * @example withWeight(lifeExpectancy, "常住人口").weight // → "常住人口"
 */
export function withWeight(t: Target, weight: string): Target {
  const name = weight.trim();
  const { weight: _weight, ...rest } = t;
  return (name ? { ...rest, weight: name } : rest) as Target;
}

export function replaceTarget(list: TaskList, index: number, target: Target): TaskList {
  return { ...list, targets: list.targets.map((t, i) => (i === index ? target : t)) };
}

export function removeTarget(list: TaskList, index: number): TaskList {
  return { ...list, targets: list.targets.filter((_, i) => i !== index) };
}

/** Adds a blank "≥ 0" target after the task's last target (targets stay in task order). */
export function addTarget(list: TaskList, taskId: string, indicator: string): TaskList {
  const target = withMeaning({
    task: taskId,
    text: "",
    indicator,
    op: ">=",
    value: 0,
    unitOfMeasure: null,
    deadline: null,
  });
  const at = newTargetIndex(list, taskId);
  return { ...list, targets: [...list.targets.slice(0, at), target, ...list.targets.slice(at)] };
}

/** Where addTarget puts a task's new target: after the task's last target, or where the task's targets would be. */
function newTargetIndex(list: TaskList, taskId: string): number {
  const lastOfTask = list.targets.map((t) => t.task).lastIndexOf(taskId);
  return lastOfTask >= 0 ? lastOfTask + 1 : insertionPoint(list, taskId);
}

/**
 * The task list under review, with a key for each target that stays with it through edits, removals and additions.
 * The pane keys each target's editor by it (never by position), so that after a removal an editor cannot keep
 * showing the number of the target that was there before.
 */
export interface KeyedTaskList {
  readonly taskList: TaskList;
  /** keys[i] belongs to taskList.targets[i]; a key is never reused. */
  readonly keys: readonly number[];
  readonly nextKey: number;
}

/** A freshly read task list, its targets keyed 0, 1, 2… */
export function keyTargets(taskList: TaskList): KeyedTaskList {
  const keys = taskList.targets.map((_, i) => i);
  return { taskList, keys, nextKey: keys.length };
}

/** replaceTarget, keeping the target's key. */
export const replaceKeyed = (list: KeyedTaskList, index: number, target: Target): KeyedTaskList => ({
  ...list,
  taskList: replaceTarget(list.taskList, index, target),
});

/** removeTarget, its key going with it. */
export const removeKeyed = (list: KeyedTaskList, index: number): KeyedTaskList => ({
  ...list,
  taskList: removeTarget(list.taskList, index),
  keys: list.keys.filter((_, i) => i !== index),
});

/** addTarget, the new target getting a new key. */
export function addKeyed(list: KeyedTaskList, taskId: string, indicator: string): KeyedTaskList {
  const at = newTargetIndex(list.taskList, taskId);
  return {
    taskList: addTarget(list.taskList, taskId, indicator),
    keys: [...list.keys.slice(0, at), list.nextKey, ...list.keys.slice(at)],
    nextKey: list.nextKey + 1,
  };
}

/** Where a first target of a task goes: before the targets of any later task. */
function insertionPoint(list: TaskList, taskId: string): number {
  const order = new Map(list.tasks.map((t, i) => [t.id, i]));
  const mine = order.get(taskId) ?? Infinity;
  const later = list.targets.findIndex((t) => (order.get(t.task) ?? Infinity) > mine);
  return later >= 0 ? later : list.targets.length;
}

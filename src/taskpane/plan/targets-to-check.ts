import type { Target, Task, TaskList } from "../../core/plan/types";

/** A target a person should look at, with where it sits: its index in the task list and its task. */
export interface TargetToCheck {
  readonly index: number;
  readonly target: Target;
  readonly task: Task;
}

/** How a target is named on screen: its task's numbering, then its indicator ("一3 门诊预约诊疗率"). */
export const targetLabel = (task: Pick<Task, "path">, target: Pick<Target, "indicator">): string =>
  `${task.path.join("")} ${target.indicator}`;

/**
 * The targets that carry review reasons, in the order of the plan (task by task), so the review list can show them
 * before the rest. A target whose task is missing from the list is left out: there is nowhere to go to.
 */
export function targetsToCheck(list: TaskList): readonly TargetToCheck[] {
  const tasks = new Map(list.tasks.map((t, i) => [t.id, { task: t, order: i }]));
  return list.targets
    .flatMap((target, index) => {
      const found = tasks.get(target.task);
      return target.review.length > 0 && found
        ? [{ index, target, task: found.task, order: found.order }]
        : [];
    })
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map(({ index, target, task }) => ({ index, target, task }));
}

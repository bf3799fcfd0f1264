import { withMeaning, type BareTarget } from "../plan/target-meaning";
import type { Target, Task, TaskList } from "../plan/types";

/** Test builders with defaults (used by the template tests only). */
export function makeTask(over: Partial<Task> = {}): Task {
  return { id: "1", path: ["一", "1"], title: "推进检查检验结果互认共享", responsible: [], line: 1, ...over };
}

/** A target (its scope and roll-up read from its text unless `over` gives them). */
export function makeTarget(over: Partial<Target> = {}): Target {
  return withMeaning({
    task: "1",
    text: "互认率达到95%以上",
    indicator: "互认率",
    unitOfMeasure: "%",
    deadline: null,
    op: ">=",
    value: 95,
    ...over,
  } as BareTarget);
}

export function makeTaskList(over: Partial<TaskList> = {}): TaskList {
  return {
    title: "2024年医疗管理工作要点",
    year: 2024,
    tasks: [makeTask()],
    targets: [makeTarget()],
    ...over,
  };
}

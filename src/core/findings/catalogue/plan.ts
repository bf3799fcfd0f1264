import type { Catalogue } from "../catalogue-types";

/** Findings about reading a plan (parse). */
export const planMessages = {
  "plan.empty": {
    severity: "error",
    text: () => ({ zh: "文件是空的，没有可读取的文字", en: "The file is empty: there is no text to read" }),
  },
  "plan.no_items": {
    severity: "error",
    text: () => ({
      zh: "没有找到编号条目（如“一、”“（一）”“1.”），请确认这是一份工作要点或实施方案",
      en: 'No numbered items (such as "一、", "（一）", "1.") were found; is this a work plan?',
    }),
  },
  "plan.json_shape": {
    severity: "error",
    text: (d) => ({
      zh: `任务清单 JSON 的结构不对，应为 ${d.expected}`,
      en: `The task list JSON has the wrong shape; expected ${d.expected}`,
    }),
  },
  "plan.json_bad_task": {
    severity: "error",
    text: (d) => ({
      zh: `任务清单第 ${d.index} 个任务缺少“${d.field}”，已跳过`,
      en: `Task ${d.index} of the task list has no "${d.field}"; skipped`,
    }),
  },
  "plan.json_bad_target": {
    severity: "error",
    text: (d) => ({
      zh: `任务清单第 ${d.index} 个目标无法识别（op 应为 >=、<=、=、between、approx，并给出数值），已跳过`,
      en: `Target ${d.index} of the task list is not valid (op must be >=, <=, =, between or approx, with numbers); skipped`,
    }),
  },
  "plan.json_unknown_task": {
    severity: "error",
    text: (d) => ({
      zh: `任务清单第 ${d.index} 个目标指向不存在的任务“${d.task}”，已跳过`,
      en: `Target ${d.index} of the task list points to task "${d.task}", which does not exist; skipped`,
    }),
  },
} as const satisfies Catalogue;

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
} as const satisfies Catalogue;

import type { Catalogue } from "../catalogue-types";

/** Findings of the template area. Codes are stable: add new ones, never reword or reuse a code. */
export const templateMessages = {
  "template.no_tasks": {
    severity: "error",
    text: () => ({
      zh: "任务清单中没有任何任务，无法生成填报模板",
      en: "The task list has no tasks; a template cannot be made from it",
    }),
  },
  "template.period_missing": {
    severity: "error",
    text: () => ({
      zh: "未给出报告期，工作要点中也找不到年份。请用 --period 指定，如“2024年上半年”",
      en: 'No reporting period was given and the plan has no year; give one with --period, e.g. "2024年上半年"',
    }),
  },
  "template.period_unknown": {
    severity: "error",
    text: (d) => ({
      zh: `无法识别报告期“${d.got}”。可用格式：2024年度、2024年上半年、2024年第三季度、2024年1-9月、2024年3月`,
      en: `Unknown reporting period "${d.got}". Use 2024年度, 2024年上半年, 2024年第三季度, 2024年1-9月 or 2024年3月`,
    }),
  },
  "template.period_other_year": {
    severity: "warning",
    text: (d) => ({
      zh: `报告期“${d.period}”与工作要点年份 ${d.year} 不一致，请确认`,
      en: `The reporting period "${d.period}" is not in the plan's year ${d.year}; please confirm`,
    }),
  },
  "template.deadline_invalid": {
    severity: "error",
    text: (d) => ({
      zh: `报送截止日期“${d.got}”不是有效日期，应为 2024-07-10 或 2024年7月10日 这样的格式`,
      en: `The deadline "${d.got}" is not a valid date; write it as 2024-07-10 or 2024年7月10日`,
    }),
  },
  "template.unit_blank": {
    severity: "error",
    text: (d) => ({
      zh: `单位名录第 ${d.row} 行的单位名称为空`,
      en: `Row ${d.row} of the unit list has no unit name`,
    }),
  },
  "template.unit_duplicate": {
    severity: "error",
    text: (d) => ({
      zh: `单位名录第 ${d.row} 行“${d.name}”与第 ${d.first} 行重复`,
      en: `Row ${d.row} of the unit list, "${d.name}", repeats row ${d.first}`,
    }),
  },
  "template.units_empty": {
    severity: "error",
    text: (d) => ({
      zh: `单位名录“${d.file}”中没有任何单位名称`,
      en: `The unit list "${d.file}" has no unit names`,
    }),
  },
  "template.units_not_found": {
    severity: "error",
    text: (d) => ({
      zh: `找不到单位名录“${d.file}”，请检查文件名和所在文件夹`,
      en: `Unit list "${d.file}" not found; check the file name and its folder`,
    }),
  },
  "template.units_unreadable": {
    severity: "error",
    text: (d) => ({
      zh: `无法读取单位名录“${d.file}”：应为 .csv（UTF-8 或 GBK）或 .xlsx 文件，单位名称在第一列`,
      en: `Cannot read the unit list "${d.file}": give a .csv (UTF-8 or GBK) or .xlsx file with unit names in the first column`,
    }),
  },
  "template.plan_unreadable": {
    severity: "error",
    text: (d) => ({
      zh: `无法读取“${d.file}”：应为工作要点（.txt、.docx）或任务清单 JSON（parse --json 的输出）`,
      en: `Cannot read "${d.file}": give a plan (.txt, .docx) or a task list JSON (the output of parse --json)`,
    }),
  },
  "template.identity_missing": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”不是 report-kit 生成的填报模板（找不到隐藏的标识工作表）`,
      en: `"${d.file}" is not a report-kit template (its hidden identity sheet is missing)`,
    }),
  },
  "template.identity_damaged": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”的模板标识已损坏（${d.reason}），无法按模板读取`,
      en: `The template identity in "${d.file}" is damaged (${d.reason}); it cannot be read as a template`,
    }),
  },
} as const satisfies Catalogue;

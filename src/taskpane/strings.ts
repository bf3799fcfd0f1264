import { METHOD_LABELS } from "../core/consolidate/labels";
import { REVIEW_LABELS, SCOPE_NAMES } from "../core/plan/target-meaning";
import type { ReviewReason, ScopeReason } from "../core/plan/types";

/** Every text the task pane shows, Chinese first. The language follows Office's display language. */
const zh = {
  appTitle: "报表助手",
  tabPlan: "生成模板",
  tabCheck: "校验",
  tabConsolidate: "汇总",
  planTextLabel: "工作要点全文",
  planTextHint: "粘贴工作要点，或打开 .txt / .docx / .doc / PDF 文件",
  openPlanFile: "打开文件…",
  parse: "识别任务和指标",
  parsing: "正在识别…",
  noTasks: "没有识别到编号的工作任务。请检查文本是否包含“一、”“（一）”“1.”等编号。",
  taskListTitle: (tasks: number, targets: number) => `任务清单：${tasks} 项任务，${targets} 个量化指标`,
  taskListHint:
    "请逐条核对。可修改运算符、目标值、计量单位、适用范围和汇总方式，删除误识别的指标，或为任务补充指标。",
  indicator: "指标",
  op: "运算符",
  value: "目标值",
  min: "下限",
  max: "上限",
  unitOfMeasure: "计量单位",
  removeTarget: "删除指标",
  addTarget: "添加指标",
  newIndicator: "新指标",
  opLabels: {
    ">=": "不低于 (≥)",
    "<=": "不高于 (≤)",
    "=": "等于 (=)",
    between: "介于 (区间)",
    approx: "左右 (约)",
  },
  // The scope's name starts its label: the template's 目标 cell shows the same name with the target.
  scope: "适用范围",
  scopeLabels: {
    each: `${SCOPE_NAMES.each.zh}：每个单位都应达到`,
    total: `${SCOPE_NAMES.total.zh}：全区域整体目标`,
  },
  scopeReason: (reason: ScopeReason) => `判断依据：${reason.zh}`,
  // The method's name is the one the 汇总 sheet shows.
  method: "汇总方式",
  methodLabels: {
    sum: `${METHOD_LABELS.sum.zh}（各单位相加）`,
    ratio: `${METHOD_LABELS.ratio.zh}（比率）`,
    mean: `${METHOD_LABELS.mean.zh}（不相加）`,
  },
  weight: "加权依据（可选）",
  weightHint: "填写后，模板在“分母（权数）”栏请各单位填此数，汇总按它加权平均；留空则为各单位的平均值。",
  weightPlaceholder: "如：常住人口",
  // Targets the reader was unsure of: listed before the tasks, marked in their task, cleared by the clerk.
  reviewTitle: (n: number) => `有 ${n} 个指标请核对`,
  reviewNone: "没有需要核对的指标。",
  reviewHint: "以下指标的识别可能不准确，请到任务中逐一核对；修改相应内容或确认无误后，核对标记即清除。",
  reviewMarker: "请核对",
  reviewReason: (reason: ReviewReason) => REVIEW_LABELS[reason].zh,
  goToTarget: (label: string) => `转到 ${label}`,
  markChecked: "清除核对标记",
  period: "报告期",
  periodHint: "例如 2024年上半年、2024年第三季度、2024年度",
  deadline: "报送截止日期",
  units: "填报单位名录",
  unitsHint: "每行一个单位，或打开 .txt / .csv 文件",
  openUnitsFile: "打开单位名录…",
  unitsCount: (n: number) => `共 ${n} 个单位`,
  createNewWorkbook: "在新工作簿中生成模板",
  createInWorkbook: "作为工作表插入当前工作簿",
  downloadCopies: "下载各单位模板 (.zip)",
  previous: "上期汇总表（可选）",
  previousHint: "打开上一报告期的汇总表（汇总.xlsx）：各单位模板会显示本单位的上期值",
  openPrevious: "打开上期汇总表…",
  clearPrevious: "不用上期值",
  previousLoaded: (period: string, units: number) => `上期 ${period}：${units} 个单位有上期值`,
  previousRefused: (file: string, why: string) => `不能用“${file}”作为上期汇总表：${why}`,
  downloadUnavailable:
    "当前 Excel 不支持下载文件。请在网页版 Excel 中下载，或使用命令行 report-kit template。",
  templateCreated: (sheets: string) => `模板已生成：${sheets}`,
  templateOpened: "模板已在新工作簿中打开。",
  copiesReady: (n: number) => `已打包 ${n} 个单位的模板。`,
  copiesStarting: "正在准备各单位模板…",
  copiesProgress: (done: number, total: number) => `正在生成各单位模板 ${done}/${total}`,
  notReady: "此功能所需的核心模块尚未就绪。",
  workbookProtected: "当前工作簿的结构受保护，无法插入工作表。请先撤销工作簿保护。",
  checkWorkbook: "校验当前工作簿",
  openWorkbook: "当前工作簿",
  checking: "正在读取并校验…",
  checkSummary: (e: number, w: number, i: number) => `错误 ${e} 项，警告 ${w} 项，提示 ${i} 项`,
  checkClean: "未发现问题。",
  writeNotice: "生成退回意见",
  noticeDownloaded: (name: string) =>
    `退回意见已生成：${name}。问题单元格已标出并加批注，“问题清单”表在最前；发回填报单位修改后重新报送。`,
  noticeOpened:
    "退回意见已在新工作簿中打开：问题单元格已标出并加批注，“问题清单”表在最前。请另存后发回填报单位。",
  noticeNothing: "没有需要退回修改的问题，未生成退回意见。",
  noticeUnreadable: "当前工作簿不是用报表助手模板填报的报表，无法生成退回意见。",
  noticeNotCopied:
    "当前工作簿含有报表助手无法复制的内容，未生成退回意见。请保存后使用命令行 report-kit check 文件 --notice 文件夹。",
  noticeTooLarge:
    "退回意见超过 Excel 一次能打开的大小。请在 Excel 网页版中生成（可直接下载），或使用命令行 report-kit check --notice。",
  highlight: "标出问题单元格",
  clearHighlight: "清除标记",
  severity: { error: "错误", warning: "警告", info: "提示" },
  goToCell: (sheet: string, cell: string) => `转到 ${sheet}!${cell}`,
  pickReturns: "选择报送文件 (.xlsx / .xls / .et / .ods / .zip / .eml)…",
  filesChosen: (n: number) => `已选择 ${n} 个文件`,
  consolidate: "开始汇总",
  consolidating: (done: number, total: number) => `正在汇总 ${done}/${total}`,
  consolidated: (returns: number, units: number) => `已汇总 ${returns} 份报送，覆盖 ${units} 个单位。`,
  insertSummary: "插入汇总工作表",
  openSummary: "在新工作簿中打开汇总",
  downloadSummary: "下载汇总 (.xlsx)",
  summaryFileName: "汇总.xlsx",
  summaryTooLarge: "汇总文件过大，无法一次打开为新工作簿。请插入汇总工作表，或下载后打开。",
  summaryInserted: (sheets: string) => `已插入：${sheets}`,
  chartTitle: "各单位指标达标率",
  chartSheet: "达标率图",
  chartColumnUnit: "单位",
  chartColumnRate: "达标率",
  chartColumnAttained: "达标指标数",
  chartColumnMissed: "未达标指标数",
  noReturns: "所选文件中没有可汇总的报表，详见下方问题清单。",
  unitListErrors: "单位名录有误，未进行汇总。请按下方问题修改名录后重试。",
  unitsOptional: "可选：每行一个单位，用于核对未报单位",
  // Excel's own refusals, by what a clerk can do about them; the code follows for whoever helps them.
  excelFailure: {
    exists:
      "Excel 提示：同名的工作表或名称已经存在，操作未完成。请删除或重命名已有的同名工作表，或在新工作簿中操作后重试。",
    notFound:
      "Excel 提示：找不到要操作的工作表或单元格，可能已被删除或重命名。请重新校验，或关闭并重新打开工作簿后重试。",
    invalidArgument:
      "Excel 提示：写入的内容未被接受（参数无效），操作未完成。请改用“在新工作簿中生成模板”，或使用命令行 report-kit；若仍出现，请把错误代码告诉管理员。",
    notAllowed:
      "Excel 拒绝了此操作：工作簿可能是只读的，或工作表、工作簿受保护。请以可编辑方式打开、撤销保护后重试。",
    cellEditing: "Excel 正在编辑单元格，暂时无法操作。请按 Enter 或 Esc 结束编辑后重试。",
    tooLarge:
      "数据量超过了 Excel 一次能处理的上限（网页版每次 5 MB）。请在桌面版 Excel 中操作，或使用命令行 report-kit。",
    busy: "Excel 正忙或请求过于频繁，操作未完成。请稍等片刻后重试。",
    unsupported:
      "当前 Excel 版本不支持此功能。请使用 Excel 网页版或 Microsoft 365（Office 2021 及以上），或使用命令行 report-kit。",
    connection: "与 Excel 的连接中断，操作可能未完成。请检查网络后重试。",
    general: "Excel 内部出错，操作未完成。请稍后重试；若反复出现，请保存并关闭工作簿，重新打开后再试。",
    other: "Excel 报告了错误，操作未完成。请重试；若反复出现，请把错误代码告诉管理员。",
  },
  excelCode: (code: string) => `（Excel 错误代码：${code}）`,
  failureDetail: (detail: string) => `（${detail}）`,
  incompleteWrite: (sheets: string) => `已插入的工作表未能自动删除：${sheets}。请手动删除这些工作表。`,
  namesTaken: (names: string) =>
    `当前工作簿中已有同名的模板工作表或名称（${names}），可能已经插入过一次。为免与已有内容混淆，未做任何更改。请改用“在新工作簿中生成模板”，或先删除已有的模板工作表后重试。`,
  sheetGone: (sheet: string, cell: string) =>
    `工作表“${sheet}”已不存在（可能已被删除或重命名），无法转到 ${sheet}!${cell}。请重新校验当前工作簿。`,
  workerFailure: {
    load: "汇总模块未能加载，没有进行汇总。请关闭并重新打开报表助手后重试；若仍不行，请使用命令行 report-kit consolidate。",
    crash:
      "汇总过程中出错，已停止，没有生成汇总。请把下面的信息告诉管理员，或使用命令行 report-kit consolidate 汇总。",
    message:
      "汇总结果无法传回任务窗格（数据损坏或过大），没有生成汇总。请减少一次汇总的文件数后重试，或使用命令行 report-kit consolidate。",
    cancelled: "已取消汇总。",
  },
  copiesFailure: {
    load: "生成各单位模板的模块未能加载，没有生成压缩包。请关闭并重新打开报表助手后重试；若仍不行，请使用命令行 report-kit template --units。",
    crash:
      "生成各单位模板时出错，已停止，没有生成压缩包。请把下面的信息告诉管理员，或使用命令行 report-kit template --units 生成。",
    message:
      "各单位模板无法传回任务窗格（数据损坏或过大），没有生成压缩包。请减少单位数后重试，或使用命令行 report-kit template --units。",
    cancelled: "已取消生成各单位模板。",
  },
  cancelConsolidation: "取消汇总",
  bug: (detail: string) =>
    `操作未完成：报表助手出现内部错误（${detail}）。请把这条信息告诉管理员；也可以改用命令行 report-kit。`,
  skipTaskList: "跳过任务清单，转到报告期",
  createTitle: "报告期与生成模板",
  languageName: "中文",
} as const;

export type Strings = { readonly [K in keyof typeof zh]: (typeof zh)[K] extends (...a: infer A) => string
  ? (...a: A) => string
  : (typeof zh)[K] extends string
    ? string
    : { readonly [P in keyof (typeof zh)[K]]: string } }; // prettier-ignore

/** "1 error", "2 errors", "0 errors": English nouns by Intl's plural rules (every noun here takes an -s). */
const enPlural = new Intl.PluralRules("en");
const count = (n: number, noun: string): string => `${n} ${noun}${enPlural.select(n) === "one" ? "" : "s"}`;

const en: Strings = {
  appTitle: "Report Kit",
  tabPlan: "Template",
  tabCheck: "Check",
  tabConsolidate: "Consolidate",
  planTextLabel: "Plan text",
  planTextHint: "Paste the work plan, or open a .txt / .docx / .doc / PDF file",
  openPlanFile: "Open file…",
  parse: "Find tasks and targets",
  parsing: "Reading…",
  noTasks: "No numbered tasks were found. Check that the text has numbering such as 一、 (一) 1.",
  taskListTitle: (tasks, targets) => `Task list: ${count(tasks, "task")}, ${count(targets, "target")}`,
  taskListHint:
    "Review every line. Fix an operator, value, unit of measure, scope or roll-up method, remove a false target, or add a missing one.",
  indicator: "Indicator",
  op: "Operator",
  value: "Target value",
  min: "Minimum",
  max: "Maximum",
  unitOfMeasure: "Unit of measure",
  removeTarget: "Remove target",
  addTarget: "Add target",
  newIndicator: "New indicator",
  opLabels: {
    ">=": "at least (≥)",
    "<=": "at most (≤)",
    "=": "equal (=)",
    between: "between (range)",
    approx: "about (≈)",
  },
  scope: "Applies to",
  scopeLabels: {
    each: `${SCOPE_NAMES.each.en}: every unit must reach it`,
    total: `${SCOPE_NAMES.total.en}: the area as a whole`,
  },
  scopeReason: (reason) => `Why: ${reason.en}`,
  method: "Roll-up",
  methodLabels: {
    sum: `${METHOD_LABELS.sum.en} (units added up)`,
    ratio: `${METHOD_LABELS.ratio.en} (a rate)`,
    mean: `${METHOD_LABELS.mean.en} (never added up)`,
  },
  weight: "Weighted by (optional)",
  weightHint:
    "When given, the template asks each unit for it in the denominator (weight) column and the summary averages by it; blank: the mean of the units' figures.",
  weightPlaceholder: "e.g. resident population",
  reviewTitle: (n) => `${count(n, "target")} to check`,
  reviewNone: "No targets are marked for checking.",
  reviewHint:
    "The reader was unsure of these targets. Check each in its task; fixing what it is unsure of, or marking it as checked, clears the mark.",
  reviewMarker: "Check this",
  reviewReason: (reason) => REVIEW_LABELS[reason].en,
  goToTarget: (label) => `Go to ${label}`,
  markChecked: "Mark as checked",
  period: "Reporting period",
  periodHint: "e.g. 2024年上半年, 2024年第三季度, 2024年度",
  deadline: "Submission deadline",
  units: "Unit list",
  unitsHint: "One unit per line, or open a .txt / .csv file",
  openUnitsFile: "Open unit list…",
  unitsCount: (n) => count(n, "unit"),
  createNewWorkbook: "Create the template in a new workbook",
  createInWorkbook: "Insert as sheets of this workbook",
  downloadCopies: "Download per-unit copies (.zip)",
  previous: "Previous period's summary (optional)",
  previousHint: "Open the summary workbook of the previous period: each unit's copy shows its figures then",
  openPrevious: "Open the previous summary…",
  clearPrevious: "Without previous figures",
  previousLoaded: (period, units) => `Previous period ${period}: figures of ${count(units, "unit")}`,
  previousRefused: (file, why) => `"${file}" cannot serve as the previous summary: ${why}`,
  downloadUnavailable:
    "This Excel cannot download files. Download from Excel on the web, or use the command line: report-kit template.",
  templateCreated: (sheets) => `Template created: ${sheets}`,
  templateOpened: "The template opened in a new workbook.",
  copiesReady: (n) => `Packed the templates of ${count(n, "unit")}.`,
  copiesStarting: "Preparing the per-unit copies…",
  copiesProgress: (done, total) => `Writing the per-unit copies ${done}/${total}`,
  notReady: "The core module this needs is not available yet.",
  workbookProtected:
    "The workbook's structure is protected, so sheets cannot be added. Unprotect the workbook first.",
  checkWorkbook: "Check this workbook",
  openWorkbook: "this workbook",
  checking: "Reading and checking…",
  checkSummary: (e, w, i) => `${count(e, "error")}, ${count(w, "warning")}, ${count(i, "note")}`,
  checkClean: "No problems found.",
  writeNotice: "Write correction notice",
  noticeDownloaded: (name) =>
    `Correction notice written: ${name}. Problem cells are marked and commented, with a sheet listing the problems first; send it back to the unit to correct and return.`,
  noticeOpened:
    "The correction notice is open in a new workbook: problem cells are marked and commented, with a sheet listing the problems first. Save it and send it back to the unit.",
  noticeNothing: "Nothing for the unit to correct: no notice was written.",
  noticeUnreadable: "This workbook is not a return of a Report Kit template, so no notice can be written.",
  noticeNotCopied:
    "This workbook holds parts Report Kit cannot copy, so no notice was written. Save it and use the command line: report-kit check FILE --notice FOLDER.",
  noticeTooLarge:
    "The notice is larger than Excel can open at once. Write it in Excel on the web (it downloads), or use the command line: report-kit check --notice.",
  highlight: "Highlight problem cells",
  clearHighlight: "Clear highlights",
  severity: { error: "Errors", warning: "Warnings", info: "Notes" },
  goToCell: (sheet, cell) => `Go to ${sheet}!${cell}`,
  pickReturns: "Choose returns (.xlsx / .xls / .et / .ods / .zip / .eml)…",
  filesChosen: (n) => `${count(n, "file")} chosen`,
  consolidate: "Consolidate",
  consolidating: (done, total) => `Consolidating ${done}/${total}`,
  consolidated: (returns, units) => `Consolidated ${count(returns, "return")} from ${count(units, "unit")}.`,
  insertSummary: "Insert summary sheets",
  openSummary: "Open the summary in a new workbook",
  downloadSummary: "Download the summary (.xlsx)",
  summaryFileName: "汇总.xlsx",
  summaryTooLarge:
    "The summary is too large to open as a new workbook in one go. Insert the summary sheets, or download it and open it.",
  summaryInserted: (sheets) => `Inserted: ${sheets}`,
  chartTitle: "Target attainment by unit",
  chartSheet: "达标率图",
  chartColumnUnit: "Unit",
  chartColumnRate: "Attainment",
  chartColumnAttained: "Targets attained",
  chartColumnMissed: "Targets not attained",
  noReturns: "None of the chosen files is a return that can be consolidated; see the findings below.",
  unitListErrors:
    "The unit list has errors, so nothing was consolidated. Fix the list as the problems below say and try again.",
  unitsOptional: "Optional: one unit a line, to list the units that did not report",
  excelFailure: {
    exists:
      "Excel says a sheet or name of that name already exists; nothing more was done. Delete or rename the sheet that has it, or work in a new workbook, then try again.",
    notFound:
      "Excel cannot find the sheet or cell: it may have been deleted or renamed. Check the workbook again, or close and reopen it, then try again.",
    invalidArgument:
      "Excel did not accept what was written (invalid argument); nothing more was done. Create the template in a new workbook instead, or use the command line (report-kit); if it happens again, give the error code to your administrator.",
    notAllowed:
      "Excel refused: the workbook may be read-only, or a sheet or the workbook is protected. Open it for editing and remove the protection, then try again.",
    cellEditing: "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
    tooLarge:
      "This is more data than Excel handles at once (5 MB a request in Excel on the web). Use desktop Excel, or the command line (report-kit).",
    busy: "Excel is busy or has had too many requests. Wait a moment and try again.",
    unsupported:
      "This version of Excel cannot do this. Use Excel on the web or Microsoft 365 (Office 2021 or later), or the command line (report-kit).",
    connection:
      "The connection to Excel was lost; the action may not have finished. Check the network and try again.",
    general:
      "Excel had an internal error; the action did not finish. Try again in a moment; if it keeps happening, save, close and reopen the workbook.",
    other:
      "Excel reported an error; the action did not finish. Try again; if it keeps happening, give the error code to your administrator.",
  },
  excelCode: (code) => ` (Excel error code: ${code})`,
  failureDetail: (detail) => ` (${detail})`,
  incompleteWrite: (sheets) =>
    ` The sheets inserted could not be removed again: ${sheets}. Please delete them.`,
  namesTaken: (names) =>
    `This workbook already has template sheets or names of the same name (${names}); it may have been inserted before. Nothing was changed, so as not to mix them up. Create the template in a new workbook instead, or delete the existing template sheets first.`,
  sheetGone: (sheet, cell) =>
    `The sheet "${sheet}" no longer exists (it may have been deleted or renamed), so ${sheet}!${cell} cannot be shown. Check the workbook again.`,
  workerFailure: {
    load: "The consolidation module did not load, so nothing was consolidated. Close and reopen Report Kit and try again; if that does not help, use the command line: report-kit consolidate.",
    crash:
      "Consolidation stopped with an error; no summary was made. Give the details below to your administrator, or consolidate with the command line: report-kit consolidate.",
    message:
      "The result could not be passed back to the pane (damaged or too large); no summary was made. Consolidate fewer files at a time, or use the command line: report-kit consolidate.",
    cancelled: "Consolidation cancelled.",
  },
  copiesFailure: {
    load: "The module that writes the per-unit copies did not load, so no zip was made. Close and reopen Report Kit and try again; if that does not help, use the command line: report-kit template --units.",
    crash:
      "Writing the per-unit copies stopped with an error; no zip was made. Give the details below to your administrator, or use the command line: report-kit template --units.",
    message:
      "The copies could not be passed back to the pane (damaged or too large); no zip was made. Try fewer units, or use the command line: report-kit template --units.",
    cancelled: "Writing the per-unit copies was cancelled.",
  },
  cancelConsolidation: "Cancel",
  bug: (detail) =>
    `Not completed: Report Kit had an internal error (${detail}). Please tell your administrator; you can also use the command line (report-kit).`,
  skipTaskList: "Skip the task list: go to the reporting period",
  createTitle: "Reporting period and template",
  languageName: "English",
};

export type Lang = "zh" | "en";

/** The language of a set of strings, for texts that come in both (a finding's message, a reason). */
export const langOf = (s: Strings): Lang => (s.languageName === STRINGS.en.languageName ? "en" : "zh");

/** Chinese unless Office's display language is not Chinese (zh-CN, zh-TW, zh-HK… all get Chinese). */
export function pickLang(displayLanguage: string | undefined): Lang {
  return !displayLanguage || displayLanguage.toLowerCase().startsWith("zh") ? "zh" : "en";
}

export const STRINGS: Readonly<Record<Lang, Strings>> = { zh, en };

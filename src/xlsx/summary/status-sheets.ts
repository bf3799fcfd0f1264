import type ExcelJS from "exceljs";
import { FILE_OUTCOME_LABELS, UNIT_STATE_LABELS } from "../../core/consolidate/labels";
import { shownTime } from "../../core/consolidate/shown";
import type { FindingList, SummaryModel } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";
import type { BulkRows } from "./bulk-rows";
import { estimateRowHeight } from "../../core/template/sheet-model";
import {
  addTitle,
  attainmentFormats,
  freeze,
  printSetup,
  styleBody,
  styleHeader,
  wrapWidths,
} from "./styles";

const UNIT_HEADINGS = ["填报单位", "报送情况", "份数", "是否迟报", "填报日期", "采用文件", "说明"];
const FILE_HEADINGS = [
  "文件",
  "处理结果",
  "填报单位",
  "模板",
  "填报日期",
  "文件时间",
  "错误",
  "警告",
  "说明",
  "SHA-256",
];

/** Who is late and on what basis: 填报日期, or the file's time when the unit left 填报日期 empty (said so). */
const lateText = (u: SummaryModel["unitReports"][number]): string =>
  !u.late ? "" : u.lateBy === "fileTime" ? "迟报（未填填报日期，按文件时间）" : "迟报";

/**
 * 报送情况: every unit of the unit list (received, unfilled, missing, duplicate, rejected with the reason, late
 * against the deadline). The input files are listed on a sheet of their own (addFilesSheet): each table keeps
 * widths that fit its own columns, its own filter and its own print titles.
 */
export function addCompletenessSheet(wb: ExcelJS.Workbook, model: SummaryModel): void {
  const ws = wb.addWorksheet("报送情况");
  const received = model.unitReports.filter((u) => u.state !== "missing").length;
  const deadline = model.spec.deadline ? `，截止日期 ${model.spec.deadline}` : "";
  [28, 16, 6, 14, 11, 30, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  addTitle(
    ws,
    `报送情况：应报 ${model.unitReports.length} 个单位，已报 ${received} 个${deadline}`,
    UNIT_HEADINGS.length,
  );
  styleHeader(ws.addRow(UNIT_HEADINGS));
  for (const u of model.unitReports)
    ws.addRow([
      u.unit,
      UNIT_STATE_LABELS[u.state].zh,
      u.returns,
      lateText(u),
      u.filledOn,
      u.file,
      u.reason?.zh ?? "",
    ]);
  const unitsEnd = ws.rowCount;
  const wrap = new Set([1, 2, 4, 6, 7]);
  styleBody(ws, 3, UNIT_HEADINGS.length, wrap);
  for (let r = 3; r <= unitsEnd; r++) {
    const texts: [string, number][] = [];
    ws.getRow(r).eachCell((cell, c) => {
      if (wrap.has(c) && typeof cell.value === "string") texts.push([cell.value, ws.getColumn(c).width ?? 9]);
    });
    if (texts.length) ws.getRow(r).height = estimateRowHeight(texts);
  }
  attainmentFormats(ws, `B3:D${Math.max(unitsEnd, 3)}`, {
    good: ["已报送"],
    bad: ["未报", "已退回", "迟报", "未填写"],
    warn: ["已报送（有错误）", "名录外"],
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: unitsEnd, column: UNIT_HEADINGS.length } };
  freeze(ws, 2);
  printSetup(ws, 2, { titleColumns: 1 });
}

/** 文件清单: every input file and what became of it (its rows streamed, see ./bulk-rows.ts). */
export function addFilesSheet(wb: ExcelJS.Workbook, model: SummaryModel): BulkRows {
  const ws = wb.addWorksheet("文件清单");
  [32, 12, 18, 15, 11, 16, 5, 5, 26, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  addTitle(ws, `输入文件：共 ${model.files.length} 个`, FILE_HEADINGS.length);
  styleHeader(ws.addRow(FILE_HEADINGS));
  ws.addRow(FILE_HEADINGS.map(() => ""));
  // Names, outcomes and reasons wrap; the hash and numbers stay on one line.
  const wrap = new Set([1, 2, 3, 9]);
  styleBody(ws, 3, FILE_HEADINGS.length, wrap);
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: FILE_HEADINGS.length } };
  freeze(ws, 2);
  printSetup(ws, 2, { titleColumns: 1 });
  return {
    sheet: ws.name,
    firstRow: 3,
    count: model.files.length,
    wrap: wrapWidths(ws, wrap),
    rows: function* () {
      for (const f of model.files)
        yield [
          f.file,
          FILE_OUTCOME_LABELS[f.outcome].zh,
          f.unit,
          f.templateId,
          f.filledOn,
          shownTime(f.fileTime),
          f.errors,
          f.warnings,
          f.reason?.zh ?? "",
          f.sha256,
        ];
    },
  };
}

/** The sheet, cell and row key a finding points at, for a table. */
function place(f: Finding): [string, string, string, string] {
  switch (f.location.kind) {
    case "cell":
      return [f.location.file, f.location.sheet, f.location.cell, f.location.key ?? ""];
    case "file":
      return [f.location.file, f.location.sheet ?? "", "", ""];
    case "plan":
      return ["", "", `第 ${f.location.line} 行`, ""];
  }
}

/** 问题清单's headings and severities, in the language of the summary (see SummaryWriteOptions.lang). */
const FINDINGS_TEXT = {
  zh: {
    title: (n: number) => `问题清单：共 ${n} 条`,
    headings: ["级别", "代码", "文件", "工作表", "单元格", "行键", "说明"],
    severity: { error: "错误", warning: "警告", info: "提示" },
  },
  en: {
    title: (n: number) => `Findings: ${n}`,
    headings: ["Severity", "Code", "File", "Sheet", "Cell", "Row key", "Message"],
    severity: { error: "error", warning: "warning", info: "note" },
  },
} as const;

/**
 * 问题清单: every finding, errors first, in one language (Chinese, or English with --lang en): the list is gone through
 * once per severity. The file name and the message wrap.
 */
export function addFindingsSheet(
  wb: ExcelJS.Workbook,
  findings: FindingList | readonly Finding[],
  lang: "zh" | "en" = "zh",
): BulkRows {
  const text = FINDINGS_TEXT[lang];
  const ws = wb.addWorksheet("问题清单");
  const headings = text.headings;
  [7, 22, 26, 9, 7, 7, 56].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  addTitle(ws, text.title(findings.length), headings.length);
  styleHeader(ws.addRow([...headings]));
  ws.addRow(headings.map(() => ""));
  const wrap = new Set([2, 3, 7]);
  styleBody(ws, 3, headings.length, wrap);
  attainmentFormats(ws, `A3:A${Math.max(findings.length + 2, 3)}`, {
    good: [],
    bad: [text.severity.error],
    warn: [text.severity.warning],
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headings.length } };
  freeze(ws, 2);
  printSetup(ws, 2, { titleColumns: 1 });
  return {
    sheet: ws.name,
    firstRow: 3,
    count: findings.length,
    wrap: wrapWidths(ws, wrap),
    rows: function* () {
      for (const severity of ["error", "warning", "info"] as const)
        for (const f of findings)
          if (f.severity === severity)
            yield [text.severity[f.severity], f.code, ...place(f), f.message[lang]];
    },
  };
}

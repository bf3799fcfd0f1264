import type ExcelJS from "exceljs";
import { FILE_OUTCOME_LABELS, UNIT_STATE_LABELS } from "../../core/consolidate/labels";
import type { FindingList, SummaryModel } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";
import type { BulkRows } from "./bulk-rows";
import { addTitle, attainmentFormats, freeze, printSetup, styleBody, styleHeader } from "./styles";

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

/**
 * 报送情况: every unit of the unit list (received, missing, duplicate, rejected with the reason, late against the
 * deadline), then every input file and what became of it.
 */
export function addCompletenessSheet(wb: ExcelJS.Workbook, model: SummaryModel): BulkRows {
  const ws = wb.addWorksheet("报送情况");
  const received = model.unitReports.filter((u) => u.state !== "missing").length;
  const deadline = model.spec.deadline ? `，截止日期 ${model.spec.deadline}` : "";
  addTitle(
    ws,
    `报送情况：应报 ${model.unitReports.length} 个单位，已报 ${received} 个${deadline}`,
    FILE_HEADINGS.length,
  );
  styleHeader(ws.addRow(UNIT_HEADINGS));
  for (const u of model.unitReports)
    ws.addRow([
      u.unit,
      UNIT_STATE_LABELS[u.state].zh,
      u.returns,
      u.late ? "迟报" : "",
      u.filledOn,
      u.file,
      u.reason?.zh ?? "",
    ]);
  const unitsEnd = ws.rowCount;
  styleBody(ws, 3, UNIT_HEADINGS.length);
  attainmentFormats(ws, `B3:D${Math.max(unitsEnd, 3)}`, {
    good: ["已报送"],
    bad: ["未报", "已退回", "迟报"],
    warn: ["有错误", "名录外"],
  });
  ws.addRow([]);
  const title = ws.addRow([`输入文件：共 ${model.files.length} 个`]);
  title.font = { bold: true, size: 12 };
  const head = ws.addRow(FILE_HEADINGS);
  styleHeader(head);
  ws.addRow(FILE_HEADINGS.map(() => ""));
  styleBody(ws, head.number + 1, FILE_HEADINGS.length);
  [30, 16, 8, 10, 11, 18, 30, 8, 8, 40].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: unitsEnd, column: UNIT_HEADINGS.length } };
  freeze(ws, 2);
  printSetup(ws, 2);
  return {
    sheet: ws.name,
    firstRow: head.number + 1,
    count: model.files.length,
    rows: function* () {
      for (const f of model.files)
        yield [
          f.file,
          FILE_OUTCOME_LABELS[f.outcome].zh,
          f.unit,
          f.templateId,
          f.filledOn,
          f.fileTime,
          f.errors,
          f.warnings,
          f.reason?.zh ?? "",
          f.sha256,
        ];
    },
  };
}

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as const;

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

/** 问题清单: every finding, errors first, with both languages (the list is gone through once per severity). */
export function addFindingsSheet(wb: ExcelJS.Workbook, findings: FindingList | readonly Finding[]): BulkRows {
  const ws = wb.addWorksheet("问题清单");
  const headings = ["级别", "代码", "文件", "工作表", "单元格", "行键", "说明", "Message"];
  addTitle(ws, `问题清单：共 ${findings.length} 条`, headings.length);
  styleHeader(ws.addRow(headings));
  ws.addRow(headings.map(() => ""));
  styleBody(ws, 3, headings.length);
  [6, 26, 30, 9, 7, 7, 60, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  attainmentFormats(ws, `A3:A${Math.max(findings.length + 2, 3)}`, {
    good: [],
    bad: ["错误"],
    warn: ["警告"],
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headings.length } };
  freeze(ws, 2);
  printSetup(ws, 2);
  return {
    sheet: ws.name,
    firstRow: 3,
    count: findings.length,
    rows: function* () {
      for (const severity of ["error", "warning", "info"] as const)
        for (const f of findings)
          if (f.severity === severity)
            yield [SEVERITY[f.severity], f.code, ...place(f), f.message.zh, f.message.en];
    },
  };
}

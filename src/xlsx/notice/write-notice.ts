import type ExcelJS from "exceljs";
import { loadExcelJS } from "../exceljs";
import { NOTICE_SHEET, planNotice, type PlacedFinding } from "../../core/check/notice";
import { buildWorkbookModel } from "../../core/template/workbook-model";
import { renderWorkbook } from "../template/render-workbook";
import { templateFile } from "../template/render-template";
import type { CheckResult } from "../../core/check/types";
import type { Finding, Severity } from "../../core/findings/types";

const SEVERITY_ZH: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告", info: "提示" };
const FILL: Readonly<Record<Severity, string>> = { error: "FFF4B6B6", warning: "FFFFE08A", info: "FFDDEBF7" };
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

/** A sheet name quoted for a hyperlink: '填报表'!I9. */
const linkTo = (sheet: string, cell: string): string => `#'${sheet.replace(/'/g, "''")}'!${cell}`;

function place(f: Finding): { sheet: string; cell: string; key: string } {
  const l = f.location;
  if (l.kind === "cell") return { sheet: l.sheet, cell: l.cell, key: l.key ?? "" };
  if (l.kind === "file") return { sheet: l.sheet ?? "", cell: "", key: "" };
  return { sheet: "", cell: "", key: "" };
}

/** Highlights and comments every cell with a finding (the worst severity colours the cell). */
function markCells(wb: ExcelJS.Workbook, placed: readonly PlacedFinding[]): void {
  const byCell = new Map<string, { sheet: string; cell: string; list: Finding[] }>();
  for (const { finding: f, at } of placed) {
    if (!at || f.severity === "info" || !wb.getWorksheet(at.sheet)) continue;
    const id = `${at.sheet}!${at.cell}`;
    const known = byCell.get(id) ?? { ...at, list: [] };
    known.list.push(f);
    byCell.set(id, known);
  }
  for (const { sheet, cell, list } of byCell.values()) {
    const target = wb.getWorksheet(sheet)?.getCell(cell);
    if (!target) continue;
    const worst = [...list].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0]?.severity ?? "warning";
    // Loaded cells share style objects: give this cell its own before colouring it.
    target.style = { ...target.style, fill: solid(FILL[worst]) };
    target.note = list.map((f) => `【${SEVERITY_ZH[f.severity]}】${f.message.zh}`).join("\n");
  }
}

/** The 问题清单 sheet: one row per finding, worst first, each linked to its cell. */
function addFindingList(
  wb: ExcelJS.Workbook,
  result: CheckResult,
  placed: readonly PlacedFinding[],
  file: string,
): void {
  const ws = wb.addWorksheet(NOTICE_SHEET, { properties: { tabColor: { argb: "FFC00000" } } });
  // exceljs writes sheets by orderNo (not in its typings): put the list in front.
  (ws as unknown as { orderNo: number }).orderNo = -1;
  ws.columns = [
    { key: "n", width: 6 },
    { key: "severity", width: 8 },
    { key: "where", width: 14 },
    { key: "key", width: 8 },
    { key: "message", width: 80 },
    { key: "code", width: 30 },
  ];
  const unit = result.unit ?? result.identity?.unit ?? "";
  const title = ws.getCell("A1");
  title.value = `退回意见：${unit || file}${result.identity ? `（${result.identity.period}）` : ""}`;
  title.font = { bold: true, size: 14 };
  ws.mergeCells("A1:F1");
  const count = (s: Severity) => result.findings.filter((f) => f.severity === s).length;
  ws.getCell("A2").value =
    `共 ${count("error")} 个错误、${count("warning")} 个警告、${count("info")} 条提示。请修改标红（错误）和标黄（警告）的单元格，` +
    "确有原因无法达标的，在该行“完成情况说明”中写明原因。修改后删除本工作表再报送。";
  ws.getCell("A2").alignment = { wrapText: true, vertical: "top" };
  ws.mergeCells("A2:F2");
  ws.getRow(2).height = 36;
  const head = ws.getRow(4);
  head.values = ["序号", "级别", "位置", "行标识", "问题", "代码"];
  head.eachCell((c) => {
    c.font = { bold: true };
    c.fill = solid("FFD9E1F2");
    c.border = thin;
  });
  const sorted = [...placed].sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity]);
  sorted.forEach(({ finding: f, at }, i) => {
    const p = place(f);
    const row = ws.getRow(5 + i);
    // Where it is in this workbook (linked), else where it was in the return.
    const where = at ? `${at.sheet}!${at.cell}` : p.cell ? `${p.sheet}!${p.cell}` : p.sheet;
    row.values = [i + 1, SEVERITY_ZH[f.severity], where, p.key, f.message.zh, f.code];
    if (at && wb.getWorksheet(at.sheet))
      row.getCell(3).value = { text: where, hyperlink: linkTo(at.sheet, at.cell) };
    row.getCell(2).fill = solid(FILL[f.severity]);
    row.getCell(5).alignment = { wrapText: true, vertical: "top" };
    row.eachCell((c) => (c.border = thin));
  });
  ws.views = [{ state: "frozen", ySplit: 4, activeCell: "A5" }];
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/**
 * A correction notice (退回意见) to email back to the unit: the template rebuilt from the spec the return was read
 * with, holding the unit's typed values (planNotice), each problem cell highlighted (red error, yellow warning) and
 * commented, and a 问题清单 sheet in front listing every finding with a link to its cell. Rebuilt, not copied: a
 * return re-saved by LibreOffice or Gnumeric has lost its protection, its unlocked cells, its print setup or its
 * formulas, and the unit fixes the notice and sends it again as its return. Without a readable spec there is no
 * template to rebuild, and the return itself is marked.
 */
export async function writeNotice(bytes: Uint8Array, result: CheckResult, file: string): Promise<Uint8Array> {
  const spec = result.spec;
  if (!spec) return markedCopy(bytes, result, file);
  const identity = result.identity;
  const wb = await renderWorkbook(buildWorkbookModel(spec, identity?.unit ?? null, identity?.rollUp));
  const plan = planNotice(spec, result);
  const entrySheet = wb.getWorksheet(spec.layout.entrySheet);
  for (const { cell, value } of plan.values) if (entrySheet) entrySheet.getCell(cell).value = value;
  finish(wb, result, plan.findings, file);
  return templateFile(wb, spec, identity?.rollUp);
}

/** The return itself with its problem cells marked and the list in front (when it has no spec to rebuild from). */
async function markedCopy(bytes: Uint8Array, result: CheckResult, file: string): Promise<Uint8Array> {
  const wb = new (await loadExcelJS()).Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const old = wb.getWorksheet(NOTICE_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const placed = result.findings.map((finding): PlacedFinding => {
    const p = place(finding);
    return { finding, at: p.cell ? { sheet: p.sheet, cell: p.cell } : null };
  });
  finish(wb, result, placed, file);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Marks the cells, puts the list in front and opens the workbook on it. */
function finish(
  wb: ExcelJS.Workbook,
  result: CheckResult,
  placed: readonly PlacedFinding[],
  file: string,
): void {
  markCells(wb, placed);
  addFindingList(wb, result, placed, file);
  for (const ws of wb.worksheets)
    ws.views = (ws.views ?? []).map((v) => ({ ...v, tabSelected: ws.name === NOTICE_SHEET }));
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
}

import { consolidateReturns } from "../../core/consolidate/consolidate";
import type { CheckedInput } from "../../core/consolidate/types";
import { checkInputFile } from "../../xlsx/return/checked-input";
import { writeSummary } from "../../xlsx/summary/write-summary";
import { attainmentChartSheet } from "./attainment-chart";
import type { InputItem } from "../../xlsx/inputs/input-item";
import { gatherPicked } from "./gather-files";
import { sheetJsFor } from "./load-sheetjs";
import { summarySheetPlans } from "./summary-sheet-plans";
import type { ConsolidateMessage, ConsolidateRequest } from "./protocol";

const hex = (buffer: ArrayBuffer): string =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");

/** Reads one workbook with the return reader and checks it, as the CLI does for each input. */
async function checkPicked(item: InputItem, request: ConsolidateRequest): Promise<CheckedInput> {
  const sha256 = item.bytes ? hex(await crypto.subtle.digest("SHA-256", item.bytes as BufferSource)) : "";
  const sheetjs = await sheetJsFor(item.bytes);
  return checkInputFile(
    { ...item, sha256 },
    {
      today: request.today,
      ...(request.units.length ? { units: request.units } : {}),
      ...(sheetjs ? { sheetjs } : {}),
    },
  );
}

/**
 * Consolidates the picked files with the same reader, check engine, consolidation core and summary writer as
 * `report-kit consolidate`. Runs in the Web Worker; reports progress per workbook.
 */
export async function runConsolidation(
  request: ConsolidateRequest,
  progress: (done: number, total: number) => void,
): Promise<ConsolidateMessage> {
  // Every workbook inside the picked files first (they are all in memory already), so progress has its total.
  const items: InputItem[] = [];
  for await (const item of gatherPicked(request.files)) items.push(item);
  const inputs: CheckedInput[] = [];
  for (const item of items) {
    inputs.push(await checkPicked(item, request));
    progress(inputs.length, items.length);
  }
  const result = consolidateReturns(inputs, request.units.length ? { units: request.units } : {});
  const findings = [...result.findings];
  const model = result.summaries[0];
  if (!model) return { type: "done", returns: 0, units: 0, findings, summary: null, sheets: [] };
  // The file as the CLI writes it, its big sheets streamed (exceljs's own writer took 8 s for 200 returns), and the
  // sheets to insert from the same skeleton and rows (see summarySheetPlans).
  const summary = await writeSummary(model, { filledOn: request.today, findings });
  // The template's own sheets (填报表 filled with the aggregates, identity…) stay in the file; the open workbook
  // gets the summary's sheets and the chart.
  const L = model.spec.layout;
  const templateSheets = new Set([L.entrySheet, L.instructionsSheet, L.identitySheet, L.listsSheet]);
  const sheets = (await summarySheetPlans(model, { filledOn: request.today, findings })).filter(
    (s) => !templateSheets.has(s.name),
  );
  const chart = attainmentChartSheet(model, {
    sheet: request.labels.chartSheet,
    columns: request.labels.chartColumns,
    title: request.labels.chartTitle,
  });
  return {
    type: "done",
    returns: result.files.filter((f) => f.outcome === "used" || f.outcome === "used_with_errors").length,
    units: model.usedUnits.length,
    findings,
    summary,
    sheets: [...sheets.slice(0, 1), chart, ...sheets.slice(1)],
  };
}

import { checkReturn } from "../core/check/check-return";
import { buildTemplateSpec } from "../core/template/build-spec";
import { buildWorkbookModel } from "../core/template/workbook-model";
import { modelToSheetPlans } from "../office/render-model";
import type { CheckTools } from "./check/CheckTab";
import type { CopiesMessage, CopiesRequest } from "./copies/protocol";
import type { TemplateTools } from "./plan/template-tools";
import { runWorkerJob } from "./shell/worker-job";

/**
 * Where the pane meets the cores and the exceljs adapter. The pure cores are bundled; modules that bring exceljs
 * are imported on first use, so they stay out of the pane's initial JavaScript.
 */
export const templateTools: TemplateTools = {
  build: (taskList, { period, units, unitsFirstRow, deadline }) =>
    buildTemplateSpec(taskList, {
      period,
      units,
      deadline,
      unitsSource: { file: "单位名录", firstRow: unitsFirstRow },
    }),
  sheets: (spec, unit) => modelToSheetPlans(buildWorkbookModel(spec, unit)),
  loadRenderer: async () => (await import("./plan/load-renderer")).renderer,
  zipCopies: async (spec, progress, previous) => {
    const done = await runWorkerJob<Extract<CopiesMessage, { type: "done" }>, CopiesRequest>({
      job: "copies",
      start: () => new Worker("taskpane/copies-worker.js"),
      request: { spec, previous },
      onProgress: progress,
    });
    return done.zip;
  },
  // exceljs reads the summary: loaded on first use, like the renderer.
  readPrevious: async (bytes, file) =>
    (await import("../xlsx/previous/read-previous")).readPreviousSummary(bytes, file),
};

/** Today as YYYY-MM-DD in local time, for the plausibility of 填报日期 (the core never reads the clock). */
const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

export const checkTools: CheckTools = {
  check: (unitReturn) => checkReturn(unitReturn, null, { today: today() }).findings,
};

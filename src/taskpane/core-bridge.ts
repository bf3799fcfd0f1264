import { buildTemplateSpec } from "../core/template/build-spec";
import type { CheckTools } from "./check/CheckTab";
import type { TemplateRenderer, TemplateTools } from "./plan/template-tools";

/**
 * Where the pane meets the cores and the exceljs adapter. The pure template core is small and bundled; modules
 * that pull in exceljs are imported on first use, so they stay out of the pane's initial JavaScript. A missing
 * piece is null, and the pane says so instead of doing the work another way.
 */
export async function loadTemplateTools(): Promise<TemplateTools> {
  return {
    build: (taskList, { period, units, deadline }) =>
      buildTemplateSpec(taskList, {
        period,
        units,
        deadline,
        unitsSource: { file: "单位名录", firstRow: 1 },
      }),
    renderer: await loadRenderer(),
    toSheetPlans: async (bytes) => (await import("./shell/xlsx-sheets")).fileToSheetPlans(bytes),
  };
}

async function loadRenderer(): Promise<TemplateRenderer | null> {
  return null;
}

export async function loadCheckTools(): Promise<CheckTools | null> {
  return null;
}

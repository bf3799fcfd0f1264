import type ExcelJSModule from "exceljs";

/**
 * exceljs, loaded the first time a workbook is made or opened with it: it takes about a third of a second to load,
 * which commands that never need it (parse, check, most of consolidate) should not pay at start. In the task pane
 * it becomes a chunk of its own, fetched when first used.
 */
export async function loadExcelJS(): Promise<typeof ExcelJSModule> {
  const loaded = (await import("exceljs")) as typeof ExcelJSModule & { default?: typeof ExcelJSModule };
  return loaded.default ?? loaded;
}

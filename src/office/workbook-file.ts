import type { ExcelHost } from "./excel-batch";

/**
 * Opens a workbook file (base64 .xlsx, e.g. the exceljs-rendered template or summary) as a new workbook window
 * (Excel.createWorkbook, ExcelApi 1.8). No context.sync: the call is its own request.
 */
export async function openAsNewWorkbook(host: ExcelHost, base64: string): Promise<void> {
  await host.createWorkbook(base64);
}

/** ExcelApi 1.13 can insert the sheets of a file into the open workbook (templates keep their validation). */
export const canInsertSheetsFromFile = (host: ExcelHost): boolean => host.supports("1.13");

/**
 * Inserts every sheet of a base64 .xlsx after the last sheet (ExcelApi 1.13; check canInsertSheetsFromFile
 * first). One context.sync. Returns the ids Excel gave the new sheets.
 */
export async function insertSheetsFromFile(host: ExcelHost, base64: string): Promise<readonly string[]> {
  return host.run(async (context) => {
    const ids = context.workbook.insertWorksheetsFromBase64(base64, {
      positionType: "End",
    });
    await context.sync();
    return ids.value;
  });
}

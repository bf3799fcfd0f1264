import ExcelJS from "exceljs";
import type { SheetPlan } from "../../office/sheet-plan";
import { workbookToSheetPlans } from "./xlsx-to-sheet-plans";

/** Loaded on first use (it brings exceljs): the sheets of an .xlsx file as plans for the Office adapter. */
export async function fileToSheetPlans(bytes: Uint8Array): Promise<SheetPlan[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbookToSheetPlans(workbook);
}

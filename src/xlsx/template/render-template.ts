import { buildWorkbookModel } from "../../core/template/workbook-model";
import type { TemplateSpec } from "../../core/template/spec";
import { renderWorkbook } from "./render-workbook";

/**
 * The .xlsx bytes of the blank template (unit null) or of a unit's personalised copy. Works in Node and in the
 * browser (no Node APIs). For many copies use `makeCopyWriter` (./copy-writer.ts), which renders once.
 */
export async function renderTemplate(spec: TemplateSpec, unit: string | null): Promise<Uint8Array> {
  const wb = await renderWorkbook(buildWorkbookModel(spec, unit));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

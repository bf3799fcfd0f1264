import { unzipSync } from "fflate";
import { identityProperties } from "../../core/template/identity";
import type { TemplateSpec } from "../../core/template/spec";
import { buildWorkbookModel } from "../../core/template/workbook-model";
import { withCustomProperties } from "../custom-properties";
import { renderWorkbook } from "./render-workbook";
import { packEntry, writeZip } from "./zip-writer";

/**
 * The .xlsx bytes of the blank template (unit null) or of a unit's personalised copy. Works in Node and in the
 * browser (no Node APIs). Re-zipped with fixed timestamps, so the same spec always gives the same bytes, and with the
 * identity carried a second time in custom document properties (which exceljs does not write). For many copies use
 * `makeCopyWriter` (./copy-writer.ts), which renders once.
 */
export async function renderTemplate(spec: TemplateSpec, unit: string | null): Promise<Uint8Array> {
  const wb = await renderWorkbook(buildWorkbookModel(spec, unit));
  const written = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const files = withCustomProperties(written, identityProperties(spec));
  return writeZip(
    Object.entries(files)
      .filter(([name]) => !name.endsWith("/"))
      .map(([name, data]) => packEntry(name, data)),
  );
}

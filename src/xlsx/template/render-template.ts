import { unzipSync } from "fflate";
import { identityProperties } from "../../core/template/identity";
import type ExcelJS from "exceljs";
import type { PreviousFigures, TemplateIdentity, TemplateSpec } from "../../core/template/spec";
import { buildWorkbookModel } from "../../core/template/workbook-model";
import { withCustomProperties } from "../custom-properties";
import { renderWorkbook } from "./render-workbook";
import { packEntry, writeZip } from "./zip-writer";

/**
 * The .xlsx bytes of the blank template (unit null) or of a unit's personalised copy. Works in Node and in the
 * browser (no Node APIs). For many copies use `makeCopyWriter` (./copy-writer.ts), which renders once. `previous`:
 * the unit's own figures of the previous period, for a spec made with them (each copy then differs in more than its
 * unit's name, see copiesOf).
 */
export async function renderTemplate(
  spec: TemplateSpec,
  unit: string | null,
  previous?: PreviousFigures,
): Promise<Uint8Array> {
  return templateFile(await renderWorkbook(buildWorkbookModel(spec, unit, undefined, previous)), spec);
}

/**
 * The .xlsx bytes of a workbook rendered from a spec (a template, or a correction notice built on one): re-zipped
 * with fixed timestamps, so the same workbook always gives the same bytes, and with the identity carried a second
 * time in custom document properties (which exceljs does not write).
 */
export async function templateFile(
  wb: ExcelJS.Workbook,
  spec: TemplateSpec,
  rollUp: TemplateIdentity["rollUp"] = undefined,
): Promise<Uint8Array> {
  const written = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const files = withCustomProperties(written, identityProperties(spec, rollUp));
  return writeZip(
    Object.entries(files)
      .filter(([name]) => !name.endsWith("/"))
      .map(([name, data]) => packEntry(name, name.startsWith("xl/worksheets/") ? rowsThatGrow(data) : data)),
  );
}

/**
 * A sheet's rows keep their estimated heights but not as fixed ones: exceljs marks every height it writes
 * customHeight, and Excel, WPS and LibreOffice then never grow the row, so a unit's long 完成情况说明 was clipped
 * in print. Without the mark the programs grow a row to fit what is typed into it (LibreOffice: 18.75 pt → 72 pt
 * for a four-line note).
 */
function rowsThatGrow(xml: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(xml);
  const grown = text.replace(/(<row\b[^>]*?) customHeight="1"/g, "$1");
  return grown === text ? xml : new TextEncoder().encode(grown);
}

import { unzipSync } from "fflate";
import type { PreviousFigures, TemplateSpec } from "../../core/template/spec";
import { buildWorkbookModel } from "../../core/template/workbook-model";
import { renderWorkbook } from "./render-workbook";
import { packEntry, writeZip } from "./zip-writer";

/**
 * The .xlsx bytes of the blank template (unit null) or of a unit's personalised copy. Works in Node and in the
 * browser (no Node APIs). Re-zipped with fixed timestamps, so the same spec always gives the same bytes. For many
 * copies use `makeCopyWriter` (./copy-writer.ts), which renders once. `previous`: the unit's own figures of the
 * previous period, for a spec made with them (each copy then differs in more than its unit's name, see copiesOf).
 */
export async function renderTemplate(
  spec: TemplateSpec,
  unit: string | null,
  previous?: PreviousFigures,
): Promise<Uint8Array> {
  const wb = await renderWorkbook(buildWorkbookModel(spec, unit, undefined, previous));
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  return writeZip(
    Object.entries(files)
      .filter(([name]) => !name.endsWith("/"))
      .map(([name, data]) => packEntry(name, data)),
  );
}

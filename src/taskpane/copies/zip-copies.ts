import { zipSync } from "fflate";
import { templateFileNames } from "../../core/template/file-name";
import type { PreviousFigures, TemplateSpec } from "../../core/template/spec";
import { copyWriterFor } from "../../xlsx/template/copies";
import { renderTemplate } from "../../xlsx/template/render-template";

/** Progress is posted at most this often (200 copies take a few dozen milliseconds; messages are not free). */
const PROGRESS_EVERY_MS = 50;

/**
 * The zip of the blank template and every unit's copy, under names safe on every file system, as
 * `report-kit template --units` writes them. Runs in the copies worker; reports progress per file. `previous`: each
 * unit's figures of the previous period, for a spec made with them (`template --previous`).
 */
export async function zipCopies(
  spec: TemplateSpec,
  progress: (done: number, total: number) => void,
  previous: Readonly<Record<string, PreviousFigures>> | null = null,
): Promise<{ readonly zip: Uint8Array; readonly files: number }> {
  const names = templateFileNames(spec);
  const total = spec.units.length + 1;
  const files: Record<string, Uint8Array> = { [names.get(null)!]: await renderTemplate(spec, null) };
  progress(1, total);
  let reported = performance.now();
  if (spec.units.length) {
    const copyFor = await copyWriterFor(spec, previous);
    for (const [i, unit] of spec.units.entries()) {
      files[names.get(unit)!] = await copyFor(unit);
      if (performance.now() - reported >= PROGRESS_EVERY_MS) {
        progress(i + 2, total);
        reported = performance.now();
      }
    }
  }
  // The copies are deflated already: stored in the zip, not compressed twice.
  const zip = zipSync(files, { level: 0 });
  progress(total, total);
  return { zip, files: total };
}

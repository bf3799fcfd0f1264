import type { PreviousFigures, TemplateSpec } from "../../core/template/spec";
import { makeCopyWriter, type SyncFlushDeflate } from "./copy-writer";
import { renderTemplate } from "./render-template";

/**
 * Writes each unit's copy of a template. Copies that differ only in the unit's name come from the fast copy writer
 * (rendered once); copies of a template made with the previous period's figures (`spec.previous`) show each unit's
 * own figures in cells and identity, so each is rendered on its own (some 15 copies a second: a commission's
 * hundred units in seconds).
 * @example (await copyWriterFor(spec, figures))("东湖区卫健委") // → the .xlsx bytes of 东湖区卫健委's copy
 */
export async function copyWriterFor(
  spec: TemplateSpec,
  previous: Readonly<Record<string, PreviousFigures>> | null,
  syncFlush?: SyncFlushDeflate,
): Promise<(unit: string) => Promise<Uint8Array>> {
  if (spec.previous && previous) return (unit) => renderTemplate(spec, unit, previous[unit] ?? {});
  const write = await makeCopyWriter(spec, syncFlush);
  return async (unit) => write(unit);
}

import { unzipSync } from "fflate";
import { InternalError } from "../../core/errors";
import type { TemplateSpec } from "../../core/template/spec";
import { renderTemplate } from "./render-template";
import { packEntry, writeZip, type PackedEntry } from "./zip-writer";

/** Stands for the unit name in the pre-rendered copy; XML-safe and never a real name. */
const PLACEHOLDER = "RKUNITPLACEHOLDER0c7f3e";
const SHARED_STRINGS = "xl/sharedStrings.xml";

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Renders a personalised copy once and returns a function that writes the copy for any unit by patching only the
 * shared strings (where exceljs keeps the unit's name: 填报单位 and the identity sheet). Every other part of the
 * file is compressed once. The result is the same workbook `renderTemplate(spec, unit)` would write.
 */
export async function makeCopyWriter(spec: TemplateSpec): Promise<(unit: string) => Uint8Array> {
  const files = unzipSync(await renderTemplate(spec, PLACEHOLDER));
  const strings = new TextDecoder().decode(files[SHARED_STRINGS]);
  if (!strings.includes(PLACEHOLDER))
    throw new InternalError("copy writer: unit placeholder not in shared strings");
  const packed = new Map<string, PackedEntry>();
  for (const [name, data] of Object.entries(files))
    if (name !== SHARED_STRINGS) packed.set(name, packEntry(name, data));
  const names = Object.keys(files);
  return (unit: string) => {
    const patched = new TextEncoder().encode(strings.split(PLACEHOLDER).join(escapeXml(unit)));
    const own = packEntry(SHARED_STRINGS, patched, 1);
    return writeZip(names.map((n) => (n === SHARED_STRINGS ? own : (packed.get(n) as PackedEntry))));
  };
}

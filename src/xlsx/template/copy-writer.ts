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
  // Folder entries ("xl/") are not needed in a zip: files only.
  const names = Object.keys(files).filter((n) => !n.endsWith("/"));
  const packed = new Map<string, PackedEntry>();
  for (const name of names)
    if (name !== SHARED_STRINGS) packed.set(name, packEntry(name, files[name] as Uint8Array));
  const encoder = new TextEncoder();
  const parts = strings.split(PLACEHOLDER).map((p) => encoder.encode(p));
  const fixed = parts.reduce((n, p) => n + p.length, 0);
  return (unit: string) => {
    const name = encoder.encode(escapeXml(unit));
    const patched = new Uint8Array(fixed + name.length * (parts.length - 1));
    let at = 0;
    parts.forEach((p, i) => {
      if (i > 0) {
        patched.set(name, at);
        at += name.length;
      }
      patched.set(p, at);
      at += p.length;
    });
    const own = packEntry(SHARED_STRINGS, patched);
    return writeZip(names.map((n) => (n === SHARED_STRINGS ? own : (packed.get(n) as PackedEntry))));
  };
}

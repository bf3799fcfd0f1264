import { deflateSync, unzipSync } from "fflate";
import { InternalError } from "../../core/errors";
import type { TemplateSpec } from "../../core/template/spec";
import { renderTemplate } from "./render-template";
import { crc32Update, packEntry, writeZip, type PackedEntry } from "./zip-writer";

/** Stands for the unit name in the pre-rendered copy; XML-safe and never a real name. */
const PLACEHOLDER = "RKUNITPLACEHOLDER0c7f3e";
const SHARED_STRINGS = "xl/sharedStrings.xml";
const SHARED_CELL = /(<c\b[^>]*\bt="s"[^>]*>)<v>(\d+)<\/v>/g;

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Raw DEFLATE of bytes ending with a sync flush (non-final, byte-aligned, e.g. Node's
 * `zlib.deflateRawSync(b, { finishFlush: zlib.constants.Z_SYNC_FLUSH })`), so that another stream can follow.
 * fflate's own `Deflate.flush(true)` loses data at some input sizes (0.8.3), so it is not used.
 */
export type SyncFlushDeflate = (bytes: Uint8Array) => Uint8Array;

/**
 * Renders a personalised copy once and returns a function that writes the copy for any unit. The unit's name
 * lives only in shared strings (填报单位, 填报说明, the identity sheet); those strings are moved to the end of
 * xl/sharedStrings.xml (cell references renumbered), so that with `syncFlush` everything before them is
 * compressed once and each copy compresses only the few strings that hold its name (thousands of copies a
 * second). Without it (in the browser) each copy compresses the whole shared strings part. Either way the result
 * reads exactly like `renderTemplate(spec, unit)`.
 */
export async function makeCopyWriter(
  spec: TemplateSpec,
  syncFlush?: SyncFlushDeflate,
): Promise<(unit: string) => Uint8Array> {
  const files = unzipSync(await renderTemplate(spec, PLACEHOLDER));
  const { head, tail, order } = splitSharedStrings(new TextDecoder().decode(files[SHARED_STRINGS]));
  // Folder entries ("xl/") are not needed in a zip: files only.
  const names = Object.keys(files).filter((n) => !n.endsWith("/"));
  const packed = new Map<string, PackedEntry>();
  for (const name of names) {
    if (name === SHARED_STRINGS) continue;
    let data = files[name] as Uint8Array;
    if (name.startsWith("xl/worksheets/")) data = renumber(data, order);
    packed.set(name, packEntry(name, data));
  }
  const encoder = new TextEncoder();
  const headBytes = encoder.encode(head);
  const headDeflated = syncFlush ? syncFlush(headBytes) : null;
  const headCrc = crc32Update(0xffffffff, headBytes);
  const tailParts = tail.split(PLACEHOLDER);
  return (unit: string) => {
    const own = encoder.encode(tailParts.join(escapeXml(unit)));
    if (!headDeflated) {
      const whole = new Uint8Array(headBytes.length + own.length);
      whole.set(headBytes);
      whole.set(own, headBytes.length);
      const entry = packEntry(SHARED_STRINGS, whole);
      return writeZip(names.map((n) => (n === SHARED_STRINGS ? entry : (packed.get(n) as PackedEntry))));
    }
    const body = deflateSync(own, { level: 6 });
    const data = new Uint8Array(headDeflated.length + body.length);
    data.set(headDeflated);
    data.set(body, headDeflated.length);
    const entry: PackedEntry = {
      name: encoder.encode(SHARED_STRINGS),
      data,
      crc: (crc32Update(headCrc, own) ^ 0xffffffff) >>> 0,
      size: headBytes.length + own.length,
    };
    return writeZip(names.map((n) => (n === SHARED_STRINGS ? entry : (packed.get(n) as PackedEntry))));
  };
}

/**
 * Moves every <si> holding the placeholder to the end. `head` is the XML up to them, `tail` the rest; `order[i]`
 * is the new index of old string i.
 */
function splitSharedStrings(xml: string): { head: string; tail: string; order: number[] } {
  const items = xml.match(/<si>[\s\S]*?<\/si>/g) ?? [];
  const start = xml.indexOf("<si>");
  const end = xml.lastIndexOf("</si>") + "</si>".length;
  const moved = items.map((s, i) => (s.includes(PLACEHOLDER) ? i : -1)).filter((i) => i >= 0);
  if (start < 0 || moved.length === 0 || xml.slice(end).includes(PLACEHOLDER))
    throw new InternalError("copy writer: unit placeholder not in shared strings");
  const kept = items.map((_, i) => i).filter((i) => !moved.includes(i));
  const order: number[] = [];
  [...kept, ...moved].forEach((old, i) => (order[old] = i));
  const head = xml.slice(0, start) + kept.map((i) => items[i]).join("");
  const tail = moved.map((i) => items[i]).join("") + xml.slice(end);
  return { head, tail, order };
}

/** Rewrites shared-string cell references of a worksheet to the new order. */
function renumber(data: Uint8Array, order: readonly number[]): Uint8Array {
  const xml = new TextDecoder().decode(data);
  const out = xml.replace(
    SHARED_CELL,
    (_, open: string, i: string) => `${open}<v>${order[Number(i)] ?? i}</v>`,
  );
  return new TextEncoder().encode(out);
}

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
 * lives only in shared strings (填报单位, 填报说明, the identity sheet), so only xl/sharedStrings.xml differs
 * between copies; every other part is compressed once. Within that part the strings that hold the name are
 * moved together (cell references renumbered) and the rest is compressed once too:
 * - with `syncFlush` (Node's zlib) they go to the end: the fixed head is deflated once with a sync flush, and
 *   each copy deflates only its own strings (thousands of copies a second);
 * - without it (in the browser, where no deflate can sync-flush) they go to the start: each copy's own strings
 *   are written as a stored (uncompressed) DEFLATE block, which ends on a byte boundary, followed by the fixed
 *   rest deflated once as a complete stream. A few hundred bytes stay uncompressed; no copy compresses anything.
 * Either way the result reads exactly like `renderTemplate(spec, unit)`.
 */
export async function makeCopyWriter(
  spec: TemplateSpec,
  syncFlush?: SyncFlushDeflate,
): Promise<(unit: string) => Uint8Array> {
  const files = unzipSync(await renderTemplate(spec, PLACEHOLDER));
  const xml = new TextDecoder().decode(files[SHARED_STRINGS]);
  const split = syncFlush ? splitSharedStrings(xml, "last") : splitSharedStrings(xml, "first");
  // Folder entries ("xl/") are not needed in a zip: files only.
  const names = Object.keys(files).filter((n) => !n.endsWith("/"));
  const packed = new Map<string, PackedEntry>();
  for (const name of names) {
    if (name === SHARED_STRINGS) continue;
    let data = files[name] as Uint8Array;
    if (name.startsWith("xl/worksheets/")) data = renumber(data, split.order);
    packed.set(name, packEntry(name, data));
  }
  const write = syncFlush ? ownStringsLast(split, syncFlush) : ownStringsFirst(split);
  return (unit: string) => {
    const entry = write(escapeXml(unit));
    return writeZip(names.map((n) => (n === SHARED_STRINGS ? entry : (packed.get(n) as PackedEntry))));
  };
}

type Split = ReturnType<typeof splitSharedStrings>;
const encoder = new TextEncoder();
const sharedStringsName = encoder.encode(SHARED_STRINGS);

/** Fixed strings first, deflated once with a sync flush; each copy deflates its own strings after them. */
function ownStringsLast({ fixed, own }: Split, syncFlush: SyncFlushDeflate) {
  const fixedBytes = encoder.encode(fixed);
  const fixedDeflated = syncFlush(fixedBytes);
  const fixedCrc = crc32Update(0xffffffff, fixedBytes);
  const ownParts = own.split(PLACEHOLDER);
  return (unit: string): PackedEntry => {
    const ownBytes = encoder.encode(ownParts.join(unit));
    const body = deflateSync(ownBytes, { level: 6 });
    const data = new Uint8Array(fixedDeflated.length + body.length);
    data.set(fixedDeflated);
    data.set(body, fixedDeflated.length);
    return {
      name: sharedStringsName,
      data,
      crc: (crc32Update(fixedCrc, ownBytes) ^ 0xffffffff) >>> 0,
      size: fixedBytes.length + ownBytes.length,
    };
  };
}

/** Each copy's own strings first, as stored DEFLATE blocks; then the fixed rest, deflated once. */
function ownStringsFirst({ fixed, own }: Split) {
  const fixedBytes = encoder.encode(fixed);
  const fixedDeflated = deflateSync(fixedBytes, { level: 6 });
  const ownParts = own.split(PLACEHOLDER);
  return (unit: string): PackedEntry => {
    const ownBytes = encoder.encode(ownParts.join(unit));
    const stored = storedBlocks(ownBytes);
    const data = new Uint8Array(stored.length + fixedDeflated.length);
    data.set(stored);
    data.set(fixedDeflated, stored.length);
    const crc = crc32Update(crc32Update(0xffffffff, ownBytes), fixedBytes);
    return {
      name: sharedStringsName,
      data,
      crc: (crc ^ 0xffffffff) >>> 0,
      size: ownBytes.length + fixedBytes.length,
    };
  };
}

/**
 * Bytes as non-final stored DEFLATE blocks (RFC 1951 3.2.4: a 3-bit header padded to a byte, LEN, NLEN, the bytes;
 * at most 65,535 bytes a block). They end on a byte boundary, so any raw DEFLATE stream may follow.
 */
function storedBlocks(bytes: Uint8Array): Uint8Array {
  const MAX = 0xffff;
  const blocks = Math.max(1, Math.ceil(bytes.length / MAX));
  const out = new Uint8Array(bytes.length + 5 * blocks);
  let pos = 0;
  for (let b = 0; b < blocks; b++) {
    const chunk = bytes.subarray(b * MAX, (b + 1) * MAX);
    out[pos] = 0; // BFINAL 0, BTYPE 00 (stored)
    out[pos + 1] = chunk.length & 0xff;
    out[pos + 2] = chunk.length >>> 8;
    out[pos + 3] = ~chunk.length & 0xff;
    out[pos + 4] = (~chunk.length >>> 8) & 0xff;
    out.set(chunk, pos + 5);
    pos += 5 + chunk.length;
  }
  return out;
}

/**
 * Moves every <si> holding the placeholder together, after the others ("last") or before them ("first"), and cuts
 * the XML there: `fixed` is the part without the placeholder (with the XML declaration and <sst> opening, or the
 * closing </sst>), `own` the part with it, so that the part reads `fixed + own` ("last") or `own + fixed`
 * ("first"). `order[i]` is the new index of old string i.
 */
function splitSharedStrings(
  xml: string,
  moveTo: "first" | "last",
): { fixed: string; own: string; order: number[] } {
  const items = xml.match(/<si>[\s\S]*?<\/si>/g) ?? [];
  const start = xml.indexOf("<si>");
  const end = xml.lastIndexOf("</si>") + "</si>".length;
  const moved = items.map((s, i) => (s.includes(PLACEHOLDER) ? i : -1)).filter((i) => i >= 0);
  if (
    start < 0 ||
    moved.length === 0 ||
    xml.slice(end).includes(PLACEHOLDER) ||
    xml.slice(0, start).includes(PLACEHOLDER)
  )
    throw new InternalError("copy writer: unit placeholder not in shared strings");
  const movedSet = new Set(moved);
  const kept = items.map((_, i) => i).filter((i) => !movedSet.has(i));
  const sequence = moveTo === "last" ? [...kept, ...moved] : [...moved, ...kept];
  const order: number[] = [];
  sequence.forEach((old, i) => (order[old] = i));
  const text = (list: readonly number[]) => list.map((i) => items[i]).join("");
  return moveTo === "last"
    ? { fixed: xml.slice(0, start) + text(kept), own: text(moved) + xml.slice(end), order }
    : { own: xml.slice(0, start) + text(moved), fixed: text(kept) + xml.slice(end), order };
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

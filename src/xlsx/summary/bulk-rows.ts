import { unzipSync } from "fflate";
import { StreamZip, type Compression } from "./stream-zip";
import { columnLetter } from "./styles";

/** A cell value of a bulk row: a number, text, or nothing; `alt` takes the style of the second sample row. */
export type BulkCell =
  number | string | null | { readonly value: number | string | null; readonly alt: true };

/**
 * Rows of a sheet too many for exceljs's object model (明细 of a thousand returns has hundreds of thousands of
 * cells): exceljs writes the sheet with its headings and one styled sample row at `firstRow`; the rows are then
 * streamed into the sheet's XML in place of the sample, each cell taking the sample cell's style.
 */
export interface BulkRows {
  readonly sheet: string;
  readonly firstRow: number;
  readonly count: number;
  /** The rows in order; a row's array may be refilled for the next row, so each is used before the next is asked for. */
  readonly rows: () => Iterable<readonly BulkCell[]>;
  /** Sample rows written by exceljs from `firstRow`: 1, or 2 when some cells take the second one's style (`alt`). */
  readonly samples?: 1 | 2;
  /** A table on the sheet whose range grows with the rows (its name in xl/tables). */
  readonly table?: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
// XML 1.0 forbids most control characters; a clerk's pasted text may hold them.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const escapeXml = (s: string): string =>
  s
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .slice(0, 32767);

/** Sheet name → part path ("xl/worksheets/sheet6.xml"), from workbook.xml and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const rels = decoder.decode(files["xl/_rels/workbook.xml.rels"]);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g))
    targets.set(m[1]!, m[2]!.replace(/^\/?(xl\/)?/, "xl/"));
  const parts = new Map<string, string>();
  const workbook = decoder.decode(files["xl/workbook.xml"]);
  for (const m of workbook.matchAll(/<sheet\b[^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g))
    parts.set(m[1]!.replace(/&amp;/g, "&"), targets.get(m[2]!) ?? "");
  return parts;
}

/** The workbook's shared strings, extended with the text of bulk rows. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  constructor(private readonly xml: string) {}
  private get base(): number {
    return (this.xml.match(/<si[\s>]/g) ?? []).length;
  }
  private baseCount = -1;
  indexOf(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      if (this.baseCount < 0) this.baseCount = this.base;
      i = this.baseCount + this.added.length;
      this.index.set(text, i);
      this.added.push(text);
    }
    return i;
  }
  /** The sharedStrings.xml part with the added strings. */
  render(): string {
    if (this.added.length === 0) return this.xml;
    const total = (this.baseCount < 0 ? this.base : this.baseCount) + this.added.length;
    const items = this.added.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("");
    return this.xml
      .replace(/(<sst\b[^>]*?)\s(?:count|uniqueCount)="\d+"/g, "$1")
      .replace(/(<sst\b[^>]*?)\s(?:count|uniqueCount)="\d+"/g, "$1")
      .replace(/<sst\b/, `<sst count="${total}" uniqueCount="${total}"`)
      .replace("</sst>", `${items}</sst>`);
  }
}

/** Bytes of rows are handed on in chunks of about this size. */
const CHUNK = 1 << 20;

const ascii = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

/** Byte fragments of a bulk sheet's markup, per column where they differ. */
interface Markup {
  /** `<c r="A`, per column. */
  readonly open: Uint8Array[];
  /** `" s="3"` (or `"` without a style), per column: the sample row's style and the alternate one. */
  readonly plain: Uint8Array[];
  readonly alternate: Uint8Array[];
  readonly styles: readonly string[];
  readonly alt: readonly string[];
  /** Per column, the last text written and its shared-string index (a return's unit, file and hash repeat row after row). */
  readonly lastText: (string | undefined)[];
  readonly lastIndex: number[];
}

const ROW = ascii('<row r="');
const ROW_END = ascii("</row>");
const NUMBER = ascii("><v>");
const TEXT = ascii(' t="s"><v>');
const VALUE_END = ascii("</v></c>");
const digitsOf = new Uint8Array(16);
const rowDigits = new Uint8Array(16);

/**
 * Writes one row's XML into `buf` from `at` (the caller leaves room: 96 bytes a cell) and returns where it ended.
 * The copying loops are written out in place: this runs for every cell of 明细 (millions of them).
 */
function writeRow(
  buf: Uint8Array,
  at: number,
  r: number,
  cells: readonly BulkCell[],
  width: number,
  m: Markup,
  shared: SharedStrings,
): number {
  let f = ROW;
  let nd = 0;
  for (let x = r; x > 0; x = Math.floor(x / 10)) rowDigits[nd++] = 48 + (x % 10);
  for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
  for (let i = nd - 1; i >= 0; i--) buf[at++] = rowDigits[i]!;
  buf[at++] = 34; // "
  buf[at++] = 62; // >
  for (let c = 0; c < width; c++) {
    const cell = cells[c] ?? null;
    const isAlt = cell !== null && typeof cell === "object";
    const v = isAlt ? cell.value : cell;
    const kind = typeof v === "number" && Number.isFinite(v) ? 1 : typeof v === "string" && v !== "" ? 2 : 0;
    if (kind === 0 && !(isAlt ? m.alt[c] : m.styles[c])) continue;
    f = m.open[c]!;
    for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
    for (let i = nd - 1; i >= 0; i--) buf[at++] = rowDigits[i]!;
    f = (isAlt ? m.alternate : m.plain)[c]!;
    for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
    if (kind === 0) {
      buf[at++] = 47; // /
      buf[at++] = 62; // >
      continue;
    }
    f = kind === 1 ? NUMBER : TEXT;
    for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
    if (kind === 1) {
      const text = String(v);
      for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
    } else {
      let n = 0;
      let index = m.lastIndex[c]!;
      if (v !== m.lastText[c]) {
        index = m.lastIndex[c] = shared.indexOf(v as string);
        m.lastText[c] = v as string;
      }
      for (let x = index; x > 0 || n === 0; x = Math.floor(x / 10)) digitsOf[n++] = 48 + (x % 10);
      for (let i = n - 1; i >= 0; i--) buf[at++] = digitsOf[i]!;
    }
    f = VALUE_END;
    for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
  }
  f = ROW_END;
  for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
  return at;
}

/**
 * Renders rows as sheet XML, each cell with the style of its column in the sample row, straight into byte chunks
 * of about a megabyte, each valid until the chunk after the next is asked for. Every text goes into the shared
 * string table (a unit's name, a file's hash or a message is stored once however often it repeats), so the rows
 * are plain ASCII: no string of the sheet is built or UTF-8-encoded.
 */
function* rowChunks(
  bulk: BulkRows,
  styles: readonly string[],
  alt: readonly string[],
  shared: SharedStrings,
): Generator<Uint8Array> {
  const styleOf = (list: readonly string[], c: number) => ascii(list[c] ? `" s="${list[c]}"` : `"`);
  const m: Markup = { open: [], plain: [], alternate: [], styles, alt, lastText: [], lastIndex: [] };
  // Two buffers in turn: a chunk is used up (checksummed and compressed by StreamZip) by the time the chunk after
  // it has been taken, so its buffer is free again for the one after that. Memory stays at two chunks.
  const buffers = [new Uint8Array(CHUNK * 2), new Uint8Array(CHUNK * 2)];
  let turn = 0;
  let buf = buffers[0]!;
  let at = 0;
  let r = bulk.firstRow;
  for (const cells of bulk.rows()) {
    const width = Math.max(cells.length, styles.length);
    for (let c = m.open.length; c < width; c++) {
      m.open[c] = ascii(`<c r="${columnLetter(c + 1)}`);
      m.plain[c] = styleOf(styles, c);
      m.alternate[c] = styleOf(alt, c);
      m.lastText[c] = undefined;
      m.lastIndex[c] = 0;
    }
    // Room for the row's markup (a cell's number is at most 24 characters).
    if (at + width * 96 + 64 > buf.length) {
      const bigger = new Uint8Array(buf.length * 2 + width * 96);
      bigger.set(buf.subarray(0, at));
      buf = buffers[turn] = bigger;
    }
    at = writeRow(buf, at, r++, cells, width, m, shared);
    if (at >= CHUNK) {
      yield buf.subarray(0, at);
      turn = 1 - turn;
      buf = buffers[turn]!;
      at = 0;
    }
  }
  if (at > 0) yield buf.subarray(0, at);
}

/** Splits a sheet's XML around its sample rows; reads the samples' cell styles by column. */
function splitSheet(xml: string, bulk: BulkRows): { head: string; tail: string; styles: string[][] } {
  const start = xml.search(new RegExp(`<row r="${bulk.firstRow}"[ >]`));
  const end = xml.indexOf("</sheetData>");
  if (start < 0 || end < 0) throw new Error(`bulk rows: no sample row ${bulk.firstRow} on ${bulk.sheet}`);
  const styles: string[][] = [];
  let at = start;
  for (let i = 0; i < (bulk.samples ?? 1); i++) {
    const stop = xml.indexOf("</row>", at);
    const byColumn: string[] = [];
    for (const m of xml.slice(at, stop).matchAll(/<c r="([A-Z]+)\d+"(?: s="(\d+)")?/g))
      byColumn[columnNumber(m[1]!) - 1] = m[2] ?? "";
    styles.push(byColumn);
    at = stop + "</row>".length;
  }
  const last = bulk.firstRow + Math.max(bulk.count, 1) - 1;
  const head = xml
    .slice(0, start)
    .replace(/<dimension ref="([A-Z]+)(\d+):([A-Z]+)\d+"\/>/, `<dimension ref="$1$2:$3${last}"/>`);
  return { head, tail: xml.slice(end), styles };
}

const columnNumber = (letters: string): number =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Grows a table's range (and its filter's) to the last bulk row. */
function growTable(xml: string, last: number): string {
  return xml.replace(/ref="([A-Z]+\d+):([A-Z]+)\d+"/g, `ref="$1:$2${last}"`);
}

/**
 * Re-zips an exceljs workbook with bulk rows streamed into their sheets, chunk by chunk to `sink`: memory holds
 * one chunk of rows, not the sheet.
 */
export function spliceBulkRows(
  xlsx: Uint8Array,
  bulks: readonly BulkRows[],
  sink: (chunk: Uint8Array) => void,
  compression?: Compression,
): void {
  const files = unzipSync(xlsx);
  const parts = sheetParts(files);
  const bulkByPart = new Map(bulks.map((b) => [parts.get(b.sheet) ?? "", b]));
  const tables = new Map<string, number>();
  for (const b of bulks) if (b.table) tables.set(b.table, b.firstRow + Math.max(b.count, 1) - 1);
  const zip = new StreamZip(sink, compression);
  const SST = "xl/sharedStrings.xml";
  const shared = new SharedStrings(files[SST] ? decoder.decode(files[SST]) : "");
  for (const [name, data] of Object.entries(files)) {
    if (name === SST) continue;
    const bulk = bulkByPart.get(name);
    if (bulk) {
      const { head, tail, styles } = splitSheet(decoder.decode(data), bulk);
      const chunks = function* () {
        yield encoder.encode(head);
        yield* rowChunks(bulk, styles[0] ?? [], styles[1] ?? styles[0] ?? [], shared);
        yield encoder.encode(tail);
      };
      zip.add(name, chunks(), 1);
      continue;
    }
    const table = name.startsWith("xl/tables/") ? decoder.decode(data) : null;
    const tableName = table ? /\bname="([^"]+)"/.exec(table)?.[1] : undefined;
    const last = tableName ? tables.get(tableName) : undefined;
    zip.add(name, [table && last ? encoder.encode(growTable(table, last)) : data]);
  }
  // Written last, once the bulk rows have added their text.
  if (files[SST]) zip.add(SST, [encoder.encode(shared.render())]);
  zip.end();
}

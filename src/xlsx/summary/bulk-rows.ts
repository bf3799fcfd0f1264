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
  readonly rows: () => Iterable<readonly BulkCell[]>;
  /**
   * Columns whose text is written inline, not in the shared string table (text that rarely repeats: cells, raw
   * values, messages). Every other text goes into the table once, so 明细's file names and hashes cost one number
   * per row.
   */
  readonly inline?: readonly number[];
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

/** Renders rows as sheet XML, each cell with the style of its column in the sample row. */
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

function* rowXml(
  bulk: BulkRows,
  styles: readonly string[],
  alt: readonly string[],
  shared: SharedStrings,
): Generator<string> {
  const inline = new Set(bulk.inline ?? []);
  const letters: string[] = [];
  let r = bulk.firstRow;
  let chunk = "";
  for (const row of bulk.rows()) {
    let xml = `<row r="${r}">`;
    for (let c = 0; c < Math.max(row.length, styles.length); c++) {
      const col = (letters[c] ??= columnLetter(c + 1));
      const cell = row[c] ?? null;
      const isAlt = cell !== null && typeof cell === "object";
      const v = isAlt ? cell.value : cell;
      const style = isAlt ? alt[c] : styles[c];
      const s = style ? ` s="${style}"` : "";
      if (typeof v === "number" && Number.isFinite(v)) xml += `<c r="${col}${r}"${s}><v>${v}</v></c>`;
      else if (typeof v === "string" && v !== "" && !inline.has(c))
        xml += `<c r="${col}${r}"${s} t="s"><v>${shared.indexOf(v.slice(0, 32767))}</v></c>`;
      else if (typeof v === "string" && v !== "")
        xml += `<c r="${col}${r}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
      else if (s) xml += `<c r="${col}${r}"${s}/>`;
    }
    chunk += `${xml}</row>`;
    r++;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
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
        for (const chunk of rowXml(bulk, styles[0] ?? [], styles[1] ?? styles[0] ?? [], shared))
          yield encoder.encode(chunk);
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

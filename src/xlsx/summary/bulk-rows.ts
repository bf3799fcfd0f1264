import { unzipSync } from "fflate";
import { fitCell } from "../../core/consolidate/text-cut";
import { lineHeight, wrappedLines } from "../../core/template/sheet-model";
import { withColumnBreaks } from "../print-layout";
import { StreamZip, type Compression, type DeflatedPiece } from "./stream-zip";
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
  /**
   * Columns whose text wraps, with their widths in characters (0-based column → width): each row is made as tall
   * as its longest wrapped text needs, as LibreOffice and WPS do not grow rows to fit when they open a file.
   */
  readonly wrap?: ReadonlyMap<number, number>;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
// XML 1.0 forbids most control characters; a clerk's pasted text may hold them.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
/** Text as cell XML: cut to what a cell holds first, its end marked (see fitCell; consolidation notes the cut). */
const escapeXml = (s: string): string =>
  fitCell(s.replace(INVALID_XML, "")).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

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
  /**
   * The sharedStrings.xml part with the added strings, in pieces of about 64 KB: at a thousand returns the added
   * strings (明细's raw texts, 问题清单's messages) make megabytes of XML, never held as one text.
   */
  *render(): Generator<Uint8Array> {
    if (this.added.length === 0) {
      yield encoder.encode(this.xml);
      return;
    }
    const total = (this.baseCount < 0 ? this.base : this.baseCount) + this.added.length;
    const xml = this.xml
      .replace(/(<sst\b[^>]*?)\s(?:count|uniqueCount)="\d+"/g, "$1")
      .replace(/(<sst\b[^>]*?)\s(?:count|uniqueCount)="\d+"/g, "$1")
      .replace(/<sst\b/, `<sst count="${total}" uniqueCount="${total}"`);
    const end = xml.indexOf("</sst>");
    let piece = xml.slice(0, end);
    for (const t of this.added) {
      piece += `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`;
      if (piece.length >= 1 << 16) {
        yield encoder.encode(piece);
        piece = "";
      }
    }
    yield encoder.encode(piece + xml.slice(end));
  }
}

/** Cells per block of encoded rows (a block is rendered and compressed as one piece: about 2 MB of XML). */
const BLOCK_CELLS = 1 << 16;

const ascii = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

/**
 * Bulk rows encoded for rendering, a block at a time: plain typed arrays, so a block crosses to a worker thread as
 * it is. Texts are already numbered in the shared-string table, so rendering needs nothing else. The arrays are
 * reused from block to block (see BlockArrays), so they may be longer than the block: `rows` says how much is used.
 */
export interface RowBlock {
  /** Sheet row of the block's first row. */
  readonly firstRow: number;
  /** How many rows the block has. */
  readonly rows: number;
  /** Per row, where its cells end in `kinds` (a row's cells start where the row before ends). */
  readonly ends: Int32Array;
  /** Per cell: 0 nothing, 1 a number, 2 text (its shared-string index in `numbers`); +4 the second sample's style. */
  readonly kinds: Uint8Array;
  readonly numbers: Float64Array;
  /** Per row, its height in points, or 0 for the default height. */
  readonly heights: Float32Array;
}

type BlockArraySet = Pick<RowBlock, "ends" | "kinds" | "numbers" | "heights">;

/**
 * The typed arrays of blocks, given back once a block is rendered and taken again for the next. New arrays for
 * each block (about 0.6 MB, outside the JavaScript heap, handed to another thread and dropped there) were freed only
 * when that thread's garbage collector came round, and piled up between collections.
 */
export class BlockArrays {
  private readonly free: BlockArraySet[] = [];

  take(): BlockArraySet {
    return (
      this.free.pop() ?? {
        ends: new Int32Array(1024),
        kinds: new Uint8Array(BLOCK_CELLS),
        numbers: new Float64Array(BLOCK_CELLS),
        heights: new Float32Array(1024),
      }
    );
  }

  give(block: BlockArraySet): void {
    this.free.push({ ends: block.ends, kinds: block.kinds, numbers: block.numbers, heights: block.heights });
  }
}

/** The sample rows' cell styles by column ("" for none): what the bulk cells of each column take. */
export interface RowStyles {
  readonly plain: readonly string[];
  readonly alt: readonly string[];
}

/** A block rendered and compressed: the piece, and the block given back (see BlockArrays). */
export interface RenderedBlock {
  readonly piece: DeflatedPiece;
  readonly block: RowBlock;
}

/** One block to render as XML and compress as a piece, at deflate `level`. */
export interface RenderJob {
  readonly block: RowBlock;
  readonly styles: RowStyles;
  readonly level: number;
}

/**
 * Renders blocks of bulk rows and compresses them as pieces that join (see DeflatedPiece) on other threads (the
 * CLI's workers), and compresses a sheet's head and tail here the same way.
 */
export interface PieceRenderer {
  /** Renders and compresses a block; gives back the piece, and the block, whose arrays are then reused. */
  readonly render: (job: RenderJob) => Promise<RenderedBlock>;
  readonly piece: (data: Uint8Array, level: number) => DeflatedPiece;
}

/**
 * Encodes rows block by block, in arrays taken from `arrays`: numbers as they are, texts as their index in `shared`
 * (added there in row order, so the table is the same however the blocks are rendered). A column's text that
 * repeats from the row before (a return's unit, file and hash) reuses its index without a lookup. A block's arrays
 * are its own until it is given back to `arrays`.
 */
function* encodeBlocks(bulk: BulkRows, shared: SharedStrings, arrays: BlockArrays): Generator<RowBlock> {
  const lastText: (string | undefined)[] = [];
  const lastIndex: number[] = [];
  let { ends, kinds, numbers, heights } = arrays.take();
  const wrap = bulk.wrap && bulk.wrap.size > 0 ? [...bulk.wrap] : null;
  let rows = 0;
  let at = 0;
  let firstRow = bulk.firstRow;
  for (const cells of bulk.rows()) {
    if (at + cells.length > kinds.length) {
      if (rows > 0) {
        yield { firstRow, rows, ends, kinds, numbers, heights };
        firstRow += rows;
        ({ ends, kinds, numbers, heights } = arrays.take());
        rows = 0;
        at = 0;
      }
      // A row wider than a block (汇总 of more than 65,536 units) gets a block of its own.
      if (cells.length > kinds.length) {
        kinds = new Uint8Array(cells.length);
        numbers = new Float64Array(cells.length);
      }
    }
    for (let c = 0; c < cells.length; c++, at++) {
      const cell = cells[c] ?? null;
      const isAlt = cell !== null && typeof cell === "object";
      const v = isAlt ? cell.value : cell;
      let kind = 0;
      if (typeof v === "number" && Number.isFinite(v)) {
        kind = 1;
        numbers[at] = v;
      } else if (typeof v === "string" && v !== "") {
        kind = 2;
        if (v !== lastText[c]) {
          lastIndex[c] = shared.indexOf(v);
          lastText[c] = v;
        }
        numbers[at] = lastIndex[c]!;
      }
      kinds[at] = isAlt ? kind + 4 : kind;
    }
    if (rows === ends.length) {
      const more = new Int32Array(ends.length * 2);
      more.set(ends);
      ends = more;
      const taller = new Float32Array(ends.length);
      taller.set(heights);
      heights = taller;
    }
    heights[rows] = wrap ? wrappedHeight(cells, wrap) : 0;
    ends[rows++] = at;
  }
  if (rows > 0) yield { firstRow, rows, ends, kinds, numbers, heights };
  else arrays.give({ ends, kinds, numbers, heights });
}

/** The height a row needs for its wrapped texts (see estimateRowHeight), or 0 when one line is enough. */
function wrappedHeight(cells: readonly BulkCell[], wrap: readonly (readonly [number, number])[]): number {
  let lines = 1;
  for (const [c, width] of wrap) {
    const cell = cells[c];
    const v = cell !== null && typeof cell === "object" ? cell.value : cell;
    if (typeof v === "string" && v.length * 2 >= width - 1) lines = Math.max(lines, wrappedLines(v, width));
  }
  return lines > 1 ? lineHeight(lines) : 0;
}

const ROW = ascii('<row r="');
const ROW_END = ascii("</row>");
const NUMBER = ascii("><v>");
const TEXT = ascii(' t="s"><v>');
const VALUE_END = ascii("</v></c>");

/** Room for a cell's markup: address, style and a number of at most 24 characters. */
const CELL_ROOM = 96;
let scratch = new Uint8Array(1 << 20);

/**
 * A block's rows as sheet XML, each cell with the style of its column in the sample row (or the second sample's),
 * written as bytes straight into a buffer: this runs for every cell of 明细 (millions of them), so the copying
 * loops are written out in place and no string of the sheet is built. The bytes are valid until the next call.
 */
export function renderBlock(block: RowBlock, styles: RowStyles): Uint8Array {
  const { rows, ends, kinds, numbers } = block;
  const styleOf = (list: readonly string[], c: number) => ascii(list[c] ? `" s="${list[c]}"` : `"`);
  let width = styles.plain.length;
  for (let r = 0, start = 0; r < rows; start = ends[r++]!) width = Math.max(width, ends[r]! - start);
  const open: Uint8Array[] = [];
  const plain: Uint8Array[] = [];
  const alternate: Uint8Array[] = [];
  for (let c = 0; c < width; c++) {
    open.push(ascii(`<c r="${columnLetter(c + 1)}`));
    plain.push(styleOf(styles.plain, c));
    alternate.push(styleOf(styles.alt, c));
  }
  const room = rows * (width * CELL_ROOM + 64);
  if (scratch.length < room) scratch = new Uint8Array(room);
  const buf = scratch;
  const rowDigits = new Uint8Array(16);
  const digits = new Uint8Array(16);
  let at = 0;
  let start = 0;
  for (let r = 0; r < rows; r++) {
    const end = ends[r]!;
    let f = ROW;
    let nd = 0;
    for (let x = block.firstRow + r; x > 0; x = Math.floor(x / 10)) rowDigits[nd++] = 48 + (x % 10);
    for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
    for (let i = nd - 1; i >= 0; i--) buf[at++] = rowDigits[i]!;
    buf[at++] = 34; // "
    const height = block.heights[r]!;
    if (height > 0) {
      f = ascii(` ht="${height}" customHeight="1"`);
      for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
    }
    buf[at++] = 62; // >
    const cells = Math.max(end - start, styles.plain.length);
    for (let c = 0; c < cells; c++) {
      const code = start + c < end ? kinds[start + c]! : 0;
      const isAlt = code >= 4;
      const kind = code & 3;
      if (kind === 0 && !(isAlt ? styles.alt[c] : styles.plain[c])) continue;
      f = open[c]!;
      for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
      for (let i = nd - 1; i >= 0; i--) buf[at++] = rowDigits[i]!;
      f = (isAlt ? alternate : plain)[c]!;
      for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
      if (kind === 0) {
        buf[at++] = 47; // /
        buf[at++] = 62; // >
        continue;
      }
      f = kind === 1 ? NUMBER : TEXT;
      for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
      const v = numbers[start + c]!;
      if (kind === 1) {
        const text = String(v);
        for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
      } else {
        let n = 0;
        for (let x = v; x > 0 || n === 0; x = Math.floor(x / 10)) digits[n++] = 48 + (x % 10);
        for (let i = n - 1; i >= 0; i--) buf[at++] = digits[i]!;
      }
      f = VALUE_END;
      for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
    }
    f = ROW_END;
    for (let i = 0; i < f.length; i++) buf[at++] = f[i]!;
    start = end;
  }
  return buf.subarray(0, at);
}

/** Blocks being rendered on other threads ahead of the one being written. */
const AHEAD = 4;

/** A bulk sheet's XML split around its sample rows (see splitSheet). */
interface SplitSheet {
  readonly head: string;
  readonly tail: string;
  readonly styles: RowStyles;
}

/** What the writer takes in turn: a piece of the current sheet, or the end of that sheet. */
type Slot = { readonly piece: Promise<DeflatedPiece>; readonly rendering: boolean } | "end";

/**
 * The pieces of every bulk sheet in order, each sheet's ended by "end": its head, its rows block by block (encoded
 * here when asked for, rendered by `renderer`), its tail.
 */
function* slots(
  sheets: readonly { readonly xml: SplitSheet; readonly bulk: BulkRows }[],
  shared: SharedStrings,
  renderer: PieceRenderer,
): Generator<Slot> {
  const arrays = new BlockArrays();
  const here = (text: string): Slot => ({
    piece: Promise.resolve(renderer.piece(encoder.encode(text), 1)),
    rendering: false,
  });
  for (const { xml, bulk } of sheets) {
    yield here(xml.head);
    for (const block of encodeBlocks(bulk, shared, arrays)) {
      const piece = renderer.render({ block, styles: xml.styles, level: 1 }).then((done) => {
        arrays.give(done.block);
        return done.piece;
      });
      // Awaited in turn when its sheet is written; a failure meanwhile is not unhandled (it shows then).
      piece.catch(() => undefined);
      yield { piece, rendering: true };
    }
    yield here(xml.tail);
    yield "end";
  }
}

/**
 * The bulk sheets' pieces, sheet after sheet: blocks go to `renderer` up to AHEAD ahead of the one being written,
 * across the end of one sheet into the next, so its threads are not left idle while a sheet's last blocks finish
 * and the next sheet's first are encoded. `next()` gives the next sheet's pieces, taken in order.
 */
function bulkSheetPieces(
  sheets: readonly { readonly xml: SplitSheet; readonly bulk: BulkRows }[],
  shared: SharedStrings,
  renderer: PieceRenderer,
): { next: () => AsyncGenerator<DeflatedPiece> } {
  const source = slots(sheets, shared, renderer);
  const queue: Slot[] = [];
  let rendering = 0;
  const fill = () => {
    while (rendering < AHEAD) {
      const next = source.next();
      if (next.done) return;
      queue.push(next.value);
      if (next.value !== "end" && next.value.rendering) rendering++;
    }
  };
  return {
    next: async function* () {
      for (;;) {
        fill();
        const slot = queue.shift();
        if (slot === undefined || slot === "end") return;
        if (slot.rendering) rendering--;
        yield await slot.piece;
      }
    },
  };
}

/** A bulk sheet's XML chunk by chunk, rendered here (each block's bytes valid until the next is asked for). */
function* bulkChunks(xml: SplitSheet, bulk: BulkRows, shared: SharedStrings): Generator<Uint8Array> {
  const arrays = new BlockArrays();
  yield encoder.encode(xml.head);
  for (const block of encodeBlocks(bulk, shared, arrays)) {
    yield renderBlock(block, xml.styles);
    arrays.give(block);
  }
  yield encoder.encode(xml.tail);
}

/** Splits a sheet's XML around its sample rows; reads the samples' cell styles by column. */
function splitSheet(xml: string, bulk: BulkRows): SplitSheet {
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
  return {
    head,
    tail: xml.slice(end),
    styles: { plain: styles[0] ?? [], alt: styles[1] ?? styles[0] ?? [] },
  };
}

const columnNumber = (letters: string): number =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Grows a table's range (and its filter's) to the last bulk row. */
function growTable(xml: string, last: number): string {
  return xml.replace(/ref="([A-Z]+\d+):([A-Z]+)\d+"/g, `ref="$1:$2${last}"`);
}

/**
 * Re-zips an exceljs workbook with bulk rows streamed into their sheets, block by block to `sink`: memory holds a
 * few blocks of rows, not the sheet. The blocks are rendered here, or by `renderer` on other threads. Sheets named
 * in `columnBreaks` get those page breaks (1-based columns that start a page).
 */
export async function spliceBulkRows(
  xlsx: Uint8Array,
  bulks: readonly BulkRows[],
  sink: (chunk: Uint8Array) => void,
  compression?: Compression,
  renderer?: PieceRenderer,
  columnBreaks: ReadonlyMap<string, readonly number[]> = new Map(),
): Promise<void> {
  const files = unzipSync(xlsx);
  const parts = sheetParts(files);
  // exceljs writes no column breaks: they go into the sheets' XML here (see ../print-layout.ts).
  for (const [sheet, breaks] of columnBreaks) {
    const part = parts.get(sheet);
    const data = part ? files[part] : undefined;
    if (part && data) files[part] = encoder.encode(withColumnBreaks(decoder.decode(data), breaks));
  }
  const bulkByPart = new Map(bulks.map((b) => [parts.get(b.sheet) ?? "", b]));
  const tables = new Map<string, number>();
  for (const b of bulks) if (b.table) tables.set(b.table, b.firstRow + Math.max(b.count, 1) - 1);
  const zip = new StreamZip(sink, compression);
  const SST = "xl/sharedStrings.xml";
  const shared = new SharedStrings(files[SST] ? decoder.decode(files[SST]) : "");
  // The other parts first; then the bulk sheets one after another (rendered ahead across their ends); then the
  // shared strings, which the bulk rows have added to.
  const sheets: { name: string; xml: SplitSheet; bulk: BulkRows }[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (name === SST) continue;
    const bulk = bulkByPart.get(name);
    if (bulk) {
      sheets.push({ name, xml: splitSheet(decoder.decode(data), bulk), bulk });
      continue;
    }
    const table = name.startsWith("xl/tables/") ? decoder.decode(data) : null;
    const tableName = table ? /\bname="([^"]+)"/.exec(table)?.[1] : undefined;
    const last = tableName ? tables.get(tableName) : undefined;
    zip.add(name, [table && last ? encoder.encode(growTable(table, last)) : data]);
  }
  const pieces = renderer && bulkSheetPieces(sheets, shared, renderer);
  for (const { name, xml, bulk } of sheets)
    if (pieces) await zip.addPieces(name, pieces.next());
    else zip.add(name, bulkChunks(xml, bulk, shared), 1);
  if (files[SST]) zip.add(SST, shared.render());
  zip.end();
}

import { columnLetters } from "../../core/check/a1";
import { isDateFormat } from "../../core/check/number-format";
import type { RawCell, RawRow } from "../../core/check/unit-return";
import { DEFAULT_STYLE, type CellStyle } from "./read-styles";
import { DEFAULT_SHEET_LIMITS, SheetBudget, type SheetLimits, type SheetOverLimit } from "./sheet-limits";
import { rawAttribute, repeatedXmlText, textOf } from "./xml-text";

export interface ScannedSheet {
  readonly rows: readonly RawRow[];
  readonly isProtected: boolean;
  /** The limit the sheet passed (see SheetLimits): the scan stopped there, and `rows` is only what came before. */
  readonly overLimit?: SheetOverLimit;
}

/** A workbook's shared strings by index (an array will do). */
export interface SharedStrings {
  at(index: number): string | undefined;
}

export interface ScanOptions {
  /** Keep only these columns (e.g. A:B of the identity sheet); all when absent. */
  readonly columns?: ReadonlySet<string>;
  /** The workbook counts dates from 1904 (old Mac Excel): date serials are moved to the 1900 system the core uses. */
  readonly date1904?: boolean;
  /** What the scan takes in before it stops (rows, cells, characters of the cells kept); DEFAULT_SHEET_LIMITS. */
  readonly limits?: SheetLimits;
}

const SHEET_DATA_END = /<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>/y;

/**
 * Where <sheetData> ends (its closing tag, or the self-closing tag), or -1: looked for from the end of the part,
 * which is quicker than scanning all the cells before it (text never holds a "<", so a match is a real tag).
 */
function sheetDataEnd(xml: string): number {
  for (let at = xml.lastIndexOf("sheetData"); at >= 0; at = xml.lastIndexOf("sheetData", at - 1)) {
    const lt = xml.lastIndexOf("<", at);
    if (lt < 0) return -1;
    SHEET_DATA_END.lastIndex = lt;
    if (SHEET_DATA_END.test(xml)) return lt;
  }
  return -1;
}
const PROTECTION = /<(?:\w+:)?sheetProtection\b([^>]*)>/;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const INLINE = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;

/**
 * Scans a worksheet's XML for its cells: value (shared strings resolved), formula (shared formulas carry their
 * master's text), number format and lock state from the styles, plus whether sheet protection is on. Empty cells
 * (style only) are skipped. Cells without an `r` attribute get their address from their position.
 *
 * The tags are walked by hand, character by character (the part is a byte string): a return's entry sheet has
 * thousands of cells, most of them empty, and a regular expression per tag with its captured attribute text cost
 * several times more than reading the few attributes (r, s, t) in place.
 *
 * The cells kept are counted against `options.limits`: past one, the scan stops and says which (`overLimit`).
 */
export function scanSheet(
  xml: string,
  shared: SharedStrings,
  styles: readonly CellStyle[],
  options: ScanOptions = {},
): ScannedSheet {
  const rows: RawRow[] = [];
  const sharedFormulas = new Map<string, string>();
  let current: { row: number; cells: Record<string, RawCell> } | null = null;
  let rowNumber = 0;
  let column = 0;
  // Cells live in <sheetData>; what follows (protection, validations, formats) is looked at only for protection.
  const end = sheetDataEnd(xml);
  const stop = end >= 0 ? end : xml.length;
  const protection = PROTECTION.exec(end >= 0 ? xml.slice(end) : "");
  const isProtected = protection !== null && /\bsheet\s*=\s*["'](1|true)["']/.test(protection[1] ?? "");
  const tag: Tag = { kind: 0, end: 0, selfClosing: false, r: [-1, -1], s: [-1, -1], t: [-1, -1] };
  // Empty cells (<c r="B7" s="5"/>, most of a template's cells) are passed over unread: their positions matter
  // only when a later cell of the row has no address, and then they are read.
  const empties: number[] = [];
  let emptyCount = 0;
  const budget = new SheetBudget(options.limits ?? DEFAULT_SHEET_LIMITS);
  for (let lt = xml.indexOf("<"); lt >= 0 && lt < stop; lt = xml.indexOf("<", tag.end)) {
    if (xml.charCodeAt(lt + 1) === 99 && xml.charCodeAt(lt + 2) === 32) {
      const gt = xml.indexOf(">", lt);
      if (gt > 0 && gt < stop && xml.charCodeAt(gt - 1) === 47) {
        empties[emptyCount++] = lt;
        tag.end = gt + 1;
        continue;
      }
    }
    readTag(xml, lt, stop, tag);
    if (tag.kind === NOT_A_CELL) continue;
    if (tag.kind === ROW) {
      const r = tag.r[0] >= 0 ? digitsAt(xml, tag.r[0], tag.r[1]) : -1;
      rowNumber = r >= 0 ? r : rowNumber + 1;
      column = 0;
      emptyCount = 0;
      continue;
    }
    if (emptyCount > 0 && tag.r[0] < 0) {
      // No address: it follows the empty cells passed over since the last cell read.
      for (let e = 0; e < emptyCount; e++) {
        readTag(xml, empties[e]!, stop, tag);
        column = tag.r[0] >= 0 ? splitRef(xml.slice(tag.r[0], tag.r[1])).column : column + 1;
      }
      readTag(xml, lt, stop, tag);
    }
    emptyCount = 0;
    let letters: string;
    let address: string;
    if (tag.r[0] >= 0) {
      const ref = xml.slice(tag.r[0], tag.r[1]);
      const split = splitRef(ref);
      letters = split.letters;
      column = split.column;
      rowNumber = split.row;
      address = split.plain ? ref : `${letters}${rowNumber}`;
    } else {
      column++;
      letters = columnLetters(column);
      address = `${letters}${rowNumber}`;
    }
    if (tag.selfClosing) continue; // an empty cell: only its position matters
    const close = closingCell(xml, tag.end);
    const inner = xml.slice(tag.end, close < 0 ? xml.length : close);
    tag.end = close < 0 ? xml.length : xml.indexOf(">", close) + 1;
    if (options.columns && !options.columns.has(letters)) continue;
    const style = tag.s[0] >= 0 ? styles[digitsAt(xml, tag.s[0], tag.s[1])] : styles[0];
    const type = tag.t[0] >= 0 ? cellType(xml, tag.t[0], tag.t[1]) : undefined;
    const read = readCell(address, style ?? DEFAULT_STYLE, type, inner, shared, sharedFormulas);
    const cell = read && options.date1904 ? to1900(read) : read;
    if (!cell) continue;
    const overLimit = budget.take(cell, !current || current.row !== rowNumber);
    if (overLimit) return { rows, isProtected, overLimit };
    if (!current || current.row !== rowNumber) {
      current = { row: rowNumber, cells: {} };
      rows.push(current);
    }
    current.cells[letters] = cell;
  }
  return { rows, isProtected };
}

const NOT_A_CELL = 0;
const ROW = 1;
const CELL = 2;

/** A start tag as read in place: what it is, where it ends, and where its r, s and t values lie ([-1, -1]: absent). */
interface Tag {
  kind: typeof NOT_A_CELL | typeof ROW | typeof CELL;
  /** Just past the tag's ">" (or the "<" when it is not a start tag of interest). */
  end: number;
  selfClosing: boolean;
  r: [number, number];
  s: [number, number];
  t: [number, number];
}

const isNameChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/**
 * Reads the tag starting at `lt` into `tag`: a <row> or <c> (namespace prefix allowed) with its unprefixed r, s
 * and t attributes, or anything else (then `end` is just past the "<", and scanning goes on from there).
 */
function readTag(xml: string, lt: number, stop: number, tag: Tag): void {
  tag.kind = NOT_A_CELL;
  tag.end = lt + 1;
  let p = lt + 1;
  let nameStart = p;
  while (p < stop) {
    const c = xml.charCodeAt(p);
    if (c === 58)
      nameStart = p + 1; // a prefix, x:c
    else if (!isNameChar(c)) break;
    p++;
  }
  const length = p - nameStart;
  const first = xml.charCodeAt(nameStart);
  const kind =
    length === 1 && first === 99 // c
      ? CELL
      : length === 3 && first === 114 && xml.startsWith("row", nameStart)
        ? ROW
        : NOT_A_CELL;
  if (kind === NOT_A_CELL || p >= stop) return;
  const next = xml.charCodeAt(p);
  if (!isSpace(next) && next !== 62 && next !== 47) return;
  tag.r[0] = tag.s[0] = tag.t[0] = -1;
  // Attributes: name="value" or name='value', until ">" or "/>".
  while (p < stop) {
    const c = xml.charCodeAt(p);
    if (c === 62) {
      tag.kind = kind;
      tag.selfClosing = xml.charCodeAt(p - 1) === 47;
      tag.end = p + 1;
      return;
    }
    if (isSpace(c) || c === 47) {
      p++;
      continue;
    }
    const attrStart = p;
    let prefixed = false;
    while (p < stop) {
      const a = xml.charCodeAt(p);
      if (a === 58) prefixed = true;
      else if (!isNameChar(a)) break;
      p++;
    }
    const attrEnd = p;
    while (p < stop && isSpace(xml.charCodeAt(p))) p++;
    if (p === attrStart || xml.charCodeAt(p) !== 61) return; // not well-formed: leave it
    p++;
    while (p < stop && isSpace(xml.charCodeAt(p))) p++;
    const quote = xml.charCodeAt(p);
    if (quote !== 34 && quote !== 39) return;
    const valueEnd = xml.indexOf(quote === 34 ? '"' : "'", p + 1);
    if (valueEnd < 0 || valueEnd >= stop) return;
    if (!prefixed && attrEnd - attrStart === 1) {
      const name = xml.charCodeAt(attrStart);
      const range = name === 114 ? tag.r : name === 115 ? tag.s : name === 116 ? tag.t : null;
      if (range) {
        range[0] = p + 1;
        range[1] = valueEnd;
      }
    }
    p = valueEnd + 1;
  }
}

/** Where the cell's closing tag (</c> or </x:c>) starts, from `from`; -1 when there is none. */
function closingCell(xml: string, from: number): number {
  for (let at = xml.indexOf("</", from); at >= 0; at = xml.indexOf("</", at + 2)) {
    let p = at + 2;
    let nameStart = p;
    for (let c = xml.charCodeAt(p); c === 58 || isNameChar(c); c = xml.charCodeAt(++p))
      if (c === 58) nameStart = p + 1;
    if (p - nameStart === 1 && xml.charCodeAt(nameStart) === 99 && xml.charCodeAt(p) === 62) return at;
  }
  return -1;
}

/** The whole number written in xml[start, end), or -1 when it is not plain digits. */
function digitsAt(xml: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** A cell's t attribute as one of the known constants (no new string per cell). */
function cellType(xml: string, start: number, end: number): string {
  const length = end - start;
  const c = xml.charCodeAt(start);
  if (length === 1) {
    if (c === 115) return "s";
    if (c === 110) return "n";
    if (c === 98) return "b";
    if (c === 101) return "e";
    if (c === 100) return "d";
  } else if (length === 3 && xml.startsWith("str", start)) return "str";
  else if (length === 9 && xml.startsWith("inlineStr", start)) return "inlineStr";
  return xml.slice(start, end);
}

/** "AB12" → letters "AB", column 28, row 12; plain when the reference is just letters and digits (a hand loop: this
 * runs for every cell). */
function splitRef(ref: string): { letters: string; column: number; row: number; plain: boolean } {
  let column = 0;
  let i = 0;
  let dollar = false;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c === 36) {
      dollar = true; // $
      continue;
    }
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  if (dollar || ref.includes("$", i)) {
    const letters = ref.slice(0, i).replace(/\$/g, "");
    return { letters, column, row: Number(ref.slice(i).replace(/\$/g, "")), plain: false };
  }
  const letters =
    i < COLUMN_NAMES.length && column < COLUMN_NAMES.length ? COLUMN_NAMES[column]! : ref.slice(0, i);
  let row = 0;
  let digits = 0;
  for (let j = i; j < ref.length; j++, digits++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return { letters, column, row: Number(ref.slice(i)), plain: false };
    row = row * 10 + (c - 48);
  }
  return { letters, column, row: digits ? row : 0, plain: digits > 0 && i > 0 };
}

/** Column letters of the first columns, made once ("" for 0). */
const COLUMN_NAMES: readonly string[] = Array.from({ length: 703 }, (_, i) =>
  i === 0 ? "" : columnLetters(i),
);

/** Days between Excel's 1904 and 1900 date systems. */
const DAYS_1904 = 1462;

/** A date serial of the 1904 system moved to the 1900 system the core uses (other cells unchanged). */
export function to1900(cell: RawCell): RawCell {
  return typeof cell.value === "number" && isDateFormat(cell.numFmt)
    ? { ...cell, value: cell.value + DAYS_1904 }
    : cell;
}

function readCell(
  address: string,
  style: CellStyle,
  type: string | undefined,
  inner: string,
  shared: SharedStrings,
  sharedFormulas: Map<string, string>,
): RawCell | null {
  // (Most cells have no formula: skip the pattern unless an "f" is there at all.)
  const f = inner.includes("f") ? FORMULA.exec(inner) : null;
  let formula: string | undefined;
  if (f) {
    const fText = f[1] ?? "";
    const si = rawAttribute(fText, "si");
    formula = repeatedXmlText(f[2] ?? "");
    if (rawAttribute(fText, "t") === "shared" && si !== undefined) {
      if (formula) sharedFormulas.set(si, formula);
      else formula = sharedFormulas.get(si) ?? "";
    }
  }
  const v = valueText(inner);
  // A number, a shared string index or a boolean is plain ASCII: only text values need decoding.
  const plain = type === undefined || type === "n" || type === "s" || type === "b";
  const text = v === null ? null : plain ? v : repeatedXmlText(v);
  let value: RawCell["value"] = null;
  let error: string | undefined;
  switch (type) {
    case "s": {
      const index = text === null ? NaN : +text;
      value = text === null ? null : Number.isInteger(index) && index >= 0 ? (shared.at(index) ?? "") : "";
      break;
    }
    case "str":
    case "d":
      value = text;
      break;
    case "inlineStr": {
      const is = INLINE.exec(inner);
      value = is ? textOf(is[1] ?? "") : text;
      break;
    }
    case "b":
      value = text === null ? null : text === "1" || text === "true";
      break;
    case "e":
      error = text ?? "#VALUE!";
      break;
    default:
      value = text === null || text === "" ? null : Number(text);
  }
  if (value === null && formula === undefined && error === undefined) return null;
  return {
    address,
    value,
    numFmt: style.numFmt,
    locked: style.locked,
    ...(formula !== undefined ? { formula } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

/** The raw text of a cell's <v>, or null: "<v>12</v>", the common case, without a regular expression. */
function valueText(inner: string): string | null {
  if (inner.startsWith("<v>") && inner.endsWith("</v>") && inner.indexOf("<", 3) === inner.length - 4)
    return inner.slice(3, -4);
  const v = VALUE.exec(inner);
  return v ? (v[1] ?? "") : null;
}

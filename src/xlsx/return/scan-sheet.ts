import { columnLetters } from "../../core/check/a1";
import { isDateFormat } from "../../core/check/number-format";
import type { RawCell, RawRow } from "../../core/check/unit-return";
import { DEFAULT_STYLE, type CellStyle } from "./read-styles";
import { attributeAt, rawAttribute, repeatedXmlText, textOf } from "./xml-text";

export interface ScannedSheet {
  readonly rows: readonly RawRow[];
  readonly isProtected: boolean;
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
}

const TAG = /<(?:\w+:)?(row|c)\b([^>]*?)(\/?)>/g;
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
const CLOSE = /<\/(?:\w+:)?c>/g;
const INLINE = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;

/**
 * Scans a worksheet's XML for its cells: value (shared strings resolved), formula (shared formulas carry their
 * master's text), number format and lock state from the styles, plus whether sheet protection is on. Empty cells
 * (style only) are skipped. Cells without an `r` attribute get their address from their position.
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
  let lastRef: string | null = null;
  // Cells live in <sheetData>; what follows (protection, validations, formats) is looked at only for protection.
  const end = sheetDataEnd(xml);
  const data = end >= 0 ? xml.slice(0, end) : xml;
  const protection = PROTECTION.exec(end >= 0 ? xml.slice(end) : "");
  const isProtected = protection !== null && /\bsheet\s*=\s*["'](1|true)["']/.test(protection[1] ?? "");
  TAG.lastIndex = 0;
  for (let m = TAG.exec(data); m; m = TAG.exec(data)) {
    const [, tag, attrText = "", selfClosing] = m;
    if (tag === "row") {
      const r = /\br\s*=\s*["'](\d+)["']/.exec(attrText);
      rowNumber = r ? Number(r[1]) : rowNumber + 1;
      column = 0;
      continue;
    }
    const r = attributeAt(attrText, " r=");
    if (selfClosing === "/") {
      // An empty cell: only its position matters, for the next cell without an address.
      lastRef = r ?? null;
      column = r ? -1 : column + 1;
      continue;
    }
    if (column < 0 && lastRef) column = splitRef(lastRef).column;
    const address = r
      ? splitRef(r)
      : { letters: columnLetters(column + 1), column: column + 1, row: rowNumber };
    column = address.column;
    if (r) rowNumber = address.row;
    CLOSE.lastIndex = TAG.lastIndex;
    const close = CLOSE.exec(data);
    const inner = data.slice(TAG.lastIndex, close ? close.index : data.length);
    TAG.lastIndex = close ? CLOSE.lastIndex : data.length;
    if (options.columns && !options.columns.has(address.letters)) continue;
    const a = { s: attributeAt(attrText, " s="), t: attributeAt(attrText, " t=") };
    const read = readCell(`${address.letters}${address.row}`, a, inner, shared, styles, sharedFormulas);
    const cell = read && options.date1904 ? to1900(read) : read;
    if (!cell) continue;
    if (!current || current.row !== address.row) {
      current = { row: address.row, cells: {} };
      rows.push(current);
    }
    current.cells[address.letters] = cell;
  }
  return { rows, isProtected };
}

/** "AB12" → letters "AB", column 28, row 12 (a hand loop: this runs for every cell). */
function splitRef(ref: string): { letters: string; column: number; row: number } {
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
    return { letters, column, row: Number(ref.slice(i).replace(/\$/g, "")) };
  }
  let row = 0;
  let digits = 0;
  for (let j = i; j < ref.length; j++, digits++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) return { letters: ref.slice(0, i), column, row: Number(ref.slice(i)) };
    row = row * 10 + (c - 48);
  }
  return { letters: ref.slice(0, i), column, row: digits ? row : 0 };
}

/** Days between Excel's 1904 and 1900 date systems. */
const DAYS_1904 = 1462;

function to1900(cell: RawCell): RawCell {
  return typeof cell.value === "number" && isDateFormat(cell.numFmt)
    ? { ...cell, value: cell.value + DAYS_1904 }
    : cell;
}

function readCell(
  address: string,
  a: { readonly s: string | undefined; readonly t: string | undefined },
  inner: string,
  shared: SharedStrings,
  styles: readonly CellStyle[],
  sharedFormulas: Map<string, string>,
): RawCell | null {
  const style = styles[Number(a.s ?? 0)] ?? DEFAULT_STYLE;
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
  const v = VALUE.exec(inner);
  // A number, a shared string index or a boolean is plain ASCII: only text values need decoding.
  const plain = a.t === undefined || a.t === "n" || a.t === "s" || a.t === "b";
  const text = v ? (plain ? (v[1] ?? "") : repeatedXmlText(v[1] ?? "")) : null;
  let value: RawCell["value"] = null;
  let error: string | undefined;
  switch (a.t) {
    case "s": {
      const index = text === null ? NaN : Number(text);
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

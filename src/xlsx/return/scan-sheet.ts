import { columnLetters, splitAddress } from "../../core/check/a1";
import type { RawCell, RawRow } from "../../core/check/unit-return";
import { DEFAULT_STYLE, type CellStyle } from "./read-styles";
import { attributes, decodeXml, textOf } from "./xml-text";

export interface ScannedSheet {
  readonly rows: readonly RawRow[];
  readonly isProtected: boolean;
}

export interface ScanOptions {
  /** Keep only these columns (e.g. A:B of the identity sheet); all when absent. */
  readonly columns?: ReadonlySet<string>;
}

const TAG = /<(?:\w+:)?(row|c|sheetProtection)\b([^>]*?)(\/?)>/g;
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
  shared: readonly string[],
  styles: readonly CellStyle[],
  options: ScanOptions = {},
): ScannedSheet {
  const rows: RawRow[] = [];
  const sharedFormulas = new Map<string, string>();
  let current: { row: number; cells: Record<string, RawCell> } | null = null;
  let rowNumber = 0;
  let column = 0;
  let isProtected = false;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [, tag, attrText = "", selfClosing] = m;
    if (tag === "sheetProtection") {
      isProtected = /\bsheet\s*=\s*["'](1|true)["']/.test(attrText);
      continue;
    }
    if (tag === "row") {
      const r = /\br\s*=\s*["'](\d+)["']/.exec(attrText);
      rowNumber = r ? Number(r[1]) : rowNumber + 1;
      column = 0;
      continue;
    }
    const a = attributes(attrText);
    const address = a.r ? splitAddress(a.r) : { column: columnLetters(column + 1), row: rowNumber };
    column = a.r ? columnNumber(address.column) : column + 1;
    if (address.row !== rowNumber && a.r) rowNumber = address.row;
    if (selfClosing === "/") continue;
    CLOSE.lastIndex = TAG.lastIndex;
    const close = CLOSE.exec(xml);
    const inner = xml.slice(TAG.lastIndex, close ? close.index : xml.length);
    TAG.lastIndex = close ? CLOSE.lastIndex : xml.length;
    if (options.columns && !options.columns.has(address.column)) continue;
    const cell = readCell(`${address.column}${address.row}`, a, inner, shared, styles, sharedFormulas);
    if (!cell) continue;
    if (!current || current.row !== address.row) {
      current = { row: address.row, cells: {} };
      rows.push(current);
    }
    current.cells[address.column] = cell;
  }
  return { rows, isProtected };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

function readCell(
  address: string,
  a: Record<string, string>,
  inner: string,
  shared: readonly string[],
  styles: readonly CellStyle[],
  sharedFormulas: Map<string, string>,
): RawCell | null {
  const style = styles[Number(a.s ?? 0)] ?? DEFAULT_STYLE;
  const f = FORMULA.exec(inner);
  let formula: string | undefined;
  if (f) {
    const fa = attributes(f[1] ?? "");
    formula = decodeXml(f[2] ?? "");
    if (fa.t === "shared" && fa.si !== undefined) {
      if (formula) sharedFormulas.set(fa.si, formula);
      else formula = sharedFormulas.get(fa.si) ?? "";
    }
  }
  const v = VALUE.exec(inner);
  const text = v ? decodeXml(v[1] ?? "") : null;
  let value: RawCell["value"] = null;
  let error: string | undefined;
  switch (a.t) {
    case "s":
      value = text === null ? null : (shared[Number(text)] ?? "");
      break;
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

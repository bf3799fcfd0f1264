/** A1 addresses for the Office.js adapter: column letters, cell and range addresses. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface CellRef {
  /** 0-based. */
  readonly row: number;
  readonly column: number;
}

/** "D7" or "$D$7" → { row: 6, column: 3 }; a sheet prefix ("填报表!D7") is ignored. */
export function parseCell(address: string): CellRef {
  const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  const m = /^([A-Za-z]+)(\d+)$/.exec(local);
  if (!m) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]!) };
}

/** The top-left and bottom-right of "A1:C3" (or a single cell). */
export function parseRange(address: string): { readonly start: CellRef; readonly end: CellRef } {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [a, b] = local.split(":");
  const start = parseCell(a!);
  return { start, end: b ? parseCell(b) : start };
}

export const cellAddress = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;

/** The range of `rows` × `columns` cells whose top-left is (row, column), 0-based. */
export function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  const start = cellAddress(row, column);
  return rows === 1 && columns === 1
    ? start
    : `${start}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}

/** Quotes a sheet name for use in an address or formula: 填报表 → '填报表'. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

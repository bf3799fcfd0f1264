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

/**
 * Cells next to each other become rectangles: E8,F8,G8 → E8:G8 per row, then rows with the same span one
 * under another → E8:G40. Keeps the number of ranges (and of queued Office calls) small.
 */
export function joinCells(addresses: readonly string[]): string[] {
  const cells = addresses.map((a) => parseCell(a)).sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: { row: number; c0: number; c1: number; rows: number }[] = [];
  for (let i = 0; i < cells.length;) {
    let j = i;
    while (
      j + 1 < cells.length &&
      cells[j + 1]!.row === cells[i]!.row &&
      cells[j + 1]!.column === cells[j]!.column + 1
    )
      j++;
    runs.push({ row: cells[i]!.row, c0: cells[i]!.column, c1: cells[j]!.column, rows: 1 });
    i = j + 1;
  }
  const merged: typeof runs = [];
  const open = new Map<string, (typeof runs)[number]>();
  for (const run of runs) {
    const span = `${run.c0}:${run.c1}`;
    const above = open.get(span);
    if (above && above.row + above.rows === run.row) above.rows++;
    else {
      const fresh = { ...run };
      merged.push(fresh);
      open.set(span, fresh);
    }
  }
  return merged.map((m) => rangeAddress(m.row, m.c0, m.rows, m.c1 - m.c0 + 1));
}

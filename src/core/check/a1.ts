/** A1 addresses: "D7" ↔ column letters and row numbers. */

/**
 * Splits an A1 address into its column letters and row number.
 * @example splitAddress("AB12") // → { column: "AB", row: 12 }
 */
export function splitAddress(address: string): { column: string; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(address.toUpperCase());
  return m ? { column: m[1] ?? "A", row: Number(m[2]) } : { column: "", row: 0 };
}

/**
 * Column letters to a 1-based index.
 * @example columnIndex("AB") // → 28
 */
export function columnIndex(column: string): number {
  let n = 0;
  for (const ch of column.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * A 1-based column index to letters.
 * @example columnLetters(28) // → "AB"
 */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

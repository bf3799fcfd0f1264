/**
 * Column letter of a 1-based column number.
 * @example columnLetter(28) // → "AB"
 */
export function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * 1-based column number of a column letter.
 * @example columnNumber("AB") // → 28
 */
export function columnNumber(letter: string): number {
  return [...letter.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/**
 * An absolute reference on a sheet, quoted as Excel wants it.
 * @example absoluteRef("填报表", "C3") // → "'填报表'!$C$3"
 */
export function absoluteRef(sheet: string, range: string): string {
  const abs = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs}`;
}

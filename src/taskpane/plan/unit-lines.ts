/** One unit name per line; for CSV the first column. Blank lines and repeats are dropped. */
export function readUnitLines(text: string): string[] {
  const names = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => (line.split(/[,，\t]/)[0] ?? "").replace(/^"|"$/g, "").trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/**
 * The unit list as typed or opened: one name a line (for CSV, the first column), in order, so that the template
 * core's findings (a blank or repeated name) name the row the user sees. Trailing blank lines are not rows.
 */
export function readUnitLines(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => (line.split(/[,，\t]/)[0] ?? "").replace(/^"|"$/g, "").trim());
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  return lines;
}

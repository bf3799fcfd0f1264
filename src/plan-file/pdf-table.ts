import { joinPieces, type Fragment, type Layout, type PrintedLine } from "./pdf-lines";

/** Two baselines this much further apart than the closest two of a table are in different rows. */
const ROW_GAP = 1.12;

interface Column {
  x: number;
  right: number;
  readonly pieces: { readonly text: string; readonly y: number; readonly x: number }[];
}

const overlaps = (f: Fragment, c: { x: number; right: number }) => f.x < c.right && f.right > c.x;

/**
 * The rows of the table whose first printed line is `lines[start]` (a line of two cells or more), as "cell | cell"
 * lines, and the index of the first line after it. The table goes on while lines have two cells or more, or hold one
 * fragment under a single column of it, no further below the line before than a line and a half of text. A row is
 * the printed lines whose baselines are as close as the closest two lines of the table (a cell's text wrapped); where
 * all lines are equally far apart, each line of as many cells as the widest is a row of its own.
 */
export function tableRows(
  lines: readonly PrintedLine[],
  start: number,
  layout: Layout,
): { rows: string[]; end: number } {
  const block: PrintedLine[] = [lines[start]!];
  const columns: { x: number; right: number }[] = [];
  const addColumns = (line: PrintedLine) => {
    for (const f of line.fragments) {
      const column = columns.find((c) => overlaps(f, c));
      if (column) [column.x, column.right] = [Math.min(column.x, f.x), Math.max(column.right, f.right)];
      else columns.push({ x: f.x, right: f.right });
    }
  };
  addColumns(lines[start]!);
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    const prev = block[block.length - 1]!;
    if (line.page !== prev.page || prev.y - line.y > 3 * layout.pitch * (line.size / layout.size)) break;
    const cell =
      line.fragments.length === 1 &&
      columns.filter((c) => overlaps(line.fragments[0]!, c)).length === 1 &&
      prev.y - line.y <= 1.5 * layout.pitch * (line.size / layout.size);
    if (line.fragments.length < 2 && !cell) break;
    block.push(line);
    if (line.fragments.length > 1) addColumns(line);
  }
  const gaps = block.slice(1).map((l, i) => block[i]!.y - l.y);
  const closest = gaps.reduce((min, g) => Math.min(min, g), Infinity);
  const even = gaps.every((g) => g <= closest * ROW_GAP);
  const widest = block.reduce((max, l) => Math.max(max, l.fragments.length), 0);
  const rows: PrintedLine[][] = [];
  block.forEach((line, i) => {
    const gap = gaps[i - 1];
    const newRow = gap === undefined || gap > closest * ROW_GAP || (even && line.fragments.length === widest);
    if (newRow) rows.push([line]);
    else rows[rows.length - 1]!.push(line);
  });
  return { rows: rows.map(rowText), end };
}

/**
 * One row's text: its printed lines' fragments gathered into columns (taken left to right, a fragment that starts
 * before the column so far ends is in it), "a | b | c".
 */
function rowText(lines: readonly PrintedLine[]): string {
  const columns: Column[] = [];
  const fragments = lines
    .flatMap((l) => l.fragments.map((f) => ({ ...f, y: l.y })))
    .sort((a, b) => a.x - b.x);
  for (const f of fragments) {
    const column = columns[columns.length - 1];
    if (column && f.x < column.right) {
      column.right = Math.max(column.right, f.right);
      column.pieces.push(f);
    } else columns.push({ x: f.x, right: f.right, pieces: [f] });
  }
  return columns
    .map((c) => joinPieces(c.pieces.sort((a, b) => b.y - a.y || a.x - b.x).map((p) => p.text)))
    .join(" | ");
}

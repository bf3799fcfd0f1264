import { readNumbering } from "../core/plan/scan-items";
import { normaliseForMatching } from "../core/plan/normalise-text";
import { dropPageFurniture } from "./pdf-furniture";
import {
  isCjk,
  joinPieces,
  pageLines,
  type Fragment,
  type Layout,
  type PdfTextItem,
  type PrintedLine,
} from "./pdf-lines";
import { tableRows } from "./pdf-table";

/**
 * The plan text of a PDF's pages (each the text items pdf.js gives, positions in points): printed lines are read from
 * the items' positions, page numbers and running headers and footers are left out, the lines a paragraph was wrapped
 * into are joined again (across pages too; a CJK wrap with no space, a Latin one with a space), and a table's rows
 * become "cell | cell" lines, a row's cells gathered from all its printed lines. A line starts a new paragraph where
 * it is numbered (一、 (一) 1. …), indented, in another font size, after a wider gap than the text's line pitch, or
 * after a line that ends short of the right edge by more than its first word would have needed.
 * @example pdfPagesToText([[item("一、总体要求", 90, 700), item("坚持以人民健康为中心，", 122, 676)]]) // → "一、总体要求\n坚持以人民健康为中心，"
 */
export function pdfPagesToText(pages: readonly (readonly PdfTextItem[])[]): string {
  const lines = dropPageFurniture(pages.map((items, i) => pageLines(items, i + 1))).flat();
  const layout = measureLayout(lines);
  const out: string[] = [];
  let paragraph: PrintedLine | null = null;
  let pieces: string[] = [];
  const flush = () => {
    if (paragraph) out.push(joinPieces(pieces));
    paragraph = null;
  };
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    if (line.fragments.length > 1) {
      flush();
      const table = tableRows(lines, i, layout);
      for (const row of table.rows) out.push(row);
      i = table.end;
      continue;
    }
    if (paragraph && continues(paragraph, line, layout)) pieces.push(line.text);
    else {
      flush();
      pieces = [line.text];
    }
    paragraph = line;
    i++;
  }
  flush();
  return out.join("\n");
}

/** True when `next` goes on with the paragraph whose last printed line is `prev`. */
function continues(prev: PrintedLine, next: PrintedLine, layout: Layout): boolean {
  const size = layout.size;
  if (Math.abs(prev.size - next.size) > 0.1 * Math.max(prev.size, next.size)) return false;
  if (next.x > layout.left + 0.5 * next.size) return false;
  if (readNumbering(normaliseForMatching(next.text)) !== null) return false;
  if (prev.page === next.page && prev.y - next.y > 1.5 * layout.pitch * (next.size / size)) return false;
  return layout.right - prev.right <= firstWordWidth(next.fragments[0]!, next.size) + next.size;
}

/**
 * How wide the first unit of a line is that a line break could not split (what did not fit at the end of the line
 * before, if it was wrapped): its first character and all that follows up to the next CJK ideograph (digits, Latin
 * words, quotes and brackets stay with the character before them: "强“966525”", "PACS "), in the line's average
 * character width.
 */
function firstWordWidth(fragment: Fragment, size: number): number {
  const unit = /^.[^\u3400-\u9fff]*/su.exec(fragment.text)?.[0] ?? "";
  const average = (fragment.right - fragment.x) / Math.max(1, fragment.text.length);
  return Math.max(unit.length * Math.min(average, size), isCjk(fragment.text[0]) ? size : 0);
}

/** The most common value of `values` rounded to `step`, or `fallback`. */
function mode(values: readonly number[], step: number, fallback: number): number {
  const counts = new Map<number, number>();
  let best = fallback;
  let bestCount = 0;
  for (const v of values) {
    const key = Math.round(v / step) * step;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > bestCount) [best, bestCount] = [key, n];
  }
  return best;
}

/**
 * The running text's layout: the commonest font size; the left margin (the leftmost start that three lines share:
 * a paragraph's first line is indented, its other lines are not); the right edge (the third rightmost end, so that a
 * line or two running into the margin do not move it); the commonest distance between two lines of a page. Where
 * there are fewer than 20 lines of running text, the leftmost start and the rightmost end.
 */
export function measureLayout(lines: readonly PrintedLine[]): Layout {
  const size = mode(
    lines.map((l) => l.size),
    0.5,
    12,
  );
  const body = lines.filter((l) => l.fragments.length === 1 && Math.abs(l.size - size) <= 0.1 * size);
  // (On a page or two of text, the leftmost start and the rightmost end.)
  const outliers = body.length >= 20 ? 2 : 0;
  const xs = body.map((l) => l.x).sort((a, b) => a - b);
  const left = xs.find((x, i) => (xs[i + outliers] ?? Infinity) - x <= 1) ?? xs[0] ?? 0;
  const rights = body.map((l) => l.right).sort((a, b) => b - a);
  const right = rights[Math.min(outliers, rights.length - 1)] ?? 0;
  const gaps = body.slice(1).flatMap((l, i) => {
    const prev = body[i]!;
    return prev.page === l.page && prev.y > l.y ? [prev.y - l.y] : [];
  });
  return { size, left, right, pitch: mode(gaps, 0.5, 1.5 * size) };
}

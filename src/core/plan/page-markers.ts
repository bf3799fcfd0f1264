import { readNumbering, type PlanLine } from "./scan-items";

/**
 * A document-sharing site (docin, book118, docduoduo…) shows a plan page by page and marks each page "1、", "2、",
 * "3、"… where it starts; pasted from the site, the marks run into the text, often in the middle of a sentence
 * ("…航空救援實現50公里3、飛行半徑全覆蓋"). They are told from the plan's own items by where the first stands: "1、"
 * opens the text and the plan's own headings (一、) come after it on the same page, where no item 1 of a list could
 * stand. The marks that follow in order ("2、", "3、"…, each a page further on) are taken out, so the words they split
 * join again; anything else is left as written.
 * @example dropPageMarks(splitLines("1、某县实施方案。一、总体要求……2、到2025年……")).lines // → "某县实施方案。一、总体要求……到2025年……"
 */
export function dropPageMarks(lines: readonly PlanLine[]): {
  readonly lines: readonly PlanLine[];
  /** True when page marks were found and taken out: the text was pasted page by page, run together. */
  readonly paged: boolean;
} {
  const none = { lines, paged: false };
  const start = lines.findIndex((l) => l.norm.trim() !== "" && readNumbering(l.norm.trimStart()) !== null);
  if (start < 0) return none;
  const first = lines[start] as PlanLine;
  const lead = first.norm.length - first.norm.trimStart().length;
  if (!first.norm.startsWith("1、", lead)) return none;
  // The plan's own heading on the first page, before any "2、"; or pages that each start a long line and break the
  // line before in mid-sentence.
  const page = first.norm.slice(lead + 2);
  const heading = /(?:^|[。;:!?\s])[一二三四五六七八九十]、/.exec(page);
  const second = page.indexOf("2、");
  if ((!heading || (second >= 0 && second < heading.index)) && !pagesByLine(lines.slice(start))) return none;
  const out: PlanLine[] = lines.slice(0, start);
  let next = 1;
  let lastAt = -Infinity;
  let read = 0;
  for (const line of lines.slice(start)) {
    let text = line.text;
    let norm = line.norm;
    let opensPage = false;
    for (;;) {
      const mark = `${next}、`;
      const at = findMark(norm, mark, Math.max(0, lastAt + PAGE_MIN - read));
      if (at < 0) break;
      opensPage ||= next > 1 && norm.slice(0, at).trim() === "";
      text = text.slice(0, at) + text.slice(at + mark.length);
      norm = norm.slice(0, at) + norm.slice(at + mark.length);
      lastAt = read + at;
      next++;
    }
    read += norm.length + 1;
    // A page that starts a line goes on with the line before: the break was the page's, not the plan's.
    const before = out[out.length - 1];
    if (opensPage && before && out.length > start)
      out[out.length - 1] = {
        ...before,
        text: before.text + text.trimStart(),
        norm: before.norm + norm.trimStart(),
      };
    else out.push({ ...line, text, norm });
  }
  return next > 2 ? { lines: out, paged: true } : none;
}

/**
 * Lines that start "1、", "2、"… (two at least) where each is a page (PAGE_MIN characters or more, but the last) and the line before
 * each page after the first stops in mid-sentence: a page's break, not the end of an item.
 */
function pagesByLine(lines: readonly PlanLine[]): boolean {
  let next = 1;
  let before: PlanLine | undefined;
  let short = false;
  for (const line of lines) {
    const norm = line.norm.trim();
    if (norm.startsWith(`${next}、`)) {
      // (Only the last page may be short.)
      if (short) return false;
      short = norm.length < PAGE_MIN;
      if (next > 1 && /[。;!?]$/.test(before?.norm.trim() ?? "。")) return false;
      next++;
    }
    if (norm) before = line;
  }
  return next > 2;
}

/** The fewest characters between two page marks (a page of a plan holds several hundred). */
const PAGE_MIN = 200;

/** Where `mark` ("3、") stands from `from` on, not as the end of a longer number ("13、"), or -1. */
function findMark(norm: string, mark: string, from: number): number {
  for (let at = norm.indexOf(mark, from); at >= 0; at = norm.indexOf(mark, at + 1))
    if (!/\d/.test(norm[at - 1] ?? "")) return at;
  return -1;
}

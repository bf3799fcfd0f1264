import type { PrintedLine } from "./pdf-lines";

/**
 * A page number as printed alone on a line: "3", "— 3 —", "-3-", "第3页", "第 3 页 共 12 页", "3/12", "Page 3 of 12",
 * "iv" (the decoration around it, dashes, dots and spaces, is left out first).
 */
const PAGE_NUMBER =
  /^(?:\d{1,5}|[ivxlcdm]{1,8}|第[\d一二三四五六七八九十百零〇]{1,6}页(?:共\d{1,5}页)?|共\d{1,5}页第\d{1,5}页|\d{1,5}[/／]\d{1,5}|page\d{1,5}(?:of\d{1,5})?)$/i;
const DECORATION = /[\s\-—–－~～·•_.()（）[\]【】<>〈〉]/g;

/** How many lines at the top and at the bottom of a page may be its header or footer. */
const EDGE_LINES = 2;

/** True when a line is nothing but a page number. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.replace(DECORATION, ""));
}

/** A page number at either end of a header or footer's text: "工作要点 — 3 —", "3 工作要点", "第3页 工作要点". */
const NUMBER_AT_EDGE =
  /^\s*(?:[-—–]\s*)?\d{1,5}(?:\s*[-—–])?\s+|\s+(?:[-—–]\s*)?\d{1,5}(?:\s*[-—–])?\s*$|第\s*\d{1,5}\s*页(?:\s*共\s*\d{1,5}\s*页)?/g;

/** A header or footer line's text with its page number left out (so "工作要点 — 3 —" and "工作要点 — 4 —" match). */
const furnitureKey = (line: PrintedLine, edge: "top" | "bottom") =>
  `${edge}\u0000${line.text.replace(NUMBER_AT_EDGE, "#").replace(/\s+/g, "")}`;

/**
 * The pages' lines without what the page layout adds: page numbers in the first or last lines of a page, and running
 * headers and footers (a line among the first or last of a page whose text, numbers aside, recurs there on at least
 * half the pages, and on two at least). A table's heading row that Word repeats at the top of each page is kept
 * where it first stands.
 */
export function dropPageFurniture(pages: readonly (readonly PrintedLine[])[]): PrintedLine[][] {
  const edges = (lines: readonly PrintedLine[]) =>
    lines.flatMap((line, i): [PrintedLine, "top" | "bottom"][] => {
      if (i < EDGE_LINES) return [[line, "top"]];
      if (i >= lines.length - EDGE_LINES) return [[line, "bottom"]];
      return [];
    });
  const pagesWith = new Map<string, number>();
  for (const lines of pages) {
    const keys = new Set(edges(lines).map(([line, edge]) => furnitureKey(line, edge)));
    for (const key of keys) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const recurring = Math.max(2, Math.ceil(pages.length / 2));
  const seenRows = new Set<string>();
  return pages.map((lines) => {
    const drop = new Set<PrintedLine>();
    for (const [line, edge] of edges(lines)) {
      const key = furnitureKey(line, edge);
      const repeated = (pagesWith.get(key) ?? 0) >= recurring;
      const firstRow = repeated && line.fragments.length > 1 && !seenRows.has(key);
      if (firstRow) seenRows.add(key);
      if (isPageNumber(line.text) || (repeated && !firstRow)) drop.add(line);
    }
    return lines.filter((l) => !drop.has(l));
  });
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};
const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(
        e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function chineseNumber(n: number): string {
  if (n <= 10) return CN[n] ?? String(n);
  if (n < 20) return `十${CN[n - 10]}`;
  const tens = Math.floor(n / 10);
  return `${CN[tens]}十${CN[n % 10]}`;
}

/** Label for the n-th item of a Word list at a nesting depth: 一、 (一) 1. (1) ①. */
function listLabel(depth: number, n: number): string {
  switch (depth) {
    case 0:
      return `${chineseNumber(n)}、`;
    case 1:
      return `（${chineseNumber(n)}）`;
    case 2:
      return `${n}.`;
    case 3:
      return `（${n}）`;
    default:
      return n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `${n}.`;
  }
}

/**
 * Flattens mammoth's HTML to plan text: one line per paragraph, table rows as "cell | cell", and Word's automatic
 * list numbering (which mammoth turns into <ol>) written back as 一、 (一) 1. (1) ① by nesting depth.
 */
export function docxHtmlToText(html: string): string {
  const lines: string[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let current = "";
  let row: string[] | null = null;
  const flush = () => {
    const t = decodeEntities(current).replace(/\s+/g, " ").trim();
    if (row) row.push(t);
    else if (t) lines.push(t);
    current = "";
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    const [, closing, tagName, textPart] = m;
    if (textPart !== undefined) {
      current += textPart;
      continue;
    }
    const tag = (tagName ?? "").toLowerCase();
    if (closing) {
      if (tag === "ol" || tag === "ul") lists.pop();
      else if (tag === "tr" && row) {
        current = "";
        const cells = row;
        row = null;
        if (cells.some(Boolean)) lines.push(cells.join(" | "));
      } else if (tag === "td" || tag === "th") {
        if (row) row.push(decodeEntities(current).replace(/\s+/g, " ").trim());
        current = "";
      } else if (/^(p|h[1-6]|li|div)$/.test(tag) && !row) flush();
      else if (/^(p|h[1-6]|li|div)$/.test(tag) && row) current += " ";
      continue;
    }
    if (tag === "ol" || tag === "ul") {
      if (!row) flush();
      lists.push({ ordered: tag === "ol", n: 0 });
    } else if (tag === "li") {
      if (!row) flush();
      const list = lists[lists.length - 1];
      if (list?.ordered) current = listLabel(lists.length - 1, ++list.n);
    } else if (tag === "tr") {
      flush();
      row = [];
    } else if (tag === "br") {
      if (!row) flush();
    }
  }
  flush();
  return lines.join("\n");
}

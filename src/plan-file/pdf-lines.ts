/**
 * A PDF page's text items (as pdf.js gives them) gathered into printed lines: items on one baseline, left to right,
 * split into fragments where a wide gap stands between them (a table's cells, a tab stop).
 */

/** One text item of a page: its string, where its baseline starts (PDF points, y upward), its width and font size. */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** A run of a line's text with no wide gap in it: a table cell's line, or all of a line of running text. */
export interface Fragment {
  readonly text: string;
  readonly x: number;
  readonly right: number;
}

/** A printed line: its fragments left to right, baseline, font size (the largest of its items) and page. */
export interface PrintedLine {
  readonly fragments: readonly Fragment[];
  readonly y: number;
  readonly size: number;
  readonly page: number;
  readonly x: number;
  readonly right: number;
  readonly text: string;
}

/** What a document's running text looks like: its font size, left margin, right edge and line pitch. */
export interface Layout {
  readonly size: number;
  readonly left: number;
  readonly right: number;
  readonly pitch: number;
}

/** A gap of this many font sizes between two items of a line parts two cells (a cell's own padding is ~0.35 on each side in Word). */
export const CELL_GAP = 0.6;
/** A gap of this many font sizes between two items with no space between them is a space. */
const SPACE_GAP = 0.2;
/** Items whose baselines differ by less than this many font sizes are on one line. */
const SAME_LINE = 0.4;

/**
 * CJK radicals some fonts' ToUnicode tables give for ordinary characters (Noto CJK maps 生 日 一 to the Kangxi radicals
 * ⽣ ⽇ ⼀, 民 长 门 to ⺠ ⻓ ⻔): the Kangxi radicals fold by NFKC, the supplement's by this table.
 */
const RADICALS_SUPPLEMENT: Readonly<Record<string, string>> = {
  "⺁": "厂",
  "⺇": "几",
  "⺎": "兀",
  "⺏": "尢",
  "⺒": "巳",
  "⺓": "幺",
  "⺕": "彐",
  "⺛": "无",
  "⺜": "日",
  "⺝": "月",
  "⺞": "歹",
  "⺟": "母",
  "⺠": "民",
  "⺩": "王",
  "⺬": "示",
  "⺯": "糸",
  "⺻": "聿",
  "⺼": "肉",
  "⻁": "虎",
  "⻄": "西",
  "⻅": "见",
  "⻆": "角",
  "⻉": "贝",
  "⻋": "车",
  "⻑": "長",
  "⻓": "长",
  "⻔": "门",
  "⻘": "青",
  "⻙": "韦",
  "⻚": "页",
  "⻛": "风",
  "⻜": "飞",
  "⻝": "食",
  "⻢": "马",
  "⻣": "骨",
  "⻤": "鬼",
  "⻥": "鱼",
  "⻦": "鸟",
  "⻧": "卤",
  "⻨": "麦",
  "⻩": "黄",
  "⻪": "黾",
  "⻬": "齐",
  "⻮": "齿",
  "⻰": "龙",
  "⻳": "龟",
};

/**
 * A PDF string with radicals folded to the characters they stand for and control characters dropped.
 * @example foldRadicals("卫⽣健康") // → "卫生健康"
 */
export function foldRadicals(s: string): string {
  // (Control characters are what a font without a ToUnicode table gives for its glyphs' numbers.)
  return s.replace(/[\u2e80-\u2fdf]|[^\t\n\P{Cc}]/gu, (c) =>
    c < "\u2e80" ? "" : c >= "\u2f00" ? c.normalize("NFKC") : (RADICALS_SUPPLEMENT[c] ?? c),
  );
}

/** True for a Chinese, Japanese or Korean character or punctuation (text wrapped at one joins with no space). */
export const isCjk = (c: string | undefined): boolean =>
  c !== undefined && /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(c);

/**
 * Joins the pieces of one paragraph or one cell (its printed lines): a space between two Latin words or numbers (a
 * wrap at a space drops the space), nothing next to CJK or punctuation ("1-" + "2家", "覆盖率达" + "85%"; a hyphen at
 * a line's end is kept: Word and browsers do not hyphenate words of their own accord).
 * @example joinPieces(["提升医院HIS", "PACS互联", "1-", "2家"]) // → "提升医院HIS PACS互联1-2家"
 */
export function joinPieces(pieces: readonly string[]): string {
  // (Each piece is looked at alone and joined once: a string grown piece by piece and looked at again is copied each
  // time, in the square of its length.)
  const out: string[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0 && /[A-Za-z0-9]/.test(pieces[i - 1]!.slice(-1)) && /^[A-Za-z0-9]/.test(piece)) out.push(" ");
    out.push(piece);
  });
  return out.join("");
}

/** The lines of one page, top to bottom. */
export function pageLines(items: readonly PdfTextItem[], page: number): PrintedLine[] {
  const kept = items
    .filter((i) => i.str.length > 0 && Number.isFinite(i.x) && Number.isFinite(i.y) && i.size > 0)
    .map((i) => ({ ...i, str: foldRadicals(i.str) }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: (typeof kept)[] = [];
  let current: typeof kept = [];
  let lineY = NaN;
  let lineSize = 0;
  for (const item of kept) {
    if (current.length && Math.abs(item.y - lineY) <= SAME_LINE * Math.max(lineSize, item.size)) {
      current.push(item);
      lineSize = Math.max(lineSize, item.size);
      continue;
    }
    if (current.length) groups.push(current);
    current = [item];
    lineY = item.y;
    lineSize = item.size;
  }
  if (current.length) groups.push(current);
  return groups.flatMap((g) => {
    const line = lineOf(g, page);
    return line ? [line] : [];
  });
}

/** One line from its items (on one baseline): fragments split at wide gaps; null when it is blank. */
function lineOf(items: PdfTextItem[], page: number): PrintedLine | null {
  items.sort((a, b) => a.x - b.x);
  const size = items.reduce((max, i) => Math.max(max, i.size), 0);
  // (A fragment's text is kept in parts, joined once at the end; see joinPieces.)
  const fragments: { parts: string[]; x: number; right: number }[] = [];
  let last: PdfTextItem | null = null;
  for (const item of items) {
    const prev = fragments[fragments.length - 1];
    // A second drawing of the same text a hair to the side is a "bold" made by overprinting: it is read once.
    if (last && item.str === last.str && Math.abs(item.x - last.x) < 0.3 * item.size) continue;
    const blank = !item.str.trim();
    const gap = prev ? item.x - prev.right : 0;
    if (!prev || (gap > CELL_GAP * size && !blank)) {
      if (!blank) fragments.push({ parts: [item.str], x: item.x, right: item.x + item.width });
    } else {
      const before = prev.parts[prev.parts.length - 1] ?? "";
      if (gap > SPACE_GAP * size && !/\s/.test(before.slice(-1)) && !/^\s/.test(item.str))
        prev.parts.push(" ");
      prev.parts.push(item.str);
      prev.right = Math.max(prev.right, item.x + item.width);
    }
    last = item;
  }
  const clean = fragments
    .map((f) => ({ x: f.x, right: f.right, text: f.parts.join("").replace(/\s+/g, " ").trim() }))
    .filter((f) => f.text);
  const first = clean[0];
  const end = clean[clean.length - 1];
  if (!first || !end) return null;
  return {
    fragments: clean,
    y: items[0]!.y,
    size,
    page,
    x: first.x,
    right: end.right,
    text: clean.map((f) => f.text).join(" | "),
  };
}

import { END_MARKERS, PLAN_TITLE_WORDS } from "./lexicon";
import { PART, labelBeforeFigure, readNumbering, type PlanLine } from "./scan-items";

/**
 * A page copied without its paragraph breaks ("…工作要点一、推进医改(一)实施改善行动。…1.完善…;2.推进…二、…") runs
 * the whole plan into one line or a few. Such a text is split into one line per item, at each label that continues
 * the numbering: the next number of a rank already open, or the first of a rank below the last item.
 *
 * A text is taken as run together only when headings (一、 or (一)) follow on inside lines at least twice (a heading
 * never stands inside a sentence), or when labels follow on inside lines and at most one starts a line. A list
 * "(1)…;(2)…" inside a paragraph of a plan written with its breaks is the plan's own wording and is left as written.
 * A part ("第二部分…") and the page's furniture after the body ("相关链接") start a line too. Lines that start with a
 * label and go on with the next one of the same kind are split anyway (see scanItems).
 * @example splitRunTogether(splitLines("要点 一、总体要求 (一)指导思想。坚持… (二)主要目标。… 二、重点任务"))
 *   // → { split: true, lines: ["要点 ", "一、总体要求 ", "(一)指导思想。坚持… ", "(二)主要目标。… ", "二、重点任务"] } (as PlanLines)
 */
export function splitRunTogether(
  lines: readonly PlanLine[],
  /** Known to be run together (pasted page by page, see dropPageMarks): one label inside a line is enough. */
  known = false,
): {
  readonly lines: readonly PlanLine[];
  /** True when the text was run together and has been split. */
  readonly split: boolean;
} {
  const trail = new NumberingTrail();
  const cuts: number[][] = [];
  let headingsInside = 0;
  let inside = 0;
  let atLineStart = 0;
  let ended = false;
  for (const line of lines) {
    const norm = line.norm;
    const first = norm.length - norm.trimStart().length;
    const lineCuts: number[] = [];
    cuts.push(lineCuts);
    // A table row ("1 | 任务 | 1.…；2.…") keeps its cells whole: what they number is the row's own list.
    if (TABLE_ROW.test(norm)) continue;
    // Where a part's heading starts in this line: its first item follows the part's title with no break.
    let partAt = -Infinity;
    for (let at = first; at < norm.length && !ended; at++) {
      const c = norm[at] as string;
      if (
        PAGE_END_START.has(c) &&
        trail.started() &&
        at > first &&
        PAGE_END.some((m) => norm.startsWith(m, at))
      ) {
        // The page's links and buttons after the body: the scanner stops at the line this starts.
        lineCuts.push(at);
        ended = true;
        break;
      }
      if (c === "第" && PART.test(norm.slice(at))) {
        trail.reset();
        partAt = at;
        if (at > first) lineCuts.push(at);
        continue;
      }
      if (!LABEL_START.test(c)) continue;
      const rest = norm.slice(at);
      const label = readNumbering(rest);
      // (An item's text starts with words, "1、2号楼" is a list of numbers; a label run into a figure is read as such.)
      const n = label && TITLE_START.test(rest.slice(label.length)) ? label : labelBeforeFigure(rest);
      if (!n) continue;
      if (at === first) {
        if (trail.take(n.rank, n.number)) atLineStart++;
        continue;
      }
      const before = norm[at - 1] as string;
      if (INSIDE_WORD.test(before) || NOTE.test(norm.slice(Math.max(0, at - 8), at))) continue;
      const bounded =
        BOUNDARY.test(before) ||
        PLAN_TITLE_WORDS.some((w) => norm.endsWith(w, at)) ||
        at - partAt <= PART_TITLE;
      // A bracketed heading "(一)" is unmistakable anywhere; "一、" and "1." need a boundary before a first item.
      if (!bounded && n.number === 1 && !trail.opens(n.rank) && n.rank !== 2) continue;
      if (!trail.take(n.rank, n.number)) continue;
      lineCuts.push(at);
      inside++;
      if (n.rank <= 2) headingsInside++;
      at += n.length - 1;
    }
  }
  const runTogether = headingsInside >= 2 || (atLineStart <= 1 && inside >= (known ? 1 : 2));
  if (!runTogether) return { lines, split: false };
  const split = lines.flatMap((line, i) => {
    const at = [0, ...(cuts[i] ?? []), line.norm.length];
    return at.slice(0, -1).map((start, k) => ({
      text: line.text.slice(start, at[k + 1]),
      norm: line.norm.slice(start, at[k + 1]),
      lineNo: line.lineNo,
    }));
  });
  return { lines: split, split: true };
}

/**
 * Two lines run into one where a plan otherwise has its breaks: a heading and its first item ("一、重点任务1.加强…",
 * "（一）组织领导1.成立…"), or the plan's title and its first heading ("2025年卫生健康工作要点一、任务"). These are split
 * always. Only a short heading title with no punctuation, or a title word, may stand right before the label, so a list
 * inside a sentence ("（一）推进医共体建设。1.完善…；2.…") is left as written.
 * @example splitRunIn(splitLines("一、重点任务1.加强管理。")) // → lines "一、重点任务", "1.加强管理。"
 */
export function splitRunIn(lines: readonly PlanLine[]): PlanLine[] {
  let seenItem = false;
  const split = (line: PlanLine): PlanLine[] => {
    const norm = line.norm;
    const first = norm.length - norm.trimStart().length;
    const own = readNumbering(norm.slice(first));
    let cut = -1;
    if (own) {
      seenItem = true;
      const start = first + own.length;
      for (let at = start + 2; at <= start + HEADING_TITLE && at < norm.length; at++) {
        if (HEADING_TITLE_STOP.test(norm[at - 1] as string)) break;
        if (!LABEL_START.test(norm[at] as string) || INSIDE_WORD.test(norm[at - 1] as string)) continue;
        const n = readNumbering(norm.slice(at));
        if (n && n.number === 1 && n.rank > own.rank && TITLE_START.test(norm.slice(at + n.length))) {
          cut = at;
          break;
        }
      }
    } else if (!seenItem && !TABLE_ROW.test(norm)) {
      for (const w of PLAN_TITLE_WORDS) {
        const at = norm.indexOf(w);
        if (at < 0) continue;
        const rest = norm.slice(at + w.length);
        const next = at + w.length + (rest.length - rest.trimStart().length);
        const n = readNumbering(norm.slice(next));
        if (n && n.number === 1 && n.rank <= 2) {
          cut = next;
          break;
        }
      }
    }
    if (cut < 0) return [line];
    const head = { text: line.text.slice(0, cut), norm: norm.slice(0, cut), lineNo: line.lineNo };
    // (What follows the cut may run a heading into its first item too: "…工作要点一、任务1.加强…".)
    return [head, ...split({ text: line.text.slice(cut), norm: norm.slice(cut), lineNo: line.lineNo })];
  };
  return lines.flatMap(split);
}

/**
 * How long a heading's title run into its first item can be, and what cannot be in it: punctuation, or a quote
 * ("实施“1、3、5”工程" names a programme).
 */
const HEADING_TITLE = 24;
const HEADING_TITLE_STOP = /[。;,:、!?“”"《「]/;

/** A row of a table written as text, its cells split by "|" or tabs. */
const TABLE_ROW = /[|\t]/;

/** What an item's text starts with after its label: words or a quote. */
const TITLE_START = /^\s*[\u4e00-\u9fa5“"《「]/;

/** Characters a label can start with: digits, Chinese numerals, "(", ①…⑳, ⑴…⒇, ⒈…⒛, ㈠…㈩. */
const LABEL_START = /[\d一二三四五六七八九十(\u2460-\u249b\u3220-\u3229]/;

/** A label after these is part of the sentence: "第二、", "1、2、3", "12.", "一、二级", "2.5", "(1)", "“1、3、5”". */
const INSIDE_WORD = /[第\d、.一二三四五六七八九十百零〇(“"「《]/;

/** Where a page's body ends (see END_MARKERS), as found inside a line: not 来源, which a sentence can say too. */
const PAGE_END = END_MARKERS.filter((m) => !m.startsWith("来源"));
const PAGE_END_START = new Set(PAGE_END.map((m) => m[0]));

/** The list of a note ("注：1.…；2.…") is not the plan's numbering. */
const NOTE = /(?:注|说明|备注)\s*:\s*$/;

/** How long a part's heading with its title can be ("第一部分 2025年工作回顾"). */
const PART_TITLE = 30;

/** What a new paragraph can follow once the breaks are gone: white space, the end of a sentence, a closing mark. */
const BOUNDARY = /[\s。;:!?)\]】"”’》]/;

/**
 * The numbering followed through the text: the item open at each rank, and the last number each rank reached (lists
 * numbered on across sections: (一)1.2.(二)3.4.).
 */
class NumberingTrail {
  private open: { rank: number; number: number }[] = [];
  private readonly last = new Map<number, number>();

  /** Whether any item has been taken. */
  started(): boolean {
    return this.last.size > 0;
  }

  /** Whether an item of this rank would be the first under the item open now (the rank is below it). */
  opens(rank: number): boolean {
    const top = this.open[this.open.length - 1];
    return top !== undefined && rank > top.rank;
  }

  /** Takes the label when it continues the numbering (next at an open rank, or first below the open items). */
  take(rank: number, number: number): boolean {
    const at = this.open.findIndex((o) => o.rank === rank);
    const next =
      at >= 0
        ? this.open[at]?.number === number - 1
        : (this.open.length === 0 || this.opens(rank)) &&
          (number === 1 || this.last.get(rank) === number - 1);
    if (!next) return false;
    this.open = [...this.open.filter((o) => o.rank < rank), { rank, number }];
    this.last.set(rank, number);
    return true;
  }

  reset(): void {
    this.open = [];
    this.last.clear();
  }
}

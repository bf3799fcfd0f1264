import { AT_MOST_INDICATORS, END_MARKERS, PLAN_TITLE_WORDS, SECTION_HEADINGS } from "./lexicon";
import { asWritten, normaliseForMatching } from "./normalise-text";
import { labelNumber } from "./numerals";
import { findResponsible } from "./responsible";
import type { ReviewReason } from "./types";

/** One line of the plan: as written, normalised for matching (same length), and its 1-based number. */
export interface PlanLine {
  readonly text: string;
  readonly norm: string;
  readonly lineNo: number;
}

/** A stretch of text belonging to an item: a paragraph or a table cell, with the responsibility clause cut out. */
export interface Segment {
  readonly text: string;
  readonly norm: string;
  readonly lineNo: number;
  /** Why a person should look at what is read from it (a table's value cell, a bare value's direction). */
  readonly review?: readonly ReviewReason[];
}

/** A numbered item of the plan, before deciding which items are tasks (the leaves). */
export interface Item {
  /** 1 一、 · 2 (一) · 3 1. / table row · 4 (1) · 5 ① */
  readonly rank: number;
  /** Path label: "一", "(一)", "1", "(1)", "①". */
  readonly label: string;
  readonly number: number;
  readonly lineNo: number;
  title: string;
  readonly parent: number | null;
  readonly segments: Segment[];
  readonly responsible: string[];
  hasChildren: boolean;
}

interface Numbering {
  readonly rank: number;
  readonly label: string;
  readonly number: number;
  /** Length of the label with its separator, in the line. */
  readonly length: number;
}

const CN = "一二三四五六七八九十百零〇";
const PATTERNS: readonly (readonly [number, RegExp, (m: RegExpExecArray) => string])[] = [
  // (Spaces inside a label, "一 、", "1 .", "（ 二 ）", come from documents converted from PDF.)
  [1, new RegExp(`^([${CN}]{1,4}) ?[、.](?![${CN}])`), (m) => m[1] ?? ""],
  [2, new RegExp(`^\\( ?([${CN}]{1,4}) ?\\)[、.]?`), (m) => `(${m[1]})`],
  // "一）" with the opening bracket left out, as "1）" is read as (1).
  [2, new RegExp(`^([${CN}]{1,4})\\)`), (m) => `(${m[1]})`],
  // ㈠…㈩ and ⒈…⒛: single characters Word and WPS use for (一) and 1.
  [2, /^([\u3220-\u3229])/, (m) => `(${"一二三四五六七八九十"[(m[1] ?? "").charCodeAt(0) - 0x3220]})`],
  [3, /^(\d{1,4}) ?(?:[、]|\.(?!\d))/, (m) => m[1] ?? ""],
  [3, /^([\u2488-\u249b])/, (m) => String((m[1] ?? "").charCodeAt(0) - 0x2487)],
  [4, /^\( ?(\d{1,3}) ?\)[、.]?/, (m) => `(${m[1]})`],
  [4, /^(\d{1,3})\)/, (m) => `(${m[1]})`],
  [4, /^([\u2474-\u2487])/, (m) => `(${(m[1] ?? "").charCodeAt(0) - 0x2473})`],
  [5, /^([\u2460-\u2473])[、.]?/, (m) => m[1] ?? ""],
];

/** Reads the numbering label at the start of a normalised, left-trimmed line. */
export function readNumbering(norm: string): Numbering | null {
  for (const [rank, re, label] of PATTERNS) {
    const m = re.exec(norm);
    if (!m) continue;
    const l = label(m);
    const n = labelNumber(l.replace(/[()]/g, ""));
    if (n === null || n === 0) return null;
    return { rank, label: l, number: n, length: m[0].length };
  }
  return null;
}

/** Splits text into lines, normalised for matching, without the BOM. */
export function splitLines(text: string): PlanLine[] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return clean.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, norm: normaliseForMatching(t), lineNo: i + 1 }));
}

/** Title of an item: the text after its label up to the first "。", without trailing ",;:" and spaces. */
function itemTitle(text: string): string {
  const stop = text.indexOf("。");
  const head = stop >= 0 ? text.slice(0, stop) : text;
  // (Trimmed by hand: a regex ending in "+$" is quadratic on a long run of these inside the text.)
  let end = head.length;
  while (end > 0 && TITLE_TRAIL.test(head[end - 1] as string)) end--;
  return head.slice(0, end).trim();
}

/**
 * A heading's title where a page pasted without its breaks ran the heading into its paragraph ("一、总体要求到2022年，
 * 初步形成…"): a plan's standard section heading ends the title. Any other title is kept as it is.
 * @example headingTitle("總體要求到2022年,初步形成…", "总体要求到2022年,初步形成…") // → "總體要求"
 */
function headingTitle(title: string, norm: string): string {
  const word = SECTION_HEADINGS.find((w) => norm.startsWith(w));
  // (Run into a paragraph: the rest reads as sentences, long and punctuated; "总体要求和主要预期目标" is one heading.)
  const rest = norm.slice(word?.length ?? 0, title.length);
  if (!word || rest.length < 10 || !/[,;:]/.test(rest) || /^[\s,;:。、(]/.test(rest)) return title;
  return title.slice(title.length - title.trimStart().length).slice(0, word.length);
}

/** What an item's title does not end with. */
const TITLE_TRAIL = /[\s,，;；:：、]/;

/** Cuts the responsibility clauses out of a line: what is left, and the units they name. */
function cutResponsible(line: PlanLine): { text: string; norm: string; units: string[] } {
  const clauses = findResponsible(line.norm);
  // What is left between the clauses is joined once (cutting them out one by one copies the line for each).
  const text: string[] = [];
  const norm: string[] = [];
  let left = 0;
  for (const c of clauses) {
    if (c.start > left) {
      text.push(line.text.slice(left, c.start));
      norm.push(line.norm.slice(left, c.start));
    }
    left = Math.max(left, c.end);
  }
  text.push(line.text.slice(left));
  norm.push(line.norm.slice(left));
  const units = new Set<string>();
  for (const c of clauses)
    for (const u of writtenUnits(c.units, line.norm.slice(c.start, c.end), line.text.slice(c.start, c.end)))
      units.add(u);
  return { text: text.join(""), norm: norm.join(""), units: [...units] };
}

/**
 * Units named in a clause, as the document writes them where they stand: each is looked for after the one before,
 * not in all of a long clause for each unit.
 */
function writtenUnits(units: readonly string[], norm: string, text: string): string[] {
  if (norm === text) return [...units];
  let from = 0;
  return units.map((unit) => {
    const at = norm.indexOf(unit, from);
    if (at < 0) return asWritten(unit, norm, text);
    from = at + unit.length;
    return asWritten(unit, norm.slice(at, from), text.slice(at, from));
  });
}

/**
 * "(一)加强组织领导;(二)强化资金保障;(三)严格督导考核。": items run on in one line are split into one line each, where a
 * label of the same kind with the next number follows a ";" or "。".
 */
function splitRunOnItems(line: PlanLine): PlanLine[] {
  const lead = line.norm.length - line.norm.trimStart().length;
  const first = readNumbering(line.norm.slice(lead));
  if (!first) return [line];
  const parts: PlanLine[] = [];
  let start = 0;
  let expected = first.number + 1;
  for (let at = lead + first.length; at < line.norm.length; at++) {
    const c = line.norm[at];
    if (c !== ";" && c !== "。") continue;
    let next = at + 1;
    while (line.norm[next] === " ") next++;
    const n = readNumbering(line.norm.slice(next));
    if (!n || n.rank !== first.rank || n.number !== expected) continue;
    parts.push({ ...line, text: line.text.slice(start, next), norm: line.norm.slice(start, next) });
    start = next;
    expected++;
  }
  if (start === 0) return [line];
  parts.push({ ...line, text: line.text.slice(start), norm: line.norm.slice(start) });
  return parts;
}

/** A line that looks like the plan's own title: short, names a plan, not the notice that issues it. */
export function isTitleLine(norm: string): boolean {
  const s = norm.trim();
  return (
    s.length >= 4 &&
    s.length <= 60 &&
    PLAN_TITLE_WORDS.some((w) => s.endsWith(w) || s.endsWith(`${w}(试行)`)) &&
    !/^关于/.test(s) &&
    !PART.test(s) &&
    !/[。,;:]/.test(s) &&
    readNumbering(s) === null
  );
}

/**
 * A part of a plan written in parts ("第二部分 2026年重点工作"): not an item, but its items are numbered afresh
 * (一、 again), so a number is looked at only against the items of its own part.
 */
export const PART = /^第[一二三四五六七八九十\d]{1,3}部分/;

function isEndMarker(norm: string): boolean {
  const s = norm.trim();
  return (
    END_MARKERS.some((m) => s.startsWith(m)) ||
    /^附件\s*\d*\s*[:：]?\s*$/.test(s) ||
    /^附件\s*\d*[:：]/.test(s)
  );
}

/**
 * Finds the numbered items of a plan and their parents: the parent of an item is the nearest preceding item of a
 * lower rank. Text before the plan's own title line and after the page's end (来源, 相关链接…) is left out.
 */
export function scanItems(allLines: readonly PlanLine[]): Item[] {
  const lines = allLines.flatMap(splitRunOnItems);
  const items: Item[] = [];
  const bodyStart = findBodyStart(lines);
  const lastAtRank = new Map<number, number>();
  const table: TableColumns = {
    titleColumn: 1,
    responsibleColumn: -1,
    unitColumn: -1,
    valueColumns: new Map(),
  };
  let current: Item | null = null;
  // Where the current part's items start (see PART).
  let partStart = 0;
  for (let i = bodyStart; i < lines.length; i++) {
    const line = lines[i] as PlanLine;
    if (items.length > 0 && isEndMarker(line.norm)) break;
    if (PART.test(line.norm.trim())) {
      partStart = items.length;
      lastAtRank.clear();
      current = null;
      continue;
    }
    const cells = tableCells(line.norm);
    if (cells && isTableHeader(cells)) {
      table.titleColumn = cells.findIndex((c, k) => k > 0 && !/序号/.test(c));
      table.responsibleColumn = cells.findIndex((c) => /责任|牵头/.test(c));
      table.unitColumn = cells.findIndex((c) => /^(?:计量)?单位$/.test(c));
      table.valueColumns = goalColumns(cells);
      table.otherColumns = figureColumns(cells, table.valueColumns);
      continue;
    }
    const lead = line.norm.length - line.norm.trimStart().length;
    const tableRow = cells ? tableNumbering(cells) : null;
    const numbering =
      tableRow ??
      readNumbering(line.norm.slice(lead)) ??
      numberBeforeFigure(items, lastAtRank, line.norm.slice(lead), nextText(lines, i));
    const parent = numbering ? parentOf(items, numbering.rank, partStart) : null;
    const titled = /^\s*[\u4e00-\u9fa5“"]/.test(line.norm.slice(lead + (numbering?.length ?? 0)));
    if (
      numbering &&
      acceptsNumber(
        items,
        lastAtRank,
        parent,
        numbering,
        partStart,
        titled,
        tableRow !== null,
        titled && opensList(numbering, nextText(lines, i))
          ? itemTitle(line.text.slice(lead + numbering.length))
          : null,
        introducesList(lines, i),
      )
    ) {
      const item =
        cells && tableRow
          ? tableItem(line, cells, numbering, parent, table)
          : textItem(line, lead, numbering, parent);
      if (parent !== null) (items[parent] as Item).hasChildren = true;
      items.push(item);
      lastAtRank.set(numbering.rank, numbering.number);
      current = item;
    } else if (current && line.norm.trim()) {
      const cut = cutResponsible(line);
      addUnits(current.responsible, cut.units);
      if (cut.norm.trim()) addBody(current, { text: cut.text, norm: cut.norm, lineNo: line.lineNo });
    }
  }
  return items;
}

/** Whether the line after an item's opens a list under it: its first item, of a deeper rank. */
function opensList(n: Numbering, next: string | undefined): boolean {
  const first = next === undefined ? null : readNumbering(next);
  return first !== null && first.rank > n.rank && first.number === 1;
}

/**
 * Whether `n` goes on from a number of its rank and parent before a list that restarted at 1 (looked for among the
 * last RESUME_REACH items, so a long text stays linear).
 */
function resumes(
  items: readonly Item[],
  n: Numbering,
  parent: number | null,
  last: Item,
  from: number,
): boolean {
  if (n.number < 2 || last.number >= n.number) return false;
  let restarted = false;
  for (let k = items.length - 1; k >= Math.max(from, items.length - RESUME_REACH) && k !== parent; k--) {
    const it = items[k] as Item;
    if (it.rank !== n.rank || it.parent !== parent) continue;
    if (it.number === 1) restarted = true;
    else if (restarted && it.number === n.number - 1) return true;
  }
  return false;
}

const RESUME_REACH = 64;

/** Whether the text before line i ends by opening a list ("…包括：", "具体如下", "…:"). */
function introducesList(lines: readonly PlanLine[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const norm = (lines[k] as PlanLine).norm.trim();
    if (norm) return /(?:[:]|包括|如下|以下几个方面|以下工作)$/.test(norm);
  }
  return false;
}

/** The next line with text after line i, left-trimmed. */
function nextText(lines: readonly PlanLine[], i: number): string | undefined {
  for (let k = i + 1; k < lines.length; k++) {
    const norm = (lines[k] as PlanLine).norm.trimStart();
    if (norm) return norm;
  }
  return undefined;
}

/** Units already in each item's list, so that adding to a long list does not search it for each unit. */
const unitsIn = new WeakMap<string[], Set<string>>();

/** Adds the units not yet in `list`, in order. */
function addUnits(list: string[], units: readonly string[]): void {
  const seen = unitsIn.get(list) ?? new Set(list);
  unitsIn.set(list, seen);
  for (const u of units)
    if (!seen.has(u)) {
      seen.add(u);
      list.push(u);
    }
}

/**
 * Adds a body line to an item. A label alone on its line ("1." then the text below) takes its title from the
 * first body line. A line that continues a hard-wrapped sentence (the previous body line is long and stops
 * without punctuation) is joined to it, so that a target or a deadline is not cut in two.
 */
function addBody(item: Item, segment: Segment): void {
  if (!item.title) item.title = itemTitle(segment.text.trim());
  const last = item.segments[item.segments.length - 1];
  const wrapped =
    last !== undefined &&
    last.norm.length < JOIN_REACH &&
    (last.lineNo !== item.lineNo || last.norm.includes("。")) &&
    last.norm.trim().length >= 20 &&
    !/[。;!?:)]\s*$/.test(last.norm) &&
    !/^\s*(到|至)?20\d\d年/.test(segment.norm);
  if (wrapped) {
    item.segments[item.segments.length - 1] = {
      text: last.text.trimEnd() + segment.text.trim(),
      norm: last.norm.trimEnd() + segment.norm.trim(),
      lineNo: last.lineNo,
    };
  } else {
    item.segments.push(segment);
  }
}

/**
 * How long a paragraph joined from hard-wrapped lines can grow (real ones run to a few hundred characters): past it a
 * line starts a paragraph of its own, so that joining lines does not copy an ever longer paragraph (quadratic).
 */
const JOIN_REACH = 5000;

/** The body starts after the last title line that comes before the first numbered item. */
function findBodyStart(lines: readonly PlanLine[]): number {
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const norm = (lines[i] as PlanLine).norm;
    if (readNumbering(norm.trimStart())) break;
    if (isTitleLine(norm)) start = i + 1;
  }
  return start;
}

/**
 * An item label run into an age, a type, a share, a count of whole things, a hotline, a year or a month reads like a
 * decimal: "11.15岁以上人群吸烟率…", "1.0-6岁儿童…", "2.2型糖尿病…", "1.100%的社区…", "2.3家医院…", "3.120急救电话…",
 * "4.2025年底前…", "1.6月底前…". Taken as item N when N follows on: the next number of the list just before (item
 * N-1 of that rank is the last item, or the last of the sections before when numbers run on across them), 1 right
 * under a heading, or any N right under a heading when the next line is item N+1 (a list that starts where an
 * earlier part left off: "12.0-6岁…" then "13.65岁…"). So a line starting with a real decimal ("2.5亿元") stays text.
 */
function numberBeforeFigure(
  items: readonly Item[],
  lastAtRank: ReadonlyMap<number, number>,
  norm: string,
  next: string | undefined,
): Numbering | null {
  const n = labelBeforeFigure(norm);
  const last = items[items.length - 1];
  if (n === null || last === undefined) return null;
  if (last.rank === 3) return last.number === n.number - 1 ? n : null;
  if (last.rank > 3) return null;
  if (n.number === 1 || lastAtRank.get(3) === n.number - 1) return n;
  const following = next === undefined ? null : (readNumbering(next) ?? labelBeforeFigure(next));
  return following?.rank === 3 && following.number === n.number + 1 ? n : null;
}

/** The label "N." of a text that starts like a decimal run into a figure (see numberBeforeFigure), whatever N is. */
export function labelBeforeFigure(norm: string): Numbering | null {
  const m =
    /^(\d{1,4})\.(?=\d{1,3}(?:[-~—–]\d{1,3})?(?:周岁|岁)|\d型|\d{1,3}%的|\d{1,3}(?:家|所|名|项)|(?!\d*(?:亿|万|元|倍))\d{3,}(?=[\u4e00-\u9fa5])|20\d\d年|(?:[1-9]|1[0-2])月)/.exec(
      norm,
    );
  return m ? { rank: 3, label: m[1] ?? "", number: Number(m[1]), length: m[0].length } : null;
}

function parentOf(items: readonly Item[], rank: number, from = 0): number | null {
  for (let k = items.length - 1; k >= from; k--) if ((items[k] as Item).rank < rank) return k;
  return null;
}

/**
 * Numbers go up by one, restart at 1 in each section, or continue across sections. Anything else ("2.5亿元",
 * a stray "3、" in a sentence) is text, not an item.
 */
function acceptsNumber(
  items: readonly Item[],
  lastAtRank: ReadonlyMap<number, number>,
  parent: number | null,
  n: Numbering,
  from = 0,
  titled = false,
  tableRow = false,
  heading: string | null = null,
  introduced = false,
): boolean {
  let sibling: Item | undefined;
  for (let k = items.length - 1; k >= from && k !== parent; k--) {
    const it = items[k] as Item;
    if (it.rank === n.rank && it.parent === parent) {
      sibling = it;
      break;
    }
  }
  // Under one parent, numbers go up by one. A second "1." under the same parent is a new list that is not part
  // of the plan (a list of related links after the body), not a restart. A number skipped once (a slip of the
  // writer's, or a label this reader missed) is passed over when what follows reads as an item's title, so one miss
  // does not lose the items after it.
  // (The rows of a table may be a selection of a longer one: 81, 85, 87; they only go up.)
  if (sibling && tableRow) return n.number > sibling.number;
  // A heading's number written twice ("一、…" then "一、…" again, each opening its own list) is the writer's slip: the
  // second is the next heading, so neither its items nor those after it are lost. (The same heading again is a
  // mention of it, as an opening paragraph listing the headings to come, not a slip.)
  if (sibling)
    return (
      n.number === sibling.number + 1 ||
      (titled && n.number === sibling.number + 2) ||
      (heading !== null && n.number === sibling.number && heading !== sibling.title) ||
      // A list the text before opens ("…包括：", "如下:") starts at 1 again where the paragraphs' numbers went on,
      // and the paragraphs' numbers go on after it ("192.…包括：1.… 2.… 193.…").
      (introduced && n.number === 1) ||
      resumes(items, n, parent, sibling, from)
    );
  if (n.number === 1) return true;
  // (Numbers that run on across sections may skip one too: "一、…1.… 2.…" then "二、 4.…" when 3. was missed.)
  // A number past 999 ("2025." opening a sentence about the year) is an item only where the list runs on to it.
  const global = lastAtRank.get(n.rank);
  if (global === undefined) return n.number < 1000;
  return n.number === global + 1 || (titled && n.number === global + 2);
}

function textItem(line: PlanLine, lead: number, n: Numbering, parent: number | null): Item {
  const cut = cutResponsible(line);
  const offset = lead + n.length;
  let text = cut.text.slice(offset);
  let norm = cut.norm.slice(offset);
  let title = itemTitle(text);
  // A heading run into its paragraph: the paragraph goes on after the heading's word (so "到2022年" opens it).
  const heading = n.rank <= 2 ? headingTitle(title, norm.trimStart()) : title;
  if (heading !== title) {
    const at = norm.length - norm.trimStart().length + heading.length;
    [title, text, norm] = [heading, text.slice(at), norm.slice(at)];
  }
  return {
    rank: n.rank,
    label: n.label,
    number: n.number,
    lineNo: line.lineNo,
    title,
    parent,
    segments: norm.trim() ? [{ text, norm, lineNo: line.lineNo }] : [],
    responsible: cut.units,
    hasChildren: false,
  };
}

/** Cells of a table row written as text ("1 | 任务 | 目标 | 责任单位" or tab-separated), or null. */
function tableCells(norm: string): string[] | null {
  const sep = norm.includes("|") ? "|" : norm.includes("\t") ? "\t" : null;
  if (!sep) return null;
  const all = norm.split(sep).map((c) => c.trim());
  // (Empty cells at either end are dropped by index: shift() on a long array copies it each time.)
  let first = 0;
  let end = all.length;
  while (first < end && all[first] === "") first++;
  while (end > first && all[end - 1] === "") end--;
  const cells = all.slice(first, end);
  return cells.length >= 2 ? cells : null;
}

function isTableHeader(cells: readonly string[]): boolean {
  return /^序号$|^编号$/.test(cells[0] ?? "");
}

function tableNumbering(cells: readonly string[]): Numbering | null {
  // (A long table's rows run past 999.)
  const m = /^(\d{1,4})[.、]?$/.exec(cells[0] ?? "");
  return m ? { rank: 3, label: m[1] ?? "", number: Number(m[1]), length: 0 } : null;
}

function tableItem(
  line: PlanLine,
  cells: readonly string[],
  n: Numbering,
  parent: number | null,
  table: TableColumns,
): Item {
  const rawCells = splitRawCells(line.text, cells.length);
  const segments: Segment[] = [];
  const responsible: string[] = [];
  cells.forEach((cell, k) => {
    if (k === 0) return;
    if (k === table.responsibleColumn) {
      addUnits(responsible, writtenUnits(splitResponsibleCell(cell), cell, rawCells[k] ?? cell));
      return;
    }
    // A 单位 column gives the unit of the row's values ("岁", "/10万", "%"); it is not text of the task.
    if (k === table.unitColumn) return;
    const titleColumn = table.titleColumn > 0 ? table.titleColumn : 1;
    const unit =
      table.unitColumn > 0
        ? { norm: cells[table.unitColumn] ?? "", text: rawCells[table.unitColumn] ?? "" }
        : null;
    const goal = k === titleColumn ? undefined : table.valueColumns.get(k);
    const value =
      goal === undefined
        ? null
        : valueCell(
            cells[titleColumn] ?? "",
            rawCells[titleColumn] ?? "",
            cell,
            rawCells[k] ?? cell,
            unit,
            goal,
          );
    // A baseline or another year's figure is not text of the task either.
    if (goal === undefined && table.otherColumns?.has(k)) return;
    segments.push(
      value
        ? { ...value, lineNo: line.lineNo }
        : { text: rawCells[k] ?? cell, norm: cell, lineNo: line.lineNo },
    );
  });
  const titleCell = rawCells[table.titleColumn > 0 ? table.titleColumn : 1] ?? "";
  return {
    rank: n.rank,
    label: n.label,
    number: n.number,
    lineNo: line.lineNo,
    title: itemTitle(titleCell),
    parent,
    segments,
    responsible,
    hasChildren: false,
  };
}

/** Headings of a column of target values (目标值, 2025年目标, 预期值…), not of scores (分值) or dates. */
const VALUE_HEADING = /目标|指标值|预期值|任务值|计划值/;
/** A heading that is a year ("2025年", "2025", "2025年目标值"). */
const YEAR_HEADING = /^(?:到)?(20\d\d)年?(?:底|末)?(?:目标值?|预期值?|指标值?|值)?$/;
/** A heading of where things stand, not a goal (基期值, 现状, 基线). */
const BASE_HEADING = /基期|现状|基线|基数|现值|基准|完成情况|实际/;

/** What the columns of a table hold, read from its heading row. */
interface TableColumns {
  titleColumn: number;
  responsibleColumn: number;
  unitColumn: number;
  /** Columns of goals, each with the year it is for (its deadline), or null. */
  valueColumns: ReadonlyMap<number, number | null>;
  /** Columns of baselines and other figures that are neither the row's text nor a goal. */
  otherColumns?: ReadonlySet<number>;
}

/**
 * The goal columns of a table's heading row and the year of each: a 目标值 column, and year columns ("2023年 | 2025年
 * | 2027年"), of which the first is the baseline when goal years follow it (or when its heading says 基期/现状).
 * @example goalColumns(["序号", "指标", "2023年", "2025年", "2027年"]) // → Map { 3 => 2025, 4 => 2027 }
 */
function goalColumns(cells: readonly string[]): Map<number, number | null> {
  const goals = new Map<number, number | null>();
  const years: [number, number][] = [];
  cells.forEach((c, k) => {
    if (BASE_HEADING.test(c)) return;
    const year = YEAR_HEADING.exec(c) ?? /(20\d\d)年.*(?:目标|预期)/.exec(c);
    if (year) years.push([k, Number(year[1])]);
    else if (VALUE_HEADING.test(c)) goals.set(k, null);
  });
  const saysGoal = (k: number) => /目标|预期/.test(cells[k] ?? "");
  years.forEach(([k, year], i) => {
    const baseline = i === 0 && years.length > 1 && !saysGoal(k) && years.some(([, y]) => y > year);
    if (!baseline) goals.set(k, year);
  });
  return goals;
}

/** The columns of a heading row that hold figures but no goal (a baseline, a past year). */
function figureColumns(cells: readonly string[], goals: ReadonlyMap<number, number | null>): Set<number> {
  const out = new Set<number>();
  cells.forEach((c, k) => {
    if (!goals.has(k) && (BASE_HEADING.test(c) || YEAR_HEADING.test(c) || /性质|属性|类型/.test(c)))
      out.add(k);
  });
  return out;
}

/** A cell that holds only a target value: "≤10", "≥95%", "3.2", "90%以上". */
const VALUE_CELL =
  /^(?:[<>]=?|[≥≤≧≦]|不低于|不少于|不高于|不超过|达到)?\s*\d+(?:\.\d+)?\s*(?:%|‰)?\s*(?:以上|以下|以内|左右)?$/;

/**
 * A table of indicators ("孕产妇死亡率(/10万) | ≤10", or a 单位 column: "孕产妇死亡率 | /10万 | ≤10"): a value cell is
 * read with the row's indicator and unit as the sentence "孕产妇死亡率≤10/10万" (a bare number as 达到 it).
 */
function valueCell(
  titleNorm: string,
  titleText: string,
  norm: string,
  text: string,
  unitCell: { readonly norm: string; readonly text: string } | null = null,
  year: number | null = null,
): { text: string; norm: string; review: ReviewReason[] } | null {
  if (
    !VALUE_CELL.test(norm) ||
    !titleNorm ||
    titleNorm.length !== titleText.length ||
    norm.length !== text.length
  )
    return null;
  const bracket = /^(.*?)\(([^()]{1,8})\)$/.exec(titleNorm);
  const name = bracket ? (bracket[1] ?? "") : titleNorm;
  const column =
    !bracket && unitCell && unitCell.norm.length <= 8 && unitCell.norm.length === unitCell.text.length
      ? unitCell
      : null;
  const unit = /[%‰]/.test(norm) ? "" : bracket ? (bracket[2] ?? "") : (column?.norm ?? "");
  const unitText = !unit
    ? ""
    : bracket
      ? titleText.slice(name.length + 1, name.length + 1 + unit.length)
      : (column?.text ?? "");
  const number = /\d+(?:\.\d+)?/.exec(norm);
  const cut = number ? number.index + number[0].length : norm.length;
  // A bare value goes the way its indicator does: a rate of deaths or illness is to stay under it.
  const bare = /^\s*\d/.test(norm) && !/以上|以下|以内|左右/.test(norm);
  const atMost = AT_MOST_INDICATORS.some((w) => name.includes(w));
  const verb = !/^\s*\d/.test(norm) ? "" : atMost ? "控制在" : "达到";
  // A year column is the goal's deadline, said as the plan would ("到2025年,").
  const by = year === null ? "" : `到${year}年,`;
  return {
    norm: `${by}${name}${verb}${norm.slice(0, cut)}${unit}${norm.slice(cut)}${bare && atMost ? "以下" : ""}`,
    text: `${by}${titleText.slice(0, name.length)}${verb}${text.slice(0, cut)}${unitText}${text.slice(cut)}${bare && atMost ? "以下" : ""}`,
    review: bare ? ["from_table", "direction_from_indicator"] : ["from_table"],
  };
}

function splitRawCells(text: string, count: number): string[] {
  const sep = text.includes("|") || text.includes("｜") ? /[|｜]/ : /\t/;
  const cells = text.split(sep).map((c) => c.trim());
  let first = 0;
  while (cells.length - first > count && cells[first] === "") first++;
  return cells.slice(first);
}

function splitResponsibleCell(cell: string): string[] {
  const labelled = findResponsible(cell.includes(":") ? cell : `责任单位:${cell}`);
  return labelled.flatMap((c) => [...c.units]);
}

import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { measureOf } from "../template/measure";
import { joinCellLines } from "./cell-lines";
import { withMeaning } from "./target-meaning";
import { findTimePhrases } from "./deadline";
import { extractTargets, type FoundTarget } from "./extract-targets";
import { isTitleLine, readNumbering, scanItems, splitLines, type Item, type PlanLine } from "./scan-items";
import { approxTolerance } from "./task-list-json";
import { BASE_SECTION_WORDS, FORWARD_SECTION_WORDS, PLAN_TITLE_WORDS } from "./lexicon";
import { normaliseForMatching } from "./normalise-text";
import { textTooLarge } from "./plan-size";
import { dropPageMarks } from "./page-markers";
import { splitRunIn, splitRunTogether } from "./run-together";
import type { Target, Task, TaskList } from "./types";

/** Result of parsing: the task list that could be built, and findings about the text. */
export interface ParseResult {
  readonly taskList: TaskList;
  readonly findings: readonly Finding[];
}

/**
 * Parses the text of a work plan into its task list: the numbered leaves with their path, title and
 * responsible units, and every quantitative target with operator, value or range, unit and deadline.
 * Never throws on any text; a text with no numbered items gives a finding, and a text over MAX_PLAN_BYTES is not read
 * (a finding too). Time and memory grow in proportion to the text, whatever it holds.
 * @example parsePlan("2024年工作要点\n一、强化能力\n1.提升服务。全市孕产妇死亡率控制在12/10万以下。")
 *   // → { taskList: { title: "2024年工作要点", year: 2024, tasks: [{ id: "1", path: ["一", "1"], title: "提升服务", … }],
 *   //      targets: [{ task: "1", op: "<=", value: 12, unitOfMeasure: "/10万", … }] }, findings: [] }
 */
export function parsePlan(text: string): ParseResult {
  // A text over the size limit is not read at all (see MAX_PLAN_BYTES).
  const tooLarge = textTooLarge(text);
  if (tooLarge) return { taskList: { title: "", year: null, tasks: [], targets: [] }, findings: [tooLarge] };
  const paged = dropPageMarks(joinCellLines(splitLines(text)));
  const { lines, items, split } = readItems(paged.lines, paged.paged);
  const title = findTitle(lines.slice(0, firstNumberedLine(lines)));
  const year = findYear(title, lines);
  if (!text.trim()) {
    return {
      taskList: { title, year, tasks: [], targets: [] },
      findings: [makeFinding("plan.empty", { kind: "plan", line: 1 })],
    };
  }
  const leaves = items.map((item, index) => ({ item, index })).filter(({ item }) => !item.hasChildren);
  if (leaves.length === 0) {
    // Prose only: what can be read is read (targets of no task), never refused.
    // (Past the title's own line; a title found inside a run-together line leaves the line's text to read.)
    const titleAt = lines.findIndex(
      (l) => title !== "" && l.text.trim().length <= title.length + 20 && l.text.includes(title),
    );
    const targets = lines
      .slice(titleAt + 1)
      .flatMap((l) => extractTargets(l.text, l.norm, year).map((found) => toTarget("", found)));
    const finding = targets.length
      ? makeFinding("plan.no_items_targets", { kind: "plan", line: 1 }, { count: targets.length })
      : makeFinding("plan.no_items", { kind: "plan", line: 1 });
    return { taskList: { title, year, tasks: [], targets }, findings: [finding] };
  }
  const taskOfItem = new Map<number, string>();
  const tasks: Task[] = leaves.map(({ item, index }, k) => {
    const id = String(k + 1);
    taskOfItem.set(index, id);
    return {
      id,
      path: pathOf(items, index),
      title: item.title,
      responsible: item.responsible,
      line: item.lineNo,
    };
  });
  const targets: Target[] = [];
  const lookingBack = lookingBackItems(items, title);
  const listDeadline = listDeadlines(items, year);
  items.forEach((item, index) => {
    const task = taskOfItem.get(index) ?? taskOfItem.get(firstLeafUnder(items, index) ?? -1);
    if (task === undefined || lookingBack.has(index)) return;
    const inherited = listDeadline[index] ?? null;
    for (const segment of item.segments) {
      for (const found of extractTargets(segment.text, segment.norm, year, { review: segment.review })) {
        const dated: FoundTarget =
          found.deadline === null && inherited !== null
            ? { ...found, deadline: inherited, review: [...found.review, "deadline_from_paragraph"] }
            : found;
        targets.push(toTarget(task, dated));
      }
    }
  });
  const order = new Map(tasks.map((t, i) => [t.id, i]));
  targets.sort((a, b) => (order.get(a.task) ?? 0) - (order.get(b.task) ?? 0));
  // A text that had lost its paragraph breaks was split at its labels: worth a look by whoever pasted it.
  const findings = split ? [makeFinding("plan.run_together", { kind: "plan", line: 1 })] : [];
  return { taskList: { title, year, tasks, targets }, findings };
}

/**
 * The plan's items, from its lines as written or, when the text looks run together, split at its labels
 * (splitRunTogether): the split is kept only when it finds at least as many tasks (and, as many, at least as many
 * items) and not the same ones, so a plan with its breaks whose opening paragraph happens to list "一、…；二、…" is
 * read as written.
 */
function readItems(
  original: readonly PlanLine[],
  paged = false,
): {
  lines: readonly PlanLine[];
  items: Item[];
  split: boolean;
} {
  // (A heading run into its first item is split either way; whether the text is run together is judged on the lines
  // as they came.)
  const plain = splitRunIn(original);
  const asWritten = scanItems(plain);
  const together = splitRunTogether(original, paged);
  if (!together.split) return { lines: plain, items: asWritten, split: false };
  const split = scanItems(together.lines);
  // (As many tasks either way: the split wins unless it finds fewer items; it reads a heading run into a sentence,
  // "…。五、保障措施", that the lines as written miss.)
  const gained = leafCount(split) - leafCount(asWritten);
  const better = gained > 0 || (gained === 0 && split.length >= asWritten.length);
  return better && leafPaths(split) !== leafPaths(asWritten)
    ? { lines: together.lines, items: split, split: true }
    : { lines: plain, items: asWritten, split: false };
}

const leafCount = (items: readonly Item[]): number => items.filter((i) => !i.hasChildren).length;

/** The tasks' paths, as one string to compare two readings by. */
const leafPaths = (items: readonly Item[]): string =>
  items.flatMap((item, i) => (item.hasChildren ? [] : [pathOf(items, i).join("/")])).join(" ");

function pathOf(items: readonly Item[], index: number): string[] {
  const path: string[] = [];
  for (let k: number | null = index; k !== null; k = (items[k] as Item).parent)
    path.unshift((items[k] as Item).label);
  return path;
}

/** A paragraph that opens a list: "到2027年，全市实现以下目标：", "到2012年,…达到以下目标任务:". */
const OPENS_LIST = /(?:以下|如下|下列)[^。]{0,10}[:：]\s*$|[:：]\s*$/;

/**
 * For each item, the deadline its list opener gives the items under it: a time phrase in a paragraph of a heading
 * that opens a list ("(二)阶段性目标。到2012年,…达到以下目标任务:") covers every target below it that has none of its
 * own.
 */
function listDeadlines(items: readonly Item[], year: number | null): (string | null)[] {
  const own = items.map((item) => {
    const last = item.segments[item.segments.length - 1];
    const text = last?.norm.trim() ?? normaliseForMatching(item.title);
    if (!item.hasChildren || !OPENS_LIST.test(text)) return null;
    return findTimePhrases(text, year)[0]?.date ?? null;
  });
  const out: (string | null)[] = [];
  items.forEach((item, i) => {
    out.push(own[i] ?? (item.parent !== null ? (own[item.parent] ?? out[item.parent] ?? null) : null));
  });
  return out;
}

/** A heading of what a plan looks back on (一、工作开展情况, (一)发展基础), not of work to do. */
const looksBackOn = (title: string): boolean => {
  const norm = normaliseForMatching(title);
  return (
    BASE_SECTION_WORDS.some((w) => norm.includes(w)) && !FORWARD_SECTION_WORDS.some((w) => norm.includes(w))
  );
};

/**
 * The items whose figures are achievements, not targets: under a heading that looks back (工作开展情况, 发展基础,
 * 主要成效…), or all of them in a text that is a report (a 工作总结 with no plan in it).
 */
function lookingBackItems(items: readonly Item[], title: string): Set<number> {
  const back = new Set<number>();
  const report = looksBackOn(title);
  items.forEach((item, i) => {
    if (report || looksBackOn(item.title) || (item.parent !== null && back.has(item.parent))) back.add(i);
  });
  return back;
}

/** Targets written in a heading that has sub-items go to its first task. */
function firstLeafUnder(items: readonly Item[], index: number): number | null {
  for (let k = index + 1; k < items.length; k++) {
    const it = items[k] as Item;
    if (it.rank <= (items[index] as Item).rank) return null;
    if (!it.hasChildren) return k;
  }
  return null;
}

/** Units the reader knows (LABELING's list and the counters): anything else read after a number is worth a look. */
const KNOWN_UNITS = new Set([
  "%",
  "‰",
  "/10万",
  "/万",
  "级",
  "岁",
  "元",
  "万元",
  "亿元",
  "万人",
  "倍",
  "ratio",
  "个百分点",
]);
const unitRecognised = (unit: string | null): boolean =>
  unit === null || KNOWN_UNITS.has(unit) || measureOf(unit) === "count" || /\/\d*[千万]?人/.test(unit);

/** A found target with its meaning (scope and roll-up) read from its clause (see target-meaning.ts). */
function toTarget(task: string, f: FoundTarget): Target {
  const base = {
    task,
    text: f.text,
    indicator: f.indicator,
    unitOfMeasure: f.unit,
    deadline: f.deadline,
    review: [...f.review, ...(unitRecognised(f.unit) ? [] : ["unit_unrecognised" as const])],
  };
  const [a = 0, b = a] = f.values;
  switch (f.op) {
    case "between":
      return withMeaning({ ...base, op: "between", min: a, max: b });
    case "approx":
      return withMeaning({ ...base, op: "approx", value: a, tolerance: approxTolerance(a) });
    default:
      return withMeaning({ ...base, op: f.op, value: a });
  }
}

/** Index of the first line that starts with a numbering label (the title is looked for above it). */
function firstNumberedLine(lines: readonly PlanLine[]): number {
  const i = lines.findIndex((l) => readNumbering(l.norm.trimStart()) !== null);
  return i < 0 ? lines.length : i;
}

/** The plan's title, above its first item: its own title line, else the plan named in 《》, else "". */
function findTitle(head: readonly PlanLine[]): string {
  const at = head.map((l) => isTitleLine(l.norm)).lastIndexOf(true);
  const own = head[at];
  // A title wrapped over two lines ("某县2025年卫生健康" / "工作要点"): the line above, when it is a short run of words
  // with no punctuation and no part of a notice, begins it.
  const above = head[at - 1];
  // (Only a short tail is a wrapped one: "工作要点", "实施方案(试行)"; a date or 附件 above is not a title's start.)
  if (
    own &&
    above &&
    own.norm.trim().length <= 12 &&
    WRAPPED_TITLE_START.test(above.norm.trim()) &&
    !/通知|印发|[:：]|^附件|\d{1,2}月\d{1,2}日$/.test(above.norm.trim())
  )
    return `${above.text.trim()}${own.text.trim()}`;
  if (own) return own.text.trim();
  for (const l of head) {
    const m = /《([^》]{4,80})》/.exec(l.text);
    if (m?.[1]) return m[1].replace(/^.*关于印发/, "").replace(/的通知$/, "");
  }
  // A page copied without its breaks runs the title into the page's furniture before it and the text after it.
  for (const l of head) {
    const m = TITLE_INSIDE.exec(l.norm.slice(0, TITLE_REACH));
    if (m) return l.text.slice(m.index, m.index + m[0].length).replace(/^.*关于印发/, "");
  }
  return "";
}

/** The first line of a wrapped title: a short run of words and numbers, no punctuation. */
const WRAPPED_TITLE_START = /^[\u4e00-\u9fa5\d“”"()（）—-]{2,30}$/;

/** How far into a run-together head a title is looked for (it comes after the page's furniture, not pages later). */
const TITLE_REACH = 2000;

/** A title inside a line: the words before a plan's title word, back to a break, a bracket or a mark. */
const TITLE_INSIDE = new RegExp(
  `[^\\s。,;:!?>\\]】)、]{2,40}?(?:${PLAN_TITLE_WORDS.join("|")})(?:\\(20\\d\\d\\s*[-—–~至]\\s*20\\d\\d\\s*年\\))?`,
);

/** The plan year: from the title, else from an issuing date line ("2024年3月25日"), else null. */
function findYear(title: string, lines: readonly PlanLine[]): number | null {
  // A plan over years ("行动计划(2023—2025年)") is the plan of its first year.
  const inTitle = /(20\d\d)\s*(?:[-—–~至到]\s*(?:20)?\d\d\s*)?年/.exec(normaliseForMatching(title));
  if (inTitle) return Number(inTitle[1]);
  for (const l of lines) {
    const m = /^\s*(20\d\d)年\d{1,2}月\d{1,2}日\s*$/.exec(l.norm);
    if (m) return Number(m[1]);
  }
  return null;
}

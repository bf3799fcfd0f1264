import { findTimePhrases, type TimePhrase } from "./deadline";
import {
  CHANGE,
  DURATION_UNITS,
  EACH,
  ENUMERATOR,
  GOAL_VERBS,
  NOT_ABOUT_BEFORE,
  OP_AFTER,
  OP_BEFORE,
  REACH,
  QUALIFIER_UNITS,
  RESPECTIVELY,
  LEVEL_ONLY,
  PAST_MARKS,
  SET_MARKERS_BEFORE,
} from "./lexicon";
import { readNumber, type NumberToken } from "./read-number";
import { perCapitaUnit } from "./per-capita";
import { indicatorOf, splitSubject, whosOf } from "./indicator";
import { asWritten } from "./normalise-text";
import type { ReviewReason } from "./types";

/** A target found in a text, before it is attached to a task. */
export interface FoundTarget {
  readonly text: string;
  readonly indicator: string;
  readonly op: ">=" | "<=" | "=" | "between" | "approx";
  readonly values: readonly number[];
  readonly unit: string | null;
  readonly deadline: string | null;
  /** Why a person should look at it (see ReviewReason). */
  readonly review: readonly ReviewReason[];
}

type CueOp = ">=" | "<=" | "approx";
const CLAUSE_BREAK = /[,;:]/;
const SENTENCE_END = /[。!?]/;
const RATE_UNITS = new Set(["%", "‰", "/10万", "/万", "ratio"]);
/**
 * Whether a clause spreads one value over several subjects (均, 都, 各), not counting the 均 of 平均, 人均, 年均…
 * ("二级及以上公立医院平均住院日" is one indicator).
 */
function saysEach(before: string): boolean {
  return EACH.some((w) => {
    for (let at = before.indexOf(w); at >= 0; at = before.indexOf(w, at + 1))
      if (!(
        w === "均" &&
        (/[平人年日月户次床周]/.test(before[at - 1] ?? "") || /[衡匀等]/.test(before[at + 1] ?? ""))
      ))
        return true;
    return false;
  });
}

/**
 * The levels a clause names together before sharing a figure out ("市区两级", "省市县三级"): "市级", "区级"…, or null.
 * @example levelsOf("年内市区两级分别举办") // → ["市级", "区级"]
 */
export function levelsOf(before: string): string[] | null {
  const m = /([省市州县区乡镇村]{2,4})([两二三四])级/.exec(before);
  if (!m) return null;
  const names = Array.from(m[1] ?? "");
  return names.length === LEVEL_COUNT[m[2] ?? ""] ? names.map((n) => `${n}级`) : null;
}

const LEVEL_COUNT: Readonly<Record<string, number>> = { 两: 2, 二: 2, 三: 3, 四: 4 };

/** What follows a baseline: its unit, then where it moves to ("张增加至", "提升到"). */
const BASELINE_TO = /^[^\d,;。]{0,4}(?:增加|提高|提升|增长|扩大|下降|降低|减少|降|升)?(?:到|至)/;

const QUOTE_OPENS = '“"「『《‘';
const QUOTE_CLOSES = '”"」』》’';
const QUOTE_MARKS = QUOTE_OPENS + QUOTE_CLOSES;

/**
 * Numbers inside quotes and book-title marks are names ("1546行动", “两个允许”, 《十四五规划》): replace them with
 * a neutral character, keeping the length. Unbalanced or long quotes are left alone.
 */
export function maskQuotes(norm: string): string {
  const chars = norm.split("");
  const opens = QUOTE_OPENS;
  const closes = QUOTE_CLOSES;
  for (let i = 0; i < chars.length; i++) {
    if (!opens.includes(chars[i] as string) && !closes.includes(chars[i] as string)) continue;
    for (let j = i + 1; j < chars.length && j - i <= 40; j++) {
      const c = chars[j] as string;
      if (SENTENCE_END.test(c)) break;
      if (closes.includes(c) || opens.includes(c)) {
        for (let k = i + 1; k < j; k++) chars[k] = "□";
        i = j;
        break;
      }
    }
  }
  return chars.join("");
}

/**
 * A name made on the masked sentence with its masked runs (□) given back from `plain`, the same sentence unmasked.
 * The quote marks around a run are not in names, so each run is looked for with what follows it in the name, in the
 * masked sentence without its quote marks.
 */
let bareOf: { readonly masked: string; readonly bare: string; readonly at: readonly number[] } = {
  masked: "",
  bare: "",
  at: [],
};

function unmask(name: string, masked: string, plain: string): string {
  if (!name.includes("□")) return name;
  // (The sentence without its quote marks is made once for all the names of a sentence.)
  if (bareOf.masked !== masked) {
    const at: number[] = [];
    let bare = "";
    for (let i = 0; i < masked.length; i++)
      if (!QUOTE_MARKS.includes(masked[i] as string)) {
        bare += masked[i];
        at.push(i);
      }
    bareOf = { masked, bare, at };
  }
  const { bare, at } = bareOf;
  let out = "";
  for (let i = 0; i < name.length;) {
    if (name[i] !== "□") {
      out += name[i];
      i++;
      continue;
    }
    let j = i;
    while (name[j] === "□") j++;
    let found = -1;
    for (let context = Math.min(8, name.length - j); context >= 0 && found < 0; context--)
      found = bare.indexOf(name.slice(i, j + context));
    if (found >= 0) for (let k = found; k < found + (j - i); k++) out += plain[at[k] as number] ?? "";
    i = j;
  }
  return out;
}

function findCue(
  text: string,
  cues: readonly (readonly [string, CueOp])[],
  at: "end" | "start",
): { op: CueOp; start: number; end: number } | null {
  let best: { op: CueOp; start: number; end: number } | null = null;
  for (const [word, op] of cues) {
    let idx = at === "start" ? (text.startsWith(word) ? 0 : -1) : text.lastIndexOf(word);
    // 约 as in 签约, 预约, 节约 is part of a word, not "about".
    while (word === "约" && idx > 0 && NOT_ABOUT_BEFORE.includes(text[idx - 1] ?? ""))
      idx = text.lastIndexOf(word, idx - 1);
    // 不超 as in 不超标 is a word of its own.
    while (word === "不超" && idx >= 0 && text[idx + 2] === "标")
      idx = idx > 0 ? text.lastIndexOf(word, idx - 1) : -1;
    if (idx < 0) continue;
    const cand = { op, start: idx, end: idx + word.length };
    if (!best || cand.end > best.end || (cand.end === best.end && cand.start < best.start)) best = cand;
  }
  return best;
}

/** An operator cue written after a number (以上, 以下, 左右…), at the start or at the end of a text. */
const AFTER_CUE = new RegExp(`^(?:${OP_AFTER.map(([w]) => w).join("|")})?`);
const AFTER_CUE_END = new RegExp(`(?:${OP_AFTER.map(([w]) => w).join("|")})$`);

/** The next value of a list of values ("90%以上、85%以上"), not a new goal ("…以下、5岁以下儿童死亡率…"). */
const VALUE_NEXT =
  /^\d+(?:\.\d+)?(?:%|‰|\/10万|[个家所名项次张人级])?(?:以上|以下|以内|左右)?(?:[、,;。和及]|$)/;

/**
 * How far a clause reaches either side of a number (real clauses run to some 60 characters, rarely past 120): a text
 * without punctuation is read in clauses of at most this much each side, so the work for each number, and the text
 * each target carries, stay bounded.
 */
const CLAUSE_REACH = 120;

/** The most subjects one figure is shared out to (分别, 均; real lists name up to five). */
const MAX_SUBJECTS = 12;

/** Where the clause breaks of a sentence are, found once for all its numbers (see clauseBreaks). */
let breaksOf: { readonly s: string; readonly at: readonly number[] } = { s: "", at: [] };

/** Where the clause around `pos` starts and ends (no further than CLAUSE_REACH from it). */
function clauseAround(s: string, pos: number): { start: number; end: number } {
  if (breaksOf.s !== s) breaksOf = { s, at: clauseBreaks(s) };
  const at = breaksOf.at;
  // The first break at or after `pos` ends the clause; the one before it starts it.
  let lo = 0;
  for (let hi = at.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if ((at[mid] as number) < pos) lo = mid + 1;
    else hi = mid;
  }
  const start = lo > 0 ? (at[lo - 1] as number) + 1 : 0;
  return {
    start: Math.max(start, pos - CLAUSE_REACH),
    end: Math.min(at[lo] ?? s.length, Math.max(pos, 0) + CLAUSE_REACH),
  };
}

/** Positions of the characters that end a clause in `s`, in order. */
function clauseBreaks(s: string): number[] {
  // The colon of a ratio (1:1.5) does not end a clause; a 、 after a whole goal does ("…控制在12/10万以下、5岁以下儿童…").
  const breaks = (i: number) =>
    (CLAUSE_BREAK.test(s[i] as string) &&
      !(s[i] === ":" && /\d/.test(s[i + 1] ?? "") && /\d/.test(s[i - 1] ?? ""))) ||
    (s[i] === "、" && AFTER_CUE_END.test(s.slice(Math.max(0, i - 3), i)) && !VALUE_NEXT.test(s.slice(i + 1)));
  const at: number[] = [];
  for (let i = 0; i < s.length; i++) if (breaks(i)) at.push(i);
  return at;
}

interface Candidate {
  readonly tokens: readonly NumberToken[];
  readonly op: FoundTarget["op"];
  readonly unit: string | null;
  /** No word gives the direction of a rate (or of a number with no unit): read as at least. */
  readonly implicit?: boolean;
}

/** An open bracket of a note: what is included, a part, a year's or a wider area's figure. */
const NOTE_IN_BRACKETS = /\((?:含|不含|包含|包括|其中|20\d\d年|全国|全省|全市|上年|去年|同比|较|比)[^()]*$/;

/** A goal of its own later in a clause: an operator or goal verb, then a number; or a count ("…人才10名"). */
const LATER_GOAL =
  /(?:达到|达|不低于|不少于|提高到|提升到|控制在|保持在|降至|降到|超过|至少|≥|≤|>=|<=)[^,;:。]{0,3}?\d|\d(?:名|个|家|所|项|张|人)/;

/**
 * What follows a count of places or people that opens its clause when they are to reach something: "2家卫生院达到推荐
 * 标准", "3家医院通过三级医院评审" (not all of a set: "4个县区全部达到…"; not the items of a programme: "15项专项行动主要
 * 指标达到年度目标").
 */
const COUNT_REACHES = new RegExp(`^[^,;:。的全均都所]{1,12}?${REACH.source}`);

/** The verb of a change by an amount, right before it: 提高, 降低, 下降, 增长… ("力争每年降低0.5个百分点"). */
const CHANGE_BEFORE = new RegExp(`${CHANGE}$`);

/** What follows a change gives the level it changes to: "，达到92%" (a clause naming no subject), "至80%". */
const LEVEL_NEXT =
  /^(?:[^,;。]*[,;]\s*(?:达到|达|提高到|提升到|增加到|降至|降到|降低到|下降到|控制在)|\s*(?:至|到))\d/;

/**
 * A clause about the past or the present (去年/上年/目前/现有/已有… at its start), or a year and 为 stating a figure
 * ("2023年全市孕产妇死亡率为8.5/10万").
 */
const NOW_OR_PAST = /^\s*(?:去年|上年|前年|目前|现已|已经|已有|现有)/;

/**
 * What has been done, right before a figure: "已完成342384例", "累计培训500人", "共有260余项问题得到整改", "完成了…"
 * (a report, not a goal).
 */
const DONE_BEFORE = new RegExp(`(?:${PAST_MARKS.join("|")})[^,;。]{0,12}$`);
const YEAR_FIGURE = /^\s*20\d\d年[^,;:到底前]{0,20}?为\d/;

/** A share said with 占 ("占到60%", "约占总死亡的88%", "占比为30%"): how things are, unless a goal is set. */
const SHARE_STATED = /(?:占|占到|占比|占比为)(?:[^,;。\d]{0,12}的)?\s*$/;

/** A figure said with 为 or 是 and no other word ("吸烟率为26.6%"): how things are, unless a goal is set. */
const FIGURE_STATED = /(?:为|约为|是)\s*$/;

/** A word that makes a sentence a goal: a deadline, 力争, 确保, 争取, 目标, or a change or level to reach. */
const GOAL_MARK =
  /到20\d\d年|20\d\d年(?:底|末)?前|年底前|力争|确保|争取|目标|提高|提升|降低|下降|达到|控制在/;

/** A clause opened by a share of places ("80%以上的村卫生室…"), up to a count in what they do. */
const SHARE_OF_PLACES = /^[^,;。]{0,6}?\d(?:\.\d+)?%(?:以上|及以上)?的[^,;。]*$/;

/** A list by 、 that a set marker opens with a count ("覆盖全市12个县（市、区）、"), up to the count being judged. */
const SET_LISTED_BEFORE = new RegExp(
  `(?:${SET_MARKERS_BEFORE.join("|")})(?:共|有)?[\\d一二三四五六七八九十]+[^,;。]*、$`,
);

/** A clause ending with a count ("…5个，"), before the clause being judged. */
const COUNT_CLAUSE_BEFORE = /[\d一二三四五六七八九十](?:余|多)?[\u4e00-\u9fa5]{1,3}(?:以上|左右)?\s*[,;]\s*$/;

/** Decides whether a number (or a list "6‰和5‰") states a target, and with which operator. */
function judge(
  sentence: string,
  tokens: readonly NumberToken[],
  clauseStart: number,
  prevEnd: number,
): Candidate | null {
  const first = tokens[0] as NumberToken;
  const last = tokens[tokens.length - 1] as NumberToken;
  if (first.values.some((v) => !Number.isFinite(v))) return null;
  const before = sentence.slice(Math.max(clauseStart, prevEnd), first.start);
  if (first.isTime) return durationTarget(before, tokens, sentence.slice(last.end, last.end + 2));
  const afterCue = findCue(sentence.slice(last.end, last.end + 3), OP_AFTER, "start");
  const afterEnd = last.end + (afterCue?.end ?? 0);
  const beforeCue = findCue(before, OP_BEFORE, "end");
  const cueGap = beforeCue ? before.length - beforeCue.end : Infinity;
  // "达到每3万人1辆", "每10万人口": what a figure is per is never a goal.
  if (/(第|前|近|从|由|这|该|逾|每)$/.test(before)) return null;
  // "去年完成家庭医生签约120万人", "目前…达到3200个", "2023年全市孕产妇死亡率为8.5/10万": where things stand or stood,
  // not a goal (a year's figure stated with 为 and no cue).
  const clauseText = sentence.slice(clauseStart);
  if (NOW_OR_PAST.test(clauseText)) return null;
  if (YEAR_FIGURE.test(clauseText) && !findCue(before, OP_BEFORE, "end") && !afterCue) return null;
  // "90%以上（含90%）", "（含转岗培训50名）", "（2025年为60%）", "（全国平均水平为85%）": a note in brackets on what counts
  // or where things stand, not a goal of its own.
  const note = NOTE_IN_BRACKETS.exec(before);
  // (A part with a goal of its own stays one: "（其中社区卫生服务中心达到70%）".)
  if (note && !(note[0].startsWith("(其中") && beforeCue && cueGap <= 12)) return null;
  // A baseline: "床位由现有的120张增加至200张", "从目前的0.9提升到1.2", "从2025年的55%提高到60%" (only the number it rises
  // or falls to is a target).
  if (
    /(从|由)(现有|目前|现在|当前|去年|上年|原来|20\d\d年(?:底|末)?)?的?$/.test(before) &&
    BASELINE_TO.test(sentence.slice(last.end))
  )
    return null;
  // A count right after a quoted list counts the list: “责任、管理、服务、利益”四个共同体.
  if (/[□”"」』》]$/.test(before) && !RATE_UNITS.has(first.unit ?? "")) return null;
  // "单价50万元以上的大型医用设备使用率达到85%", "床位100张以上的医院…": an amount or count qualifying what follows is
  // not a goal when the clause goes on to a goal of its own.
  if (
    afterCue &&
    sentence.charAt(afterEnd) === "的" &&
    !RATE_UNITS.has(first.unit ?? last.unit ?? "") &&
    LATER_GOAL.test(sentence.slice(afterEnd, clauseAround(sentence, afterEnd).end))
  )
    return null;
  // "重点实施5个方面20项重点任务": aspects of the work are how a plan is laid out, not a goal.
  if (sentence.startsWith("方面", afterEnd)) return null;
  const following = sentence.slice(afterEnd, afterEnd + 1);
  const nounFollows = /[\u4e00-\u9fa5A-Za-z□]/.test(following) && !/[和及或与、的]/.test(following);
  const unit = first.unit ?? last.unit;
  // "不低于当地城镇单位在岗职工平均工资水平的1.5倍": a multiple's cue is followed by what it multiplies, however long.
  const multiple = unit === "倍" && beforeCue !== null && before.endsWith("的");
  const op: FoundTarget["op"] =
    first.kind === "range"
      ? "between"
      : afterCue?.op === "approx" || beforeCue?.op === "approx"
        ? "approx"
        : (afterCue?.op ?? (cueGap <= 12 || multiple ? beforeCue?.op : undefined) ?? ">=");
  const explicit = first.kind === "range" || afterCue !== null || cueGap <= 12 || multiple;
  // "具备基本健康素养的人数/监测人群总人数×100%": a formula defining an indicator, not a goal.
  if (/[×*÷/]\s*$/.test(before)) return null;
  // "已完成342384例", "累计培训500人": what was done is a report, not a goal.
  if (DONE_BEFORE.test(before)) return null;
  // "…对健康的影响占到60%", "吸烟率为26.6%": a figure said as a fact, with no word of a goal in its sentence, is how
  // things are.
  // "担心影响今后健康(38.7%)", "(95%CI": a bare figure opening brackets, with no word of a goal, is a statistic.
  const stated =
    SHARE_STATED.test(before) || (!explicit && (FIGURE_STATED.test(before) || /\(\s*$/.test(before)));
  if (stated && (!explicit || beforeCue?.op === "approx") && !GOAL_MARK.test(sentence)) return null;
  if (unit === null) {
    const bigOrName = first.values.some((v) => v >= 10000);
    return cueGap === 0 && !nounFollows && !bigOrName
      ? { tokens, op, unit: null, implicit: !explicit }
      : null;
  }
  if ((QUALIFIER_UNITS as readonly string[]).includes(unit) || unit === "周岁") {
    if (nounFollows || first.chinese) return null;
    return cueGap <= 6 ? { tokens, op, unit, implicit: !explicit && RATE_UNITS.has(unit) } : null;
  }
  if (RATE_UNITS.has(unit)) return { tokens, op, unit, implicit: !explicit && RATE_UNITS.has(unit) };
  // "80%以上的村卫生室能够提供6类以上中医药技术方法": what the share of places does is part of the share's name.
  if (SHARE_OF_PLACES.test(sentence.slice(clauseStart, first.start))) return null;
  // 一类/二类/三类 name categories ("公益一类事业单位", "乙类乙管"), not counts.
  if (first.chinese && unit === "类") return null;
  // "推进两项改革", "落实12项核心制度": items of a set the plan has defined (reforms, rules, tasks), not a goal.
  if (
    unit === "项" &&
    !explicit &&
    /^[\u4e00-\u9fa5]{0,6}(?:改革|制度|任务|措施|机制|要求|原则|重点|工作)/.test(sentence.slice(afterEnd))
  )
    return null;
  // A count: a goal only with an operator cue, or a goal verb that acts on it.
  if (first.chinese && first.values[0] === 1 && !explicit) return null;
  // "四级手术占比较上年提高1个百分点": a change in percentage points is a goal after the verb of the change, unless a
  // clause next to it gives the level it changes to ("…提高2个百分点，达到92%", "…达到32%，比2025年提高2个百分点").
  if (/百分点$/.test(unit) && CHANGE_BEFORE.test(before)) {
    const subjectless = /^\s*(?:(?:比|较|同比)[^,;]*)?$/.test(before.replace(CHANGE_BEFORE, ""));
    return LEVEL_NEXT.test(sentence.slice(afterEnd)) || subjectless
      ? null
      : { tokens, op, unit, implicit: !explicit && RATE_UNITS.has(unit) };
  }
  // The value of a named indicator: "托位数3.58个", "床位数达到…".
  if (explicit || /[数率量]$/.test(before))
    return { tokens, op, unit, implicit: !explicit && RATE_UNITS.has(unit) };
  // "建成胸痛、卒中、创伤救治中心各1个": 各 after a goal verb gives one target to each (not "each of a set").
  if (before.endsWith("各") && GOAL_VERBS.some((v) => before.includes(v)))
    return { tokens, op, unit, implicit: !explicit && RATE_UNITS.has(unit) };
  // "覆盖4个市辖区、30个乡镇": a count listed after one of a set is of the set too.
  if (
    SET_MARKERS_BEFORE.some(
      (m) => before.endsWith(m) || before.endsWith(`${m}共`) || before.endsWith(`${m}有`),
    ) ||
    SET_LISTED_BEFORE.test(before)
  )
    return null;
  const rest = sentence.slice(afterEnd, clauseAround(sentence, afterEnd).end);
  // "新增社区医院1家，2家卫生院达到推荐标准": a count opening its clause, of things that are to reach a standard.
  if (before.trim() === "" && /^[家所个名]$/.test(unit) && COUNT_REACHES.test(rest))
    return { tokens, op, unit, implicit: !explicit && RATE_UNITS.has(unit) };
  const de = rest.indexOf("的");
  if (de > 0 && !GOAL_VERBS.some((v) => rest.slice(0, de).includes(v))) return null;
  // "创建国家级示范区1个，省级2个": a level alone continues the count of the clause before, and its verb.
  // "完成心脏介入手术500例以上，其中急诊PCI 200例": a part of a count is counted by the same verb.
  // "建成胸痛中心5个，卒中中心3个", "培训医师100名，护士200名": a clause that only names another thing and its count
  // goes on with the count before it.
  const parallel =
    before.trim().length <= 12 &&
    rest.trim() === "" &&
    COUNT_CLAUSE_BEFORE.test(sentence.slice(Math.max(0, clauseStart - 12), clauseStart));
  const verbScope =
    before.endsWith("的") || LEVEL_ONLY.test(before.trim()) || /^\s*其中/.test(before) || parallel
      ? sentence.slice(0, first.start)
      : sentence.slice(clauseStart, first.start);
  return GOAL_VERBS.some((v) => verbScope.includes(v))
    ? { tokens, op, unit, implicit: !explicit && RATE_UNITS.has(unit) }
    : null;
}

/**
 * A duration is a target only after a limiting cue ("平均住院日控制在8天以内", "缩短至30分钟"), as a range a value
 * is to stay in ("平均住院日在7至9天"), or as about so long for a measured time ("平均住院日9天左右").
 */
function durationTarget(before: string, tokens: readonly NumberToken[], after: string): Candidate | null {
  const unit = tokens[0]?.unit ?? "";
  if (!(DURATION_UNITS as readonly string[]).includes(unit)) return null;
  // "平均住院日9天左右": about so long, said of a measured time (not "用30天左右时间").
  if (after.startsWith("左右") && /(?:住院日|时间|天数|周期|时长)(?:在|为|控制在|保持在)?$/.test(before))
    return { tokens, op: "approx", unit };
  if (tokens.length === 1 && tokens[0]?.kind === "range" && /(在|为|保持在|控制在)$/.test(before))
    return { tokens, op: "between", unit };
  // A limit right before it: any "at most" cue (控制在, 缩短至, 不超过, 降至, ≤…).
  const cue = findCue(before, OP_BEFORE, "end");
  if (cue?.op === "<=" && cue.end === before.length) return { tokens, op: "<=", unit };
  // "平均预约时段精准到30分钟以内", "急救反应时间12分钟以内": a measured time kept within a limit after it (not "步行15分钟以内").
  return /^(?:以内|以下)/.test(after) && TIMED_MEASURE.test(before) ? { tokens, op: "<=", unit } : null;
}

/** A measured time, or what a time is made exact to, right before its value. */
const TIMED_MEASURE =
  /(?:(?:住院日|时间|时段|天数|周期|时长)(?:在|为|达到|缩短到)?|精准到|精确到|精准至|精确至)$/;

/** A sentence that is only a deadline in brackets: "(2019年10月底前完成)". */
const BRACKETED_DEADLINE = /^\s*\(\s*[^()]{0,6}20\d\d年[^()]{0,14}\)\s*$/;

/** A sentence opened by a year before the plan's: "2023年召开2次…" in a 2024 plan. */
const YEAR_OPENS =
  /^\s*(?:[一二三四五六七八九十]是|\d[.、])?\s*(20\d\d)年(?![底末]|前|以前|起|开始|内|完成|上半年|下半年|\d{1,2}月)/;
/** Marks of a goal in a sentence, which a year before the plan's does not undo ("2023年基础上…力争提高到…"). */
const FORWARD_MARKS = /到20\d\d|力争|确保|争取|目标|以上|以下|不低于|不少于|不超过|控制在/;

/**
 * Whether a sentence reports the past: it opens with a year before the plan's own and says nothing of a goal
 * ("2023年召开2次意识形态领域分析研判会" in a 2024 plan).
 */
function looksBack(sentence: string, planYear: number | null): boolean {
  const year = YEAR_OPENS.exec(sentence);
  return planYear !== null && year !== null && Number(year[1]) < planYear && !FORWARD_MARKS.test(sentence);
}

/** Reads the numbers of a sentence, joining lists ("4级和3级", "6‰和5‰") into one group. */
function numberGroups(masked: string): NumberToken[][] {
  const groups: NumberToken[][] = [];
  for (let i = 0; i < masked.length;) {
    const token = readNumber(masked, i);
    if (!token) {
      i++;
      continue;
    }
    const group = [token];
    let end = token.end;
    for (;;) {
      // "6‰和5‰", and with the cue said each time: "90%以上、85%以上".
      const cue = AFTER_CUE.exec(masked.slice(end))?.[0] ?? "";
      const joiner = /^(和|及|与|、)/.exec(masked.slice(end + cue.length, end + cue.length + 1));
      if (!joiner) break;
      const next = readNumber(masked, end + cue.length + 1);
      // "6‰和5‰", "4级和3级", and under 分别 mixed rates "4.0‰、4.5‰、10/10万".
      const sameUnit = next?.unit === token.unit || token.unit === null;
      const mixedRates = next !== null && RATE_UNITS.has(token.unit ?? "") && RATE_UNITS.has(next.unit ?? "");
      if (!next || next.kind !== token.kind || !(sameUnit || mixedRates)) break;
      group.push(next);
      end = next.end;
    }
    groups.push(group);
    i = end;
  }
  return groups;
}

/**
 * Finds the targets in one paragraph of a task. Deadlines: a time phrase covers its sentence; one that opens the
 * paragraph covers the whole paragraph.
 * @example extractTargets("孕产妇死亡率控制在12/10万以下。", "孕产妇死亡率控制在12/10万以下。")
 *   // → [{ indicator: "孕产妇死亡率", op: "<=", values: [12], unit: "/10万", deadline: null, … }]
 */
export function extractTargets(
  text: string,
  norm: string,
  planYear: number | null = null,
  context: { readonly review?: readonly ReviewReason[] } = {},
): FoundTarget[] {
  const masked = maskQuotes(norm);
  const phrases = findTimePhrases(norm, planYear);
  const opening = phrases.find((p) => /^\s*(力争|争取)?$/.test(norm.slice(0, p.start)));
  const found: FoundTarget[] = [];
  let sStart = 0;
  // The first time phrase not behind the sentence; in a sentence read in pieces, the last phrase of the pieces before.
  let nextPhrase = 0;
  let carried: TimePhrase | undefined;
  // Where the targets of the sentence before begin in `found`.
  let sentenceFirst = 0;
  for (let k = 0; k <= masked.length; k++) {
    const ends = k === masked.length || SENTENCE_END.test(masked[k] as string);
    if (!ends && k - sStart < SENTENCE_REACH) continue;
    const cut = ends ? k : pieceEnd(masked, sStart, k);
    const sentence = masked.slice(sStart, cut);
    while (nextPhrase < phrases.length && (phrases[nextPhrase] as TimePhrase).start < sStart) nextPhrase++;
    const inSentence = carried ? [carried] : [];
    for (let j = nextPhrase; j < phrases.length && (phrases[j] as TimePhrase).start < cut; j++)
      if ((phrases[j] as TimePhrase).end <= cut) inSentence.push(phrases[j] as TimePhrase);
    // "…遴选专家库成员1000名。(2019年10月底前完成)": a deadline in brackets after a sentence is that sentence's.
    const after = BRACKETED_DEADLINE.test(sentence) ? inSentence[inSentence.length - 1] : undefined;
    if (after)
      for (let t = sentenceFirst; t < found.length; t++)
        if (found[t]!.deadline === null) found[t] = { ...found[t]!, deadline: after.date };
    sentenceFirst = found.length;
    for (const t of sentenceTargets(text, norm, sentence, sStart, inSentence, opening, {
      ...context,
      planYear,
    }))
      found.push(t);
    carried = ends ? undefined : inSentence[inSentence.length - 1];
    sStart = ends ? k + 1 : cut;
  }
  return found;
}

/**
 * The longest stretch read as one sentence (real ones run to a few hundred characters): a longer one, a paragraph
 * without full stops, is read in pieces (see pieceEnd) so that the work for each number stays bounded. A time
 * phrase still covers the rest of its sentence.
 */
const SENTENCE_REACH = 1000;

/** Where a piece of a long sentence ends: after its last ";" or "," in its second half, else where it reached. */
function pieceEnd(s: string, start: number, end: number): number {
  for (const mark of [";", ","])
    for (let at = end - 1; at > start + (end - start) / 2; at--) if (s[at] === mark) return at + 1;
  return end;
}

function sentenceTargets(
  text: string,
  norm: string,
  sentence: string,
  offset: number,
  phrases: readonly TimePhrase[],
  opening: TimePhrase | undefined,
  context: { readonly review?: readonly ReviewReason[]; readonly planYear: number | null },
): FoundTarget[] {
  const found: FoundTarget[] = [];
  let prevEnd = 0;
  let previous: { end: number; indicator: string; unit: string | null } | null = null;
  let whos: string[] | null = null;
  let phraseAt = -1;
  for (const group of numberGroups(sentence)) {
    const first = group[0] as NumberToken;
    const clause = clauseAround(sentence, first.start);
    const candidate = judge(sentence, group, clause.start, prevEnd);
    // A clause opened by a year before the plan's reports what was done then ("…制度,2023年召开2次研判会").
    if (candidate && looksBack(sentence.slice(clause.start, clause.end), context.planYear)) continue;
    if (!candidate) continue;
    prevEnd = (group[group.length - 1] as NumberToken).end;
    // A bullet's dashes ("——居民健康素养水平…") and an enumerator ("①", "二是") are not part of the clause.
    const before = sentence.slice(clause.start, first.start);
    const indicator = indicatorOf(sentence, clause, group, previous);
    // A goal named only in the clause before takes that clause into its text ("…老年医学科设置,设置比例数达到96%以上").
    const before2 = clause.start > 0 ? clauseAround(sentence, clause.start - 2) : null;
    // (Not a rate named in full: "…，规范管理率达到95%" is of whom the clause before named, but says what it measures.)
    const head = indicator.slice(0, 4);
    const from =
      before2 &&
      head.length === 4 &&
      !sentence.slice(clause.start, clause.end).includes(head) &&
      !/^[\u4e00-\u9fa5]{2,6}率$/.test(before.slice(0, findCue(before, OP_BEFORE, "end")?.start).trim()) &&
      sentence.slice(before2.start, before2.end).includes(head)
        ? before2.start
        : clause.start;
    const clauseText = text
      .slice(offset + from, offset + clause.end)
      .trim()
      .replace(/^[—\-·•]+\s*/, "")
      .replace(ENUMERATOR, "");
    // (The last phrase before the number: numbers come in order, so the search goes on from the last one.)
    while (
      phraseAt + 1 < phrases.length &&
      (phrases[phraseAt + 1] as TimePhrase).start - offset < first.start
    )
      phraseAt++;
    const phraseBefore = phrases[phraseAt] ?? phrases[0];
    const deadline = (phraseBefore ?? opening)?.date ?? null;
    const review: ReviewReason[] = [];
    if (candidate.implicit) review.push("op_implicit");
    // Named from what came before: the clause before, or a measure named earlier in the sentence.
    // (Its head or its measure is not in its own clause but earlier in the sentence: "二级医院达到60%" after
    // "三级医院预约诊疗率…" is 二级医院预约诊疗率.)
    const own = sentence.slice(clause.start, clause.end);
    const earlier = sentence.slice(0, clause.start);
    const borrowed = [indicator.slice(0, 4), indicator.slice(-3)].some(
      (part) => !own.includes(part) && earlier.includes(part),
    );
    if (from !== clause.start || borrowed) review.push("name_from_context");
    if (!phraseBefore && opening && deadline !== null) review.push("deadline_from_paragraph");
    for (const r of context.review ?? []) if (!review.includes(r)) review.push(r);
    // "每千人口床位数达到6.8张，其中公立医院5张": a part (其中…) is counted per the same population.
    const perCapita = (u: string | null) => {
      const own = perCapitaUnit(sentence.slice(clause.start, clause.end), u);
      const shared = previous?.unit;
      return own && shared?.startsWith(`${own}/`) && /^\s*其中/.test(before) ? shared : own;
    };
    // "体检人数达1000万以上": a multiplier alone counts what the clause counts (people: 万人).
    const counted = (u: string | null) =>
      (u === "万" || u === "亿") && /人数|人次/.test(before)
        ? `${u}${before.includes("人次") ? "人次" : "人"}`
        : u;
    const unit = counted(perCapita(candidate.unit));
    previous = { end: prevEnd, indicator, unit };
    const distribute = saysEach(before) || RESPECTIVELY.some((w) => before.includes(w));
    // (More subjects than a plan lists under one figure is not a list of them: one target, not one for each "、".)
    const subjects = splitSubject(indicator, group.length > 1 || distribute);
    const split = subjects.length <= MAX_SUBJECTS ? subjects : [indicator];
    // "市直医院和县区医院电子病历应用水平至少达到4级和3级，智慧服务级别力争达到3级和2级": the next list of values with one
    // measure is for the same ones, in the same order.
    // "市区两级分别举办培训班不少于2期": levels named together ("市县两级", "省市县三级") are one subject each.
    const levels = distribute && split.length === 1 && group.length === 1 ? levelsOf(before) : null;
    const parts =
      group.length > 1 && split.length === 1 && whos?.length === group.length
        ? whos.map((who) => `${who}${indicator}`)
        : levels
          ? levels.map((level) => `${level}${indicator}`)
          : split;
    if (split.length > 1) whos = whosOf(split);
    const values = group.map((t) => t.values);
    const units = group.map((t) => perCapita(t.unit ?? candidate.unit));
    const count = group.length > 1 ? group.length : parts.length;
    // Names are made on the normalised text with quotes masked; they are given back unmasked (“一卡通”覆盖率 is
    // 一卡通覆盖率), in the document's own script.
    const plain = norm.slice(offset, offset + sentence.length);
    const written = (name: string) =>
      asWritten(unmask(name, sentence, plain), plain, text.slice(offset, offset + sentence.length));
    // "到2022年和2030年，…分别不低于22%和30%": the years said together go to the values in order.
    const years = phrases.filter((p) => p.inList !== undefined && p.start - offset < first.start);
    const listed = group.length > 1 && years.length === group.length ? years : null;
    for (let i = 0; i < count; i++) {
      found.push({
        text: clauseText,
        indicator: written(parts[Math.min(i, parts.length - 1)] ?? indicator),
        op: candidate.op,
        values: values[Math.min(i, values.length - 1)] ?? [],
        unit: group.length > 1 ? (units[i] ?? unit) : unit,
        deadline: listed?.[i]?.date ?? deadline,
        review,
      });
    }
  }
  return found;
}

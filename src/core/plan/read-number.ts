import { COUNTERS, PER_UNITS, TIME_UNITS } from "./lexicon";
import { CHINESE_NUMERAL_CHARS, chineseToNumber } from "./numerals";

/** A number written in a plan with what follows it: one value, a range (3-5次) or a ratio (1:2). */
export interface NumberToken {
  readonly start: number;
  /** End of the number and its unit. */
  readonly end: number;
  readonly kind: "single" | "range" | "ratio";
  /** [value] or [min, max]. */
  readonly values: readonly number[];
  /** Unit of measure as written, normalised ("%", "‰", "/10万", "个", "万元"…), "ratio", or null. */
  readonly unit: string | null;
  /** The number names a time, a date or a span (5年, 3个月): never a target. */
  readonly isTime: boolean;
  readonly chinese: boolean;
}

/** Letters after a counter that make it part of another word: 人才, 所有, 家庭, 项目. */
/** A rate written out in words: 百分之 (%), 千分之 (‰), 十万分之 (/10万), 万分之 (/万). */
const WRITTEN_RATE = /^(?:百分之|千分之|十万分之|10万分之|万分之)/;
const WRITTEN_RATE_UNITS: Readonly<Record<string, string>> = {
  百分之: "%",
  千分之: "‰",
  十万分之: "/10万",
  "10万分之": "/10万",
  万分之: "/万",
};

/** Defined daily doses, the unit of 抗菌药物使用强度. */
const DDDS = /^DDDs?(?![A-Za-z])/;

const NOT_A_COUNTER: Readonly<Record<string, string>> = {
  人: "才员口群民士们均工",
  所: "有在属以谓长",
  家: "庭属长",
  项: "目",
  名: "称单义录医",
  次: "数序要生",
  张: "贴",
  台: "账",
  间: "隔",
  级: "别",
  组: "织建成长合",
};

const RANGE_SEPARATORS = "-~～—–－至";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isCnDigit = (c: string | undefined) => c !== undefined && CHINESE_NUMERAL_CHARS.includes(c);

function readArabic(s: string, i: number): { value: number; end: number } | null {
  let j = i;
  while (isDigit(s[j])) j++;
  if (j === i) return null;
  // Thousands written with separators: 1,000 / 12,500 (groups of exactly three digits after one to three).
  let grouped = "";
  if (j - i <= 3)
    while (
      s[j] === "," &&
      isDigit(s[j + 1]) &&
      isDigit(s[j + 2]) &&
      isDigit(s[j + 3]) &&
      !isDigit(s[j + 4])
    ) {
      grouped += s.slice(j + 1, j + 4);
      j += 4;
    }
  if (grouped) {
    const head = s.slice(i, j).split(",")[0] ?? "";
    return { value: Number(head + grouped), end: j };
  }
  if (s[j] === "." && isDigit(s[j + 1])) {
    j++;
    while (isDigit(s[j])) j++;
  }
  return { value: Number(s.slice(i, j)), end: j };
}

function readValue(s: string, i: number): { value: number; end: number; chinese: boolean } | null {
  const arabic = readArabic(s, i);
  if (arabic) return { ...arabic, chinese: false };
  let j = i;
  while (isCnDigit(s[j]) && j - i < 6) j++;
  if (j === i) return null;
  const value = chineseToNumber(s.slice(i, j));
  return value === null ? null : { value, end: j, chinese: true };
}

/**
 * A counter with what it is per ("管/日", "元/人", "名/千人") or its alternative in brackets ("期(篇)"), as written.
 */
function withPer(s: string, counter: string, end: number): { unit: string; end: number; isTime: false } {
  if (s[end] === "/") {
    const per = PER_UNITS.find((p) => s.startsWith(p, end + 1));
    if (per) return { unit: `${counter}/${per}`, end: end + 1 + per.length, isTime: false };
  }
  const alternative = /^\([\u4e00-\u9fa5]{1,2}\)/.exec(s.slice(end, end + 4));
  if (alternative)
    return { unit: `${counter}${alternative[0]}`, end: end + alternative[0].length, isTime: false };
  return { unit: counter, end, isTime: false };
}

/** Reads the unit of measure at `i`. */
export function readUnit(s: string, i: number): { unit: string | null; end: number; isTime: boolean } {
  let j = i;
  while (s[j] === " ") j++;
  // "3000余人次", "20多家": 余/多 between a number and its counter (at least that many).
  if ((s[j] === "余" || s[j] === "多") && j > 0 && /[\d十百千万]/.test(s[j - 1] ?? "")) {
    const after = readUnit(s, j + 1);
    if (after.unit !== null && !after.isTime) return after;
  }
  const rest = s.slice(j, j + 6);
  if (rest.startsWith("周岁")) return { unit: "周岁", end: j + 2, isTime: false };
  for (const t of TIME_UNITS) if (rest.startsWith(t)) return { unit: t, end: j + t.length, isTime: true };
  if (rest.startsWith("%")) return { unit: "%", end: j + 1, isTime: false };
  if (rest.startsWith("‰")) return { unit: "‰", end: j + 1, isTime: false };
  // "抗菌药物使用强度不超过40DDDs": defined daily doses (per 100 patient-days), written as the plan writes it.
  const ddd = DDDS.exec(rest);
  if (ddd) return { unit: ddd[0], end: j + ddd[0].length, isTime: false };
  const per = /^\/(10|十)?万/.exec(rest);
  if (per) return { unit: per[1] ? "/10万" : "/万", end: j + per[0].length, isTime: false };
  for (const c of COUNTERS) {
    if (!rest.startsWith(c)) continue;
    const next = s[j + c.length] ?? "";
    const last = c[c.length - 1] ?? "";
    // (名医 is a word, but in "10名医师", "5名医务人员" 名 counts the 医师.)
    const countsStaff = last === "名" && next === "医" && /[师生务学护疗技]/.test(s[j + c.length + 1] ?? "");
    // (所以 is a word, but "2所以上" counts 2 所 at least.)
    const bound = /^(?:以上|以下|以内)/.test(s.slice(j + c.length, j + c.length + 3));
    if (next && !countsStaff && !bound && (NOT_A_COUNTER[last] ?? "").includes(next))
      return { unit: null, end: j, isTime: false };
    if (c === "个" && next === "月") return { unit: "个月", end: j + 2, isTime: true };
    return withPer(s, c, j + c.length);
  }
  if (rest.startsWith("万") || rest.startsWith("亿")) {
    // 2.5万张, 1.2万名: the multiplier stays with the counter in the unit.
    const counted = readUnit(s, j + 1);
    const isCounter =
      (COUNTERS as readonly string[]).includes(counted.unit ?? "") || (counted.unit ?? "").includes("/");
    if (isCounter && !counted.isTime && !/^[万亿]/.test(counted.unit ?? ""))
      return { unit: `${rest[0]}${counted.unit}`, end: counted.end, isTime: false };
    // 1000万以上, 2000万: the multiplier is the unit; 10万人才 is a name, not a count.
    const next = rest.slice(1);
    if (!/^[\u4e00-\u9fa5]/.test(next) || /^(以上|以下|以内|左右|及以上|及以下)/.test(next)) {
      return { unit: rest[0] ?? null, end: j + 1, isTime: false };
    }
    return { unit: null, end: j, isTime: false };
  }
  return { unit: null, end: j, isTime: false };
}

/**
 * Reads the number that starts at `i` in a normalised text, with a range or ratio and its unit.
 * Returns null when `i` does not start a number, or the number is part of a name ("1+N", "5G", "ICU3").
 * @example readNumber("培训3-5次", 2) // → { kind: "range", values: [3, 5], unit: "次", … }
 */
export function readNumber(s: string, i: number): NumberToken | null {
  const prev = s[i - 1] ?? "";
  if (isDigit(prev) || prev === "." || prev === "+" || /[A-Za-z]/.test(prev)) return null;
  // 百分之九十, 百分之95, 千分之五, 十万分之十: a rate written out.
  const written = WRITTEN_RATE.exec(s.slice(i, i + 6));
  if (written) {
    const rate = readValue(s, i + written[0].length);
    if (!rate) return null;
    return {
      start: i,
      end: rate.end,
      kind: "single",
      values: [rate.value],
      unit: WRITTEN_RATE_UNITS[written[0]] ?? "%",
      isTime: false,
      chinese: rate.chinese,
    };
  }
  const first = readValue(s, i);
  if (!first) return null;
  // A bare 百, 千 or 万 is part of a word or a qualifier (百姓, 千人以上规模, 万家), not a number.
  if (first.chinese && first.end - i === 1 && "百千万".includes(s[i] ?? "")) return null;
  let end = first.end;
  if (!first.chinese && first.value === 1 && /^\s*[:∶比]\s*\d/.test(s.slice(end, end + 4))) {
    const colon = s.slice(end).search(/\d/) + end;
    const second = readArabic(s, colon);
    if (second)
      return {
        start: i,
        end: second.end,
        kind: "ratio",
        values: [second.value],
        unit: "ratio",
        isTime: false,
        chinese: false,
      };
  }
  const afterFirst = s[end] ?? "";
  if (afterFirst === "+" || (/[A-Za-z]/.test(afterFirst) && !DDDS.test(s.slice(end, end + 4)))) return null;
  let unitAfterFirst = readUnit(s, end);
  if (unitAfterFirst.unit && !unitAfterFirst.isTime) end = unitAfterFirst.end;
  // "85%到93%之间": 到 joins a range only when 之间 closes it ("由55%到65%" goes from one to the other).
  const between = s[end] === "到" && unitAfterFirst.unit !== null;
  if (RANGE_SEPARATORS.includes(s[end] ?? "") || between) {
    const second = readValue(s, end + 1);
    if (second && second.chinese === first.chinese && second.value > first.value) {
      const unit = readUnit(s, second.end);
      if (
        unit.unit !== null &&
        (unitAfterFirst.unit === null || unitAfterFirst.unit === unit.unit) &&
        (!between || s.startsWith("之间", unit.end))
      ) {
        return {
          start: i,
          end: unit.end,
          kind: "range",
          values: [first.value, second.value],
          unit: unit.unit,
          isTime: unit.isTime,
          chinese: first.chinese,
        };
      }
    }
  }
  unitAfterFirst = readUnit(s, first.end);
  if (first.chinese && (unitAfterFirst.unit === null || unitAfterFirst.isTime)) return null;
  return {
    start: i,
    end: unitAfterFirst.end,
    kind: "single",
    values: [first.value],
    unit: unitAfterFirst.unit,
    isTime: unitAfterFirst.isTime,
    chinese: first.chinese,
  };
}

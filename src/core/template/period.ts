import type { Period } from "./spec";

const CN_DIGITS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };
const HALF_NAMES = ["上半年", "下半年"] as const;
const QUARTER_NAMES = ["第一季度", "第二季度", "第三季度", "第四季度"] as const;

/** Full-width digits and punctuation to ASCII, spaces removed. */
function normalise(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[—–~～至到－]/g, "-")
    .replace(/[Ｑｑ]/g, "Q")
    .replace(/\s+/g, "");
}

const pad = (n: number): string => String(n).padStart(2, "0");
const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

function months(year: number, from: number, to: number, label: string, kind: Period["kind"]): Period {
  return {
    label,
    start: `${year}-${pad(from)}-01`,
    end: `${year}-${pad(to)}-${pad(lastDay(year, to))}`,
    kind,
  };
}

/**
 * Reads a reporting period label; null when the format is unknown. Accepts 年度/全年, 上半年/下半年,
 * (第)一季度…第四季度 / Q1, 前三季度, 1-9月 (also 1—9月, 1至9月), and a single month. The label is canonical.
 * @example parsePeriod("2024年第三季度") // → { label: "2024年第三季度", start: "2024-07-01", end: "2024-09-30", kind: "quarter" }
 * @example parsePeriod("２０２４年１—９月") // → { label: "2024年1-9月", start: "2024-01-01", end: "2024-09-30", kind: "months" }
 */
export function parsePeriod(text: string): Period | null {
  const s = normalise(text);
  const m = /^((?:19|20)\d\d)年?(.*)$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const rest = m[2] ?? "";
  if (/^(度|全年|年度|)$/.test(rest)) return months(year, 1, 12, `${year}年度`, "year");
  const half = /^(上|下)半年$/.exec(rest);
  if (half) {
    const first = half[1] === "上";
    return months(year, first ? 1 : 7, first ? 6 : 12, `${year}年${HALF_NAMES[first ? 0 : 1]}`, "half");
  }
  if (/^前三季度$/.test(rest)) return months(year, 1, 9, `${year}年1-9月`, "months");
  const quarter = /^(?:第?([一二三四1-4])季度?|Q([1-4]))$/.exec(rest);
  if (quarter) {
    const q = CN_DIGITS[quarter[1] ?? quarter[2] ?? ""] ?? 0;
    return months(year, q * 3 - 2, q * 3, `${year}年${QUARTER_NAMES[q - 1]}`, "quarter");
  }
  const range = /^(\d{1,2})月?-(\d{1,2})月$/.exec(rest);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from < 1 || to > 12 || from > to) return null;
    if (from === to) return months(year, from, to, `${year}年${from}月`, "month");
    return months(year, from, to, `${year}年${from}-${to}月`, "months");
  }
  const month = /^(\d{1,2})月(?:份)?$/.exec(rest);
  if (month) {
    const n = Number(month[1]);
    return n >= 1 && n <= 12 ? months(year, n, n, `${year}年${n}月`, "month") : null;
  }
  return null;
}

/**
 * Reads a deadline as "YYYY-MM-DD": 2024-07-10, 2024/7/10, 2024.7.10, 2024年7月10日. Null when not a real date.
 * @example parseDeadline("2024年7月10日") // → "2024-07-10"
 */
export function parseDeadline(text: string): string | null {
  const m = /^((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(normalise(text));
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** An explicit time phrase in a normalised text: where it is and the date it names. */
export interface TimePhrase {
  readonly start: number;
  readonly end: number;
  readonly date: string;
  /** Its place in a list of years said together ("到2022年和2030年"), which 分别 shares out: 0, 1, … */
  readonly inList?: number;
}

/** A year named as what a change is measured from: "在2018年的基础上", "以2020年为基数". */
const BASELINE_AFTER = /^(?:的)?(?:基础上|水平上|为基数|为基期|为基准|基础|水平)/;
/** The next year of a list said together: "到2022年和2030年", "到2025年、2030年". */
const LIST_NEXT = /^(?:和|、|及|与)(20\d\d)年(底|末)?/;

const PART_OF_YEAR: Readonly<Record<string, string>> = {
  上半年: "06-30",
  下半年: "12-31",
  一季度: "03-31",
  第一季度: "03-31",
  二季度: "06-30",
  第二季度: "06-30",
  三季度: "09-30",
  第三季度: "09-30",
  四季度: "12-31",
  第四季度: "12-31",
  底: "12-31",
  末: "12-31",
  年底: "12-31",
};

const LEAD = "(?:到|至|截至|截止到|截止|力争|争取|力争在|计划在|计划|要在|于|在)";
const PHRASE = new RegExp(
  `(${LEAD})?(20\\d\\d|19\\d\\d)年(上半年|下半年|第?[一二三四]季度|年底|底|末|(\\d{1,2})月(?:(\\d{1,2})日|底|末|份)?|度)?(前|以前|内|完成|实现)?`,
  "g",
);

function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/**
 * Finds explicit deadlines: 到2024年底, 2024年底前, 到2025年, 2023年完成, 力争2024年…, 2024年上半年, 2024年6月底,
 * 2024年9月30日前.
 * A bare year ("开展2024年医师资格考试") and a statistical year ("2023年度") are not deadlines.
 * @example findTimePhrases("到2024年底,全市…") // → [{ start: 0, end: 7, date: "2024-12-31" }]
 */
export function findTimePhrases(norm: string, planYear: number | null = null): TimePhrase[] {
  const found: TimePhrase[] = [];
  for (const m of norm.matchAll(PHRASE)) {
    const [whole, lead, yearText, part, month, day, tail] = m;
    const year = Number(yearText);
    // (A year already read as the next of a list.)
    if (found.length && m.index < found[found.length - 1]!.end) continue;
    // "2023年度" is a statistical year; "比2025年末", "较2025年" name what a change is measured from.
    // (Only the two characters before are looked at: a regex ending in $ on all the text before is quadratic.)
    if (
      part === "度" ||
      (!lead && /(?:比|较|同比|相比)$/.test(norm.slice(Math.max(0, m.index - 2), m.index)))
    )
      continue;
    let date: string | null = null;
    if (month !== undefined && day !== undefined) {
      // "2026年9月30日前": that day (a date alone, as of an event, is not a deadline).
      const mm = Number(month);
      const dd = Number(day);
      const last = Number(endOfMonth(year, Math.min(Math.max(mm, 1), 12)).slice(8));
      if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= last && (lead || tail))
        date = `${year}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
    } else if (month !== undefined) {
      const mm = Number(month);
      if (mm >= 1 && mm <= 12 && (lead || tail || /[底末]$/.test(part ?? ""))) date = endOfMonth(year, mm);
    } else if (part !== undefined) {
      const key = part.replace(/^第/, "第");
      date = `${year}-${PART_OF_YEAR[key] ?? PART_OF_YEAR[part.replace(/^第/, "")] ?? "12-31"}`;
    } else if (lead || tail) {
      date = `${year}-12-31`;
    }
    if (BASELINE_AFTER.test(norm.slice(m.index + whole.length, m.index + whole.length + 4))) continue;
    if (!date) continue;
    found.push({ start: m.index, end: m.index + whole.length, date });
    // "到2022年和2030年，…分别不低于22%和30%": the years said together, in order.
    let at = m.index + whole.length;
    for (
      let k = 1, next = LIST_NEXT.exec(norm.slice(at, at + 10));
      next;
      k++, next = LIST_NEXT.exec(norm.slice(at, at + 10))
    ) {
      if (k === 1) found[found.length - 1] = { ...found[found.length - 1]!, inList: 0 };
      found.push({ start: at, end: at + next[0].length, date: `${next[1]}-12-31`, inList: k });
      at += next[0].length;
    }
  }
  const all = planYear === null ? found : found.concat(yearlessPhrases(norm, planYear, found));
  return all.sort((a, b) => a.start - b.start);
}

const YEARLESS = /(?:(\d{1,2})月(?:底|末)(?:前)?|(?:年底|年末)(?:前)?|年内|(上半年|下半年))/g;

/** "6月底前", "年底前", "上半年" in an annual plan: the plan's own year. */
function yearlessPhrases(norm: string, year: number, dated: readonly TimePhrase[]): TimePhrase[] {
  const found: TimePhrase[] = [];
  // (Both come in order: the dated phrase that could hold this one is looked for from the last one.)
  let d = 0;
  for (const m of norm.matchAll(YEARLESS)) {
    const start = m.index;
    while (d < dated.length && (dated[d] as TimePhrase).end <= start) d++;
    const inDated = d < dated.length && (dated[d] as TimePhrase).start <= start;
    if (inDated || /\d年?$/.test(norm.slice(Math.max(0, start - 2), start))) continue;
    const month = m[1] ? Number(m[1]) : m[2] === "上半年" ? 6 : 12;
    if (month < 1 || month > 12) continue;
    found.push({ start, end: start + m[0].length, date: endOfMonth(year, month) });
  }
  return found;
}

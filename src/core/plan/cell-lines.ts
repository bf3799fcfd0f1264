import type { PlanLine } from "./scan-items";

/** A table's first heading: its numbering column. */
const NUMBER_HEADING = /^(?:序号|编号)$/;
/** A heading naming what each row is about (the row's title). */
const NAME_HEADING = /指标|名称|任务|内容|事项|项目|工作/;
/** A heading cell: short, with no sentence punctuation, not a number. */
const HEADING_CELL = /^[^。,;:!?]{1,16}$/;
/** A group heading between a table's rows: "一、健康水平", "(一)医疗服务". */
const GROUP_HEADING = /^(?:[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十]{1,3}\))/;
/** The most columns a table has (real ones have up to some fifteen): a longer run of headings is no table's. */
const MAX_COLUMNS = 60;
/** How many lines (group headings, notes) may stand between two rows of a table. */
const BETWEEN_ROWS = 5;
/** A note on a row: "说明：…", "计算方法：…", "注：…". */
const NOTE = /^(?:说明|注|备注|计算方法|计算公式|指标解释|数据来源)[:：]/;

/** A cell holding only a figure: "90", "≥22", "9.5%", "30以上". */
const FIGURE_CELL = /^(?:[<>]=?|[≥≤])?\s*\d+(?:\.\d+)?\s*(?:%|‰)?\s*(?:以上|以下|左右)?$/;

/** A cell of a row: short, not a sentence. */
const CELL = /^[^。]{1,40}$/;
/** A row's number, as its own line: "1", "1.", "1、". */
const ROW_NUMBER = /^(\d{1,4})[.、]?$/;

const isBlank = (l: PlanLine): boolean => l.norm.trim() === "";

/**
 * A table that arrives one cell per line, as text pasted from a web page or converted from PDF does
 * ("序号", "指标名称", "单位", "2025年", "1", "孕产妇死亡率", "/10万", "≤10", "2", …), rebuilt into one line per row
 * with its cells between "|" ("序号 | 指标名称 | 单位 | 2025年", "1 | 孕产妇死亡率 | /10万 | ≤10"), which is how the
 * item scanner reads a table. A row is its number and the next cells, as many as the headings; a row with cells
 * left out ends where the next number begins. A short line between rows (a group heading, "一、健康水平") is kept as
 * it is. Everything else is left as it came.
 * @example joinCellLines(lines("序号", "指标", "目标值", "1", "孕产妇死亡率", "≤10/10万")).map((l) => l.text)
 *   // → ["序号 | 指标 | 目标值", "1 | 孕产妇死亡率 | ≤10/10万"]
 */
export function joinCellLines(lines: readonly PlanLine[]): PlanLine[] {
  const out: PlanLine[] = [];
  for (let i = 0; i < lines.length;) {
    // A table of contents ("指导思想…………… 8") lists headings, it holds none.
    if (CONTENTS_LINE.test(lines[i]!.norm)) {
      i++;
      continue;
    }
    if (LOOSE_HEADING.test(lines[i]!.norm) && !SPACED_HEADING.test(lines[i]!.norm)) {
      const loose = readLooseTable(lines, i);
      if (loose) {
        // (Rows are added one by one: spreading a long list into push() overflows the stack.)
        for (const row of loose.rows) out.push(row);
        i = loose.end;
        continue;
      }
    }
    if (SPACED_HEADING.test(lines[i]!.norm)) {
      const spaced = readSpacedTable(lines, i);
      for (const row of spaced.rows) out.push(row);
      i = spaced.end;
      continue;
    }
    const table = NUMBER_HEADING.test(lines[i]!.norm.trim()) ? readTable(lines, i) : null;
    if (!table) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    for (const row of table.rows) out.push(row);
    i = table.end;
  }
  return out;
}

/** The table starting with the numbering heading at `start`, or null when what follows is not one. */
function readTable(lines: readonly PlanLine[], start: number): { rows: PlanLine[]; end: number } | null {
  // (Only lines with text count: a blank line between cells is how some pages put them. They are gathered as the table
  // is read, not 4000 ahead of each 序号: most start no table, or a short one.)
  const at: number[] = [];
  let next = start;
  const has = (n: number): boolean => {
    for (; at.length <= n && next < lines.length && at.length < 4000; next++)
      if (!isBlank(lines[next]!)) at.push(next);
    return n < at.length;
  };
  const cell = (n: number): PlanLine | undefined => (has(n) ? lines[at[n]!] : undefined);
  let n = 1;
  const isHeading = (c: string) => !ROW_NUMBER.test(c) && !GROUP_HEADING.test(c) && HEADING_CELL.test(c);
  while (has(n) && n <= MAX_COLUMNS && isHeading(cell(n)!.norm.trim())) n++;
  const headings = at.slice(0, n).map((k) => lines[k]!);
  if (headings.length < 3 || !headings.slice(1).some((h) => NAME_HEADING.test(h.norm))) return null;
  const width = headings.length;
  const rows: PlanLine[] = [joined(headings)];
  // (The first row may come after group headings.)
  let expected = NaN;
  for (let m = n; m <= n + BETWEEN_ROWS && Number.isNaN(expected); m++)
    expected = Number(ROW_NUMBER.exec(cell(m)?.norm.trim() ?? "")?.[1] ?? NaN);
  if (!Number.isFinite(expected)) return null;
  while (has(n)) {
    const number = ROW_NUMBER.exec(cell(n)!.norm.trim());
    if (!number || Number(number[1]) !== expected) {
      // Group headings ("(一)", "健康知识普及行动", "结果性指标") and notes ("说明：…", "计算方法：…") between rows, when
      // the next row follows them.
      const between = (m: number) => {
        const text = cell(m)?.norm.trim() ?? "";
        return text.length <= 20 || NOTE.test(text);
      };
      let m = n;
      while (m < n + BETWEEN_ROWS && has(m) && between(m) && !ROW_NUMBER.test(cell(m)!.norm.trim())) m++;
      if (m > n && ROW_NUMBER.exec(cell(m)?.norm.trim() ?? "")?.[1] === String(expected)) {
        for (let k = n; k < m; k++) rows.push(cell(k)!);
        n = m;
        continue;
      }
      break;
    }
    const isNext = (m: number) => ROW_NUMBER.exec(cell(m)?.norm.trim() ?? "")?.[1] === String(expected + 1);
    // As many cells as headings, unless the row ends sooner: at the next row's number (when the full count would not
    // end where a row begins: a value may be the next number), at a group heading or a note, and for the last row at a
    // line that is no cell (a note below the table; the title cell may be long).
    const fullEndsAtRow = isNext(n + width) || !has(n + width);
    const last = !Array.from({ length: width + BETWEEN_ROWS + 1 }, (_, m) => isNext(n + 1 + m)).some(Boolean);
    let count = 0;
    for (let m = 1; m <= width - 1 && has(n + m); m++) {
      const text = cell(n + m)!.norm.trim();
      if (GROUP_HEADING.test(text) || NOTE.test(text)) break;
      if (isNext(n + m) && !fullEndsAtRow) break;
      if (last && m >= 2 && !CELL.test(text)) break;
      count = m;
    }
    const cells = at.slice(n, Math.min(n + 1 + count, at.length)).map((k) => lines[k]!);
    // A row short of cells whose first value is a bare figure left the first ones after its title empty (a baseline
    // not known, most often): what it has is put in the last columns, under their headings. Otherwise (a baseline
    // written out, "2002—2012年平均每年增长约5.3%") it is short at its end.
    const blanks = width - cells.length;
    const blank = (c: PlanLine): PlanLine => ({ text: "", norm: "", lineNo: c.lineNo });
    const early = blanks > 0 && cells.length > 2 && FIGURE_CELL.test(cells[2]!.norm.trim());
    const padding = Array.from({ length: early ? blanks : 0 }, () => blank(cells[0]!));
    rows.push(joined([...cells.slice(0, 2), ...padding, ...cells.slice(2)]));

    n += 1 + count;
    expected++;
  }
  if (rows.length < 2) return null;
  return { rows, end: has(n) ? at[n]! : lines.length };
}

/** A line of a table of contents: a heading, leader dots, a page number. */
const CONTENTS_LINE = /(?:…{2,}|\.{4,}|·{4,}|-{4,})\s*\d{1,4}\s*$/;
/** A heading row of a table whose cells lost their separators ("序号 2023年重点工作任务 牵头 领导 …"). */
const LOOSE_HEADING = /^\s*(?:序号|编号)\s+[^\s|]/;
/** A row of such a table: its number, a space, then its text ("85 新增托育机构2所以上。…"). */
const LOOSE_ROW = /^\s*(\d{1,4})\s+(?=[\u4e00-\u9fa5“"(])/;

/**
 * A table whose cells lost their separators (pasted from a web page): each row is its number and the rest of its
 * line as one cell ("85 | 新增托育机构2所以上。…"); a line without a number continues the row before. The heading row
 * is kept as text: which column is which cannot be told.
 */
function readLooseTable(lines: readonly PlanLine[], start: number): { rows: PlanLine[]; end: number } | null {
  const rows: PlanLine[] = [lines[start]!];
  let found = 0;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const row = LOOSE_ROW.exec(line.norm);
    if (!row) {
      rows.push(line);
      continue;
    }
    const cut = row[0].length;
    const number = row[1]!;
    rows.push({
      text: `${number} | ${line.text.slice(cut)}`,
      norm: `${number} | ${line.norm.slice(cut)}`,
      lineNo: line.lineNo,
    });
    found++;
  }
  return found ? { rows, end: i } : null;
}

/** A heading row whose cells are set apart by runs of spaces ("序号  指标名称  单位  2025年"). */
const SPACED_HEADING = /^\s*(?:序号|编号)\s{2,}[^\s|]/;
/** A row of such a table: its number, then cells apart by runs of spaces. */
const SPACED_ROW = /^\s*\d{1,4}[.、]?\s{2,}\S/;

/**
 * A table whose cells are set apart by runs of spaces (text converted from PDF, or typed with spaces): its heading
 * and rows, and the group headings between them, as "|" rows.
 */
function readSpacedTable(lines: readonly PlanLine[], start: number): { rows: PlanLine[]; end: number } {
  const rows: PlanLine[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (i === start || SPACED_ROW.test(line.norm)) rows.push(spaced(line));
    else if (isBlank(line) || (line.norm.trim().length <= 20 && SPACED_ROW.test(lines[i + 1]?.norm ?? "")))
      rows.push(line);
    else break;
  }
  return { rows, end: i };
}

/** A line of cells apart by runs of spaces, as "a | b | c" (text and its normalised form split at the same places). */
function spaced(line: PlanLine): PlanLine {
  const split = (s: string) => s.trim().split(/\s{2,}/);
  return { text: split(line.text).join(" | "), norm: split(line.norm).join(" | "), lineNo: line.lineNo };
}

/** Cells as one row, "a | b | c", as written and normalised alike (the same length), at the first cell's line. */
function joined(cells: readonly PlanLine[]): PlanLine {
  return {
    text: cells.map((c) => c.text.trim()).join(" | "),
    norm: cells.map((c) => c.norm.trim()).join(" | "),
    lineNo: cells[0]!.lineNo,
  };
}

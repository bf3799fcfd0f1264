/** Reading Excel number format codes: is a cell shown as a date, or as a percentage? */

/** The format code without quoted text, escaped characters and [colour]/[condition] sections. */
function stripLiterals(code: string): string {
  return code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

/**
 * True when a number format shows a date or time ("yyyy-mm-dd", "m/d/yy", "h:mm", "yyyy年m月d日").
 * @example isDateFormat("yyyy\"年\"m\"月\"d\"日\"") // → true
 * @example isDateFormat("0.00%") // → false
 */
export function isDateFormat(code: string): boolean {
  if (!code || /^general$/i.test(code)) return false;
  return /[ymdhs]/i.test(stripLiterals(code).replace(/E[+-]/gi, ""));
}

/**
 * True when a number format shows the value as a percentage (Excel multiplies by 100 when displaying).
 * @example isPercentFormat("0%") // → true
 * @example isPercentFormat("0\"%\"") // → false (a literal sign, not a percent format)
 */
export function isPercentFormat(code: string): boolean {
  return stripLiterals(code).includes("%");
}

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system, as Excel counts it (with its 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 2099-12-31: later dates are not read (and dates typed as text are read only in 1900–2099 too). */
const LAST_SERIAL = 73_050;

/**
 * An Excel date serial as "YYYY-MM-DD" (1900 date system); null outside 1900-03-01–2099-12-31.
 * @example serialToDate(45483) // → "2024-07-10"
 */
export function serialToDate(serial: number): string | null {
  // Serials below 61 fall before Excel's phantom 1900-02-29 and count differently; no return is dated then.
  if (!Number.isFinite(serial) || serial < 61 || serial >= LAST_SERIAL + 1) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/** Days between 1899-12-30 (Excel's day 0, after its 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86400000;

const pad = (n: number): string => String(n).padStart(2, "0");

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2999) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * Reads a 填报日期 as "YYYY-MM-DD": an Excel date serial, "2024-07-08", "2024/7/8", "2024.7.8", "2024年7月8日",
 * "20240708", or an ISO date-time. Anything else → null.
 * @example filledOnDate("2024年7月8日") // → "2024-07-08"
 * @example filledOnDate(45481) // → "2024-07-08"
 */
export function filledOnDate(value: number | string | null): string | null {
  if (value === null) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value > 2958465) return null;
    const t = new Date(Math.round((Math.floor(value) - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
    return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  const text = value.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d+(\.\d+)?$/.test(text)) return filledOnDate(Number(text));
  return null;
}

/**
 * Compares two optional sortable strings (ISO dates or times); a missing one sorts first.
 * @example compareOptional("2024-07-01", null) // → 1
 */
export function compareOptional(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

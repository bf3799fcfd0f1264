const pad = (n: number): string => String(n).padStart(2, "0");

/**
 * Reads a typed date as "YYYY-MM-DD": 2024-07-10, 2024/7/10, 2024.7.10, 2024年7月10日, 20240710. Null when the
 * text is not a real date.
 * @example readDateText("2024年7月10日") // → "2024-07-10"
 * @example readDateText("2024-07-10T00:00:00Z") // → "2024-07-10"
 * @example readDateText("2024-02-30") // → null
 */
export function readDateText(text: string): string | null {
  // An ISO date-time (Strict Open XML date cells, some exports) keeps its date part.
  const s = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^(\d{4}-\d\d-\d\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$/, "$1");
  const m =
    /^((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^((?:19|20)\d\d)(\d\d)(\d\d)$/.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > last) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

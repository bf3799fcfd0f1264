import { attributes } from "./xml-text";

/** Number format and lock state of one cell style (an entry of cellXfs). */
export interface CellStyle {
  readonly numFmt: string;
  readonly locked: boolean;
}

/** Built-in number formats that matter here (percent and date ones), by id; the rest read as General. */
const BUILTIN: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy-mm-dd",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy-mm-dd h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  49: "@",
};

/** Ids 27–36 and 50–58 are the East Asian built-in date formats (yyyy年m月d日 and friends). */
function builtinFormat(id: number): string {
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return "yyyy-mm-dd";
  return BUILTIN[id] ?? "General";
}

export const DEFAULT_STYLE: CellStyle = { numFmt: "General", locked: true };

/**
 * Reads styles.xml into one CellStyle per cellXfs index: its number format code and whether it keeps the cell
 * locked (Excel's default is locked unless <protection locked="0"/>).
 */
export function readStyles(xml: string): readonly CellStyle[] {
  const formats = new Map<number, string>();
  const fmtRe = /<(?:\w+:)?numFmt\b([^>]*?)\/?>/g;
  for (let m = fmtRe.exec(xml); m; m = fmtRe.exec(xml)) {
    const a = attributes(m[1] ?? "");
    formats.set(Number(a.numFmtId), a.formatCode ?? "General");
  }
  const start = xml.search(/<(?:\w+:)?cellXfs\b/);
  if (start < 0) return [];
  const end = xml.indexOf("cellXfs>", start + 8);
  const section = xml.slice(start, end < 0 ? xml.length : end);
  const styles: CellStyle[] = [];
  const xfRe = /<(?:\w+:)?xf\b([^>]*?)(\/?)>/g;
  for (let m = xfRe.exec(section); m; m = xfRe.exec(section)) {
    const a = attributes(m[1] ?? "");
    let locked = true;
    if (m[2] !== "/") {
      const close = section.indexOf("xf>", xfRe.lastIndex);
      const inner = section.slice(xfRe.lastIndex, close < 0 ? section.length : close);
      const prot = /<(?:\w+:)?protection\b([^>]*)/.exec(inner);
      if (prot) locked = !/locked\s*=\s*["'](0|false)["']/.test(prot[1] ?? "");
    }
    const id = Number(a.numFmtId ?? 0);
    styles.push({ numFmt: formats.get(id) ?? builtinFormat(id), locked });
  }
  return styles;
}

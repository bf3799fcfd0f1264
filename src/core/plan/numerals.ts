const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can make up a Chinese numeral up to 9999. */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千";

/**
 * Reads a Chinese numeral up to 9999; null when the text is not one.
 * @example chineseToNumber("十二") // → 12
 * @example chineseToNumber("三") // → 3
 */
export function chineseToNumber(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    const m = MULTIPLIERS[ch];
    if (d !== undefined) {
      digit = d;
    } else if (m !== undefined) {
      total += (digit ?? 1) * m;
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

/** Value of a numbering label: "十二" → 12, "12" → 12, "⑤" → 5. */
export function labelNumber(label: string): number | null {
  if (/^\d+$/.test(label)) return Number(label);
  const code = label.charCodeAt(0);
  if (label.length === 1 && code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  return chineseToNumber(label);
}

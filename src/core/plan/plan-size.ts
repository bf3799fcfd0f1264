import { makeFinding } from "../findings/make-finding";
import type { Finding, Location } from "../findings/types";

/**
 * The most text a plan may have, in bytes of UTF-8: 2 MB, some 700,000 Chinese characters or a thousand pages, a
 * hundred times a long work plan (the sample plans run to 7–26 KB). Parsing takes time and memory in proportion to
 * the text, and on the worst text we could make (a target every few characters) 2 MB takes some 15–20 seconds and
 * 700 MB, where 5 MB would take 45 seconds and 1.7 GB; a real plan of 2 MB reads in well under a second.
 */
export const MAX_PLAN_BYTES = 2 * 1024 * 1024;

/**
 * The size of a text in bytes of UTF-8, counted no further than just past `limit`.
 * @example utf8Length("工作要点2024", 100) // → 16
 */
export function utf8Length(text: string, limit = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i);
    // (Each half of a surrogate pair counts 2: the pair is 4 bytes.)
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3;
  }
  return bytes;
}

/**
 * A size in bytes as people read it: "2 MB", "5.3 MB", "980 KB".
 * @example formatBytes(2 * 1024 * 1024) // → "2 MB"
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/**
 * The finding for a plan whose text (or file) is over its limit, MAX_PLAN_BYTES unless said: `bytes` its size, at
 * `location`.
 * @example planTooLarge(5 * 1024 * 1024, { kind: "plan", line: 1 }).message.en
 *   // → "The plan's text is too large (5 MB; the limit is 2 MB) and was not read. …"
 */
export function planTooLarge(bytes: number, location: Location, limit = MAX_PLAN_BYTES): Finding {
  return makeFinding("plan.too_large", location, { size: formatBytes(bytes), limit: formatBytes(limit) });
}

/**
 * The finding for a text over MAX_PLAN_BYTES, or null: looked at before anything else is done with the text.
 * @example textTooLarge("一、任务") // → null
 */
export function textTooLarge(text: string): Finding | null {
  // (A UTF-16 unit is at most 3 bytes of UTF-8: a text of up to a third of the limit in units is not counted.)
  if (text.length * 3 <= MAX_PLAN_BYTES) return null;
  const bytes = utf8Length(text, MAX_PLAN_BYTES);
  return bytes > MAX_PLAN_BYTES ? planTooLarge(utf8Length(text), { kind: "plan", line: 1 }) : null;
}

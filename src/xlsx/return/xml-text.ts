/**
 * Tiny helpers for scanning SpreadsheetML with regular expressions (no DOM, no full parser: speed matters).
 *
 * Parts are scanned as *byte strings*: each byte of the UTF-8 file is one character (latin1), which decodes ten
 * times faster than UTF-8 and keeps XML syntax (all ASCII) intact. Only the text actually used (a value, a
 * formula, a shared string) is decoded from UTF-8, with `utf8Text`.
 */

const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
const utf8Decoder = new TextDecoder("utf-8");

/** A part's bytes as a byte string (one char per byte). */
export function byteString(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  return portableByteString(bytes);
}

/**
 * byteString without Node's Buffer (the task pane): String.fromCharCode applied to 8 KB at a time. Spreading the
 * bytes into its arguments (`fromCharCode(...chunk)`) took most of the pane's time reading 200 returns, several times
 * longer than `apply`; TextDecoder has no decoder that maps every byte to itself ("latin1" is windows-1252) and its
 * UTF-16 one, on widened bytes, was slower still.
 * @example portableByteString(new Uint8Array([0x3c, 0xe4, 0xb8, 0x8d])) // → "<\u00e4\u00b8\u008d"
 */
export function portableByteString(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192)
    out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/**
 * A worksheet part as a byte string without what follows its cells: data validations and conditional formats,
 * often half a template's sheet, are left undecoded, except the sheetProtection tag. Cut only when the *last*
 * "sheetData" in the part is the end of the cells, so neither text that happens to say "sheetData" nor a truncated
 * part ever cuts cells off (in those cases, the whole part).
 */
export function sheetByteString(bytes: Uint8Array): string {
  return cutSheet(NodeBuffer ? nodeBytes(bytes) : portableBytes(bytes), bytes.length);
}

/** sheetByteString without Node's Buffer (the task pane; exported for its test). */
export function portableSheetByteString(bytes: Uint8Array): string {
  return cutSheet(portableBytes(bytes), bytes.length);
}

function cutSheet(part: PartBytes, length: number): string {
  const first = part.indexOf("sheetData", 0);
  const last = part.lastIndexOf("sheetData");
  const lt = last < 0 ? -1 : part.byteBefore(60, last); // <
  const end = last < 0 ? -1 : part.byteAfter(62, last); // >
  // Only a real end of the cells is a place to cut (not an opening tag of a truncated part, not text).
  if (first < 0 || lt < 0 || end < 0 || !SHEET_DATA_END.test(part.text(lt, end + 1)))
    return part.text(0, length);
  const head = part.text(0, end + 1);
  for (
    let at = part.indexOf("sheetProtection", first);
    at >= 0;
    at = part.indexOf("sheetProtection", at + 1)
  ) {
    const lt = part.byteBefore(60, at); // <
    const gt = part.byteAfter(62, at);
    if (lt < 0 || gt < 0) break;
    const tag = part.text(lt, gt + 1);
    if (PROTECTION_TAG.test(tag)) return lt > end ? head + tag : head;
  }
  return head;
}

/** What sheetByteString needs of a part's bytes: ASCII searches and byte strings of ranges. */
interface PartBytes {
  indexOf(ascii: string, from: number): number;
  lastIndexOf(ascii: string): number;
  /** The last `byte` at or before `at`, or -1. */
  byteBefore(byte: number, at: number): number;
  /** The first `byte` at or after `at`, or -1. */
  byteAfter(byte: number, at: number): number;
  text(start: number, end: number): string;
}

function nodeBytes(bytes: Uint8Array): PartBytes {
  const buf = NodeBuffer!.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    indexOf: (ascii, from) => buf.indexOf(ascii, from),
    lastIndexOf: (ascii) => buf.lastIndexOf(ascii),
    byteBefore: (byte, at) => buf.lastIndexOf(byte, at),
    byteAfter: (byte, at) => buf.indexOf(byte, at),
    text: (start, end) => buf.toString("latin1", start, end),
  };
}

/** The same searches on a plain Uint8Array (the task pane), its first byte found natively, the rest compared. */
function portableBytes(bytes: Uint8Array): PartBytes {
  const matches = (at: number, ascii: string): boolean => {
    for (let j = 1; j < ascii.length; j++) if (bytes[at + j] !== ascii.charCodeAt(j)) return false;
    return at + ascii.length <= bytes.length;
  };
  return {
    indexOf: (ascii, from) => {
      for (
        let at = bytes.indexOf(ascii.charCodeAt(0), from);
        at >= 0;
        at = bytes.indexOf(ascii.charCodeAt(0), at + 1)
      )
        if (matches(at, ascii)) return at;
      return -1;
    },
    lastIndexOf: (ascii) => {
      for (
        let at = bytes.lastIndexOf(ascii.charCodeAt(0));
        at >= 0;
        at = at > 0 ? bytes.lastIndexOf(ascii.charCodeAt(0), at - 1) : -1
      )
        if (matches(at, ascii)) return at;
      return -1;
    },
    byteBefore: (byte, at) => bytes.lastIndexOf(byte, at),
    byteAfter: (byte, at) => bytes.indexOf(byte, at),
    text: (start, end) => portableByteString(bytes.subarray(start, end)),
  };
}

const PROTECTION_TAG = /^<(?:\w+:)?sheetProtection[\s/>]/;
const SHEET_DATA_END = /^(?:<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>)$/;

/** A part's bytes decoded as UTF-8 in one native call (for parts that are mostly text, like sharedStrings). */
export function utf8String(bytes: Uint8Array): string {
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
  return utf8Decoder.decode(bytes);
}

/**
 * Decodes a byte string's UTF-8 (ASCII passes through untouched).
 * @example utf8Text("\u00e4\u00b8\u008d") // → "不"
 */
export function utf8Text(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(s)) return s;
  if (NodeBuffer) return NodeBuffer.from(s, "latin1").toString("utf8");
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return utf8Decoder.decode(bytes);
}

const NAMED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function entity(name: string): string | undefined {
  const named = NAMED[name];
  if (named !== undefined) return named;
  if (name[0] !== "#") return undefined;
  const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/**
 * Decodes XML entities and OOXML's _xHHHH_ escapes (used for control characters such as _x000D_), in one pass
 * over the entities (a long spec string has thousands of &quot;).
 * @example decodeXml("A &amp; B_x000D_") // → "A & B\r"
 */
export function decodeXml(text: string): string {
  let s = text;
  if (s.includes("_x"))
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  let i = s.indexOf("&");
  if (i < 0) return s;
  const parts: string[] = [];
  let last = 0;
  while (i >= 0) {
    const semi = s.indexOf(";", i);
    const replacement = semi > i && semi - i <= 10 ? entity(s.slice(i + 1, semi)) : undefined;
    if (replacement === undefined) {
      i = s.indexOf("&", i + 1);
      continue;
    }
    parts.push(s.slice(last, i), replacement);
    last = semi + 1;
    i = s.indexOf("&", last);
  }
  parts.push(s.slice(last));
  return parts.join("");
}

const NAMED_ORDER = ["quot", "lt", "gt", "apos", "amp"] as const;

/**
 * Decodes a byte-string fragment of XML text: named entities first while the string is still one byte per char
 * (native split/join, fast even with the thousands of &quot; of a spec), then UTF-8, then the rare numeric
 * entities and _xHHHH_ escapes.
 * @example xmlText("&quot;\u00e4\u00b8\u008d&quot;") // → "\"不\""
 */
export function xmlText(fragment: string): string {
  let s = fragment;
  if (s.includes("&")) {
    for (const name of NAMED_ORDER) {
      const token = `&${name};`;
      if (s.includes(token)) s = s.split(token).join(NAMED[name]);
    }
  }
  s = utf8Text(s);
  return s.includes("&#") || s.includes("_x") ? decodeXml(s) : s;
}

/**
 * xmlText, remembered: for text that repeats from return to return of a template (the formulas of 完成值 and 是否达标,
 * their cached results such as 达标), which would otherwise be decoded again in every file.
 */
export function repeatedXmlText(fragment: string): string {
  let text = repeated.get(fragment);
  if (text === undefined) {
    text = xmlText(fragment);
    if (repeated.size >= 8192) repeated.clear();
    repeated.set(fragment, text);
  }
  return text;
}

const repeated = new Map<string, string>();

/**
 * One attribute of a start tag's attribute text, without parsing the others (the hot path of the sheet scan).
 * @example attribute(' r="D7" s="3" t="s"', "s") // → "3"
 */
export function attribute(text: string, name: string): string | undefined {
  const raw = rawAttribute(text, name);
  return raw === undefined ? undefined : xmlText(raw);
}

/**
 * One attribute's value as written, undecoded: for the ASCII attributes of every cell (r, s, t), where decoding
 * would only cost time.
 * @example rawAttribute(' r="D7" s="3"', "r") // → "D7"
 */
export function rawAttribute(text: string, name: string): string | undefined {
  return attributeAt(text, ` ${name}=`);
}

/** rawAttribute with the ` name=` to look for already made (for the per-cell attributes r, s and t). */
export function attributeAt(text: string, needle: string): string | undefined {
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  const quote = text.charCodeAt(at + needle.length);
  const start = at + needle.length + 1;
  const end = text.indexOf(quote === 39 ? "'" : '"', start);
  return end < 0 ? undefined : text.slice(start, end);
}

/**
 * Attributes of a start tag's attribute text, by local name (prefixes dropped: r:id → id).
 * @example attributes(' r="D7" s="3" t="s"') // → { r: "D7", s: "3", t: "s" }
 */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? "";
    const local = name.includes(":") && !name.startsWith("xmlns") ? name.slice(name.indexOf(":") + 1) : name;
    out[local] = xmlText(m[2] ?? m[3] ?? "");
  }
  return out;
}

/**
 * The text of every <t> element inside a fragment (shared string item or inline string), skipping phonetic runs
 * (<rPh>), joined and decoded.
 * @example textOf("<r><t>95</t></r><r><t xml:space=\"preserve\">%</t></r>") // → "95%"
 */
export function textOf(fragment: string): string {
  if (fragment.length < LONG_TEXT) return decodeTextOf(fragment);
  const hit = longTexts.get(fragment);
  if (hit !== undefined) return hit;
  const text = decodeTextOf(fragment);
  if (longTexts.size >= 32) longTexts.delete(longTexts.keys().next().value ?? "");
  longTexts.set(fragment, text);
  return text;
}

/**
 * Long shared strings (the spec JSON stored in every return of a template, tens of KB) are decoded once and
 * remembered by their raw bytes: a consolidation reads hundreds of returns carrying the same spec.
 */
const LONG_TEXT = 4096;
const longTexts = new Map<string, string>();

/**
 * textOf for a fragment already decoded from UTF-8 (a real string, not a byte string): entities and _xHHHH_ only.
 * @example decodedTextOf("<t>不&amp;适用</t>") // → "不&适用"
 */
export function decodedTextOf(fragment: string): string {
  if (fragment.length < LONG_TEXT) return plainItem(fragment) ?? decodeTextOf(fragment, decodeXml);
  const hit = longDecoded.get(fragment);
  if (hit !== undefined) return hit;
  const text = decodeTextOf(fragment, decodeXml);
  if (longDecoded.size >= 32) longDecoded.delete(longDecoded.keys().next().value ?? "");
  longDecoded.set(fragment, text);
  return text;
}

const longDecoded = new Map<string, string>();

/**
 * The text of the commonest item, <t>text</t> or <t xml:space="preserve">text</t> with nothing to decode, taken
 * without a regular expression (a return's entry sheet looks up hundreds of such labels); null otherwise.
 */
function plainItem(fragment: string): string | null {
  if (!fragment.startsWith("<t") || !fragment.endsWith("</t>")) return null;
  const start = fragment.startsWith("<t>") ? 3 : fragment.startsWith(PRESERVE) ? PRESERVE.length : -1;
  if (start < 0) return null;
  const end = fragment.length - 4;
  const lt = fragment.indexOf("<", start);
  if (lt !== end) return null;
  const amp = fragment.indexOf("&", start);
  if (amp >= 0) return null;
  const text = fragment.slice(start, end);
  return text.includes("_x") ? null : text;
}

const PRESERVE = '<t xml:space="preserve">';

function decodeTextOf(fragment: string, decode: (s: string) => string = xmlText): string {
  const clean = fragment.includes("rPh")
    ? fragment.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "")
    : fragment;
  const simple = /^<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>$/.exec(clean);
  if (simple) return decode(simple[1] ?? "");
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) out += m[1] ?? "";
  return decode(out);
}

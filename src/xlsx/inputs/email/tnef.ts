/**
 * Outlook's winmail.dat (TNEF, MS-OXTNEF): Outlook sends a message in its rich-text format as one attachment of that
 * name holding the real attachments, so a return sent that way arrives as winmail.dat. This reads just the
 * attachments out: their names and bytes, each a slice of the file (nothing is inflated, every length is checked
 * against what is left).
 */

export interface TnefAttachment {
  /** The long file name when the properties give one, else the title; "" when neither. */
  readonly name: string;
  /** null when the attachment has no data of its own (an embedded Outlook item). */
  readonly data: Uint8Array | null;
}

export type TnefRead =
  | { readonly ok: true; readonly attachments: readonly TnefAttachment[] }
  | { readonly ok: false; readonly reason: string; readonly reasonEn: string };

const SIGNATURE = 0x223e9f78;
const LEVEL_ATTACHMENT = 0x02;
// Attributes by their name (the low word of the id; the high word, their type, is left 0 by some writers).
const ATT_ATTACH_REND_DATA = 0x9002;
const ATT_ATTACH_TITLE = 0x8010;
const ATT_ATTACH_DATA = 0x800f;
const ATT_ATTACHMENT = 0x9005;
const ATT_OEM_CODEPAGE = 0x9007;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PR_ATTACH_DATA = 0x3701;
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
const pad4 = (n: number): number => (n + 3) & ~3;

/** True when the bytes start with TNEF's signature (whatever the attachment is called). */
export const isTnef = (bytes: Uint8Array): boolean => bytes.length >= 6 && u32(bytes, 0) === SIGNATURE;

/** Text in a Windows code page (936 GBK on Chinese Windows); UTF-8 when the code page is unknown here. */
function decodeText(bytes: Uint8Array, codepage: number): string {
  const end = bytes.indexOf(0);
  const text = end >= 0 ? bytes.subarray(0, end) : bytes;
  const label =
    codepage === 936 ? "gbk" : codepage === 950 ? "big5" : codepage === 1252 ? "windows-1252" : "utf-8";
  try {
    return new TextDecoder(label).decode(text);
  } catch {
    return new TextDecoder("utf-8").decode(text);
  }
}

/** Bytes a fixed-size MAPI property value takes in TNEF (2-byte values are padded to 4); 0 for variable ones. */
function fixedSize(type: number): number {
  switch (type) {
    case 0x0002: // Integer16
    case 0x0003: // Integer32
    case 0x0004: // Floating32
    case 0x000a: // ErrorCode
    case 0x000b: // Boolean
      return 4;
    case 0x0005: // Floating64
    case 0x0006: // Currency
    case 0x0007: // FloatingTime
    case 0x0014: // Integer64
    case 0x0040: // Time
      return 8;
    case 0x0048: // Guid
      return 16;
    default:
      return 0;
  }
}

const VARIABLE = new Set([PT_STRING8, PT_UNICODE, PT_BINARY, 0x000d]);

interface AttachmentProps {
  readonly longName: string | null;
  /** PR_ATTACH_DATA_BIN, where some writers put the data instead of attAttachData. */
  readonly data: Uint8Array | null;
}

/** One MAPI property value of an attachment's list, if it is one wanted here. */
function takeValue(
  found: { longName: string | null; data: Uint8Array | null },
  id: number,
  type: number,
  value: Uint8Array,
  codepage: number,
): void {
  if (id === PR_ATTACH_LONG_FILENAME && type === PT_UNICODE)
    found.longName = new TextDecoder("utf-16le").decode(value).replace(/\0+$/, "");
  else if (id === PR_ATTACH_LONG_FILENAME && type === PT_STRING8)
    found.longName = decodeText(value, codepage);
  else if (id === PR_ATTACH_DATA && type === PT_BINARY) found.data = value;
}

/**
 * The long file name and data among an attachment's MAPI properties (attAttachment). Stops quietly at anything it
 * cannot read: the title and data attributes are there as well.
 */
function attachmentProps(b: Uint8Array, codepage: number): AttachmentProps {
  const found: { longName: string | null; data: Uint8Array | null } = { longName: null, data: null };
  let p = 4;
  const count = u32(b, 0);
  for (let n = 0; n < count && p + 4 <= b.length; n++) {
    const type = u16(b, p);
    const id = u16(b, p + 2);
    p += 4;
    if (id >= 0x8000) {
      // A named property: its GUID, then a number or a UTF-16 name.
      const kind = u32(b, p + 16);
      p += 20;
      p += kind === 0 ? 4 : 4 + pad4(u32(b, p));
    }
    const base = type & 0x0fff;
    const counted = (type & 0x1000) !== 0 || VARIABLE.has(base);
    const values = counted ? u32(b, p) : 1;
    if (counted) p += 4;
    if (!VARIABLE.has(base)) {
      const size = fixedSize(base);
      if (size === 0) break;
      p += size * values;
      continue;
    }
    for (let v = 0; v < values && p + 4 <= b.length; v++) {
      const length = u32(b, p);
      takeValue(found, id, base, b.subarray(p + 4, Math.min(b.length, p + 4 + length)), codepage);
      p += 4 + pad4(length);
    }
  }
  return found;
}

/**
 * The attachments in a winmail.dat, in order, or why it cannot be read (not TNEF, cut short).
 * @example readTnef(winmailDat) // → { ok: true, attachments: [{ name: "东湖区.xlsx", data: Uint8Array(…) }] }
 */
export function readTnef(bytes: Uint8Array): TnefRead {
  if (!isTnef(bytes)) return { ok: false, reason: "不是 TNEF 格式", reasonEn: "not TNEF" };
  const found: { title: string; props: AttachmentProps | null; data: Uint8Array | null }[] = [];
  let codepage = 0;
  let p = 6;
  while (p + 9 <= bytes.length) {
    const level = bytes[p]!;
    const id = u16(bytes, p + 1);
    const data = p + 9;
    // An attribute cut short at the end (a missing checksum, a truncated file) keeps what is there: a return cut
    // short is then reported as damaged where it is read.
    const end = Math.min(bytes.length, data + u32(bytes, p + 5));
    const value = bytes.subarray(data, end);
    p = end + 2; // the checksum is not checked: a wrong one still leaves the data readable
    if (id === ATT_OEM_CODEPAGE) codepage = u32(value, 0);
    if (level !== LEVEL_ATTACHMENT) continue;
    // attAttachRendData opens each attachment (an attribute before any opens one too, so none is lost).
    if (id === ATT_ATTACH_REND_DATA || found.length === 0) found.push({ title: "", props: null, data: null });
    const current = found.at(-1)!;
    if (id === ATT_ATTACH_TITLE) current.title = decodeText(value, codepage);
    else if (id === ATT_ATTACH_DATA) current.data = value;
    else if (id === ATT_ATTACHMENT) current.props = attachmentProps(value, codepage);
  }
  const attachments = found.map((a) => ({
    name: a.props?.longName || a.title,
    data: a.data ?? a.props?.data ?? null,
  }));
  return { ok: true, attachments };
}

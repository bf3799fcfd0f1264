import { deflateSync, strToU8 } from "fflate";

/**
 * Builders for hostile and unusual inputs, written byte by byte here so every test makes its own fixture: a zip with
 * zip64 records (as `zip -fz` writes), a zip whose directory names one local entry many times, an email with any
 * mix of parts, and Outlook's winmail.dat (TNEF).
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Little-endian bytes, one writer call per field. */
class Bytes {
  private readonly parts: number[] = [];
  u8 = (n: number) => (this.parts.push(n & 0xff), this);
  u16 = (n: number) => this.u8(n).u8(n >>> 8);
  u32 = (n: number) => this.u16(n & 0xffff).u16(n >>> 16);
  u64 = (n: number) => this.u32(n % 2 ** 32).u32(Math.floor(n / 2 ** 32));
  raw = (b: Uint8Array | readonly number[]) => {
    for (const x of b) this.parts.push(x);
    return this;
  };
  get length(): number {
    return this.parts.length;
  }
  done = (): Uint8Array => new Uint8Array(this.parts);
}

const MAX32 = 0xffffffff;
/** 2024-07-08 10:00:00 as a DOS time and date. */
const DOS_TIME = (10 << 11) | 0;
const DOS_DATE = ((2024 - 1980) << 9) | (7 << 5) | 8;

/**
 * A zip written with zip64 records, as Info-ZIP's `zip -fz` does: every local header has a zip64 extra field with
 * both sizes (and 0xFFFFFFFF in the old fields), each central entry has 0xFFFFFFFF for the fields given in its zip64
 * extra field (the first entry its uncompressed size only, as Info-ZIP writes; the others all three), and the end
 * records are the zip64 end record, its locator and an end record with 0xFFFF and 0xFFFFFFFF.
 */
export function zip64Of(files: Record<string, Uint8Array>): Uint8Array {
  const out = new Bytes();
  const central = new Bytes();
  const names = Object.keys(files);
  names.forEach((name, i) => {
    const data = files[name]!;
    const packed = deflateSync(data, { level: 6 });
    const nameBytes = strToU8(name);
    const crc = crc32(data);
    const offset = out.length;
    out.u32(0x04034b50).u16(45).u16(0x0800).u16(8).u16(DOS_TIME).u16(DOS_DATE).u32(crc).u32(MAX32).u32(MAX32);
    out.u16(nameBytes.length).u16(20).raw(nameBytes).u16(0x0001).u16(16).u64(data.length).u64(packed.length);
    out.raw(packed);
    const all = i > 0;
    central.u32(0x02014b50).u16(0x031e).u16(45).u16(0x0800).u16(8).u16(DOS_TIME).u16(DOS_DATE).u32(crc);
    central
      .u32(all ? MAX32 : packed.length)
      .u32(MAX32)
      .u16(nameBytes.length)
      .u16(all ? 28 : 12);
    central
      .u16(0)
      .u16(0)
      .u16(0)
      .u32(0o100644 << 16)
      .u32(all ? MAX32 : offset)
      .raw(nameBytes);
    central
      .u16(0x0001)
      .u16(all ? 24 : 8)
      .u64(data.length);
    if (all) central.u64(packed.length).u64(offset);
  });
  const dirOffset = out.length;
  const dir = central.done();
  out.raw(dir);
  const record = out.length;
  out.u32(0x06064b50).u64(44).u16(0x031e).u16(45).u32(0).u32(0);
  out.u64(names.length).u64(names.length).u64(dir.length).u64(dirOffset);
  out.u32(0x07064b50).u32(0).u64(record).u32(1);
  out.u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(MAX32).u32(MAX32).u16(0);
  return out.done();
}

/**
 * A zip with one stored local entry that `count` central entries all point at (names 0.xlsx … or 0.zip …): the
 * overlapping-entries bomb. Nested, each level holding the one below, 16 entries four deep are 65,536 files.
 */
export function overlappingZip(inner: Uint8Array, count: number, ext: string): Uint8Array {
  const out = new Bytes();
  const crc = crc32(inner);
  const first = strToU8(`0${ext}`);
  out.u32(0x04034b50).u16(20).u16(0).u16(0).u16(DOS_TIME).u16(DOS_DATE).u32(crc);
  out.u32(inner.length).u32(inner.length).u16(first.length).u16(0).raw(first).raw(inner);
  const dirOffset = out.length;
  for (let i = 0; i < count; i++) {
    const name = strToU8(`${i}${ext}`);
    out.u32(0x02014b50).u16(20).u16(20).u16(0).u16(0).u16(DOS_TIME).u16(DOS_DATE).u32(crc);
    out.u32(inner.length).u32(inner.length).u16(name.length).u16(0).u16(0).u16(0).u16(0).u32(0).u32(0);
    out.raw(name);
  }
  const dirSize = out.length - dirOffset;
  out.u32(0x06054b50).u16(0).u16(0).u16(count).u16(count).u32(dirSize).u32(dirOffset).u16(0);
  return out.done();
}

/** One part of an email built by emailOf. */
export interface MailPart {
  /** Content-Type, e.g. "application/vnd.ms-excel". */
  readonly type: string;
  /** The file name, sent in both Content-Type name= and Content-Disposition filename= (RFC 2047 when not ASCII). */
  readonly name?: string;
  readonly bytes: Uint8Array;
  /** "attachment" (the default), "inline", or none. */
  readonly disposition?: "attachment" | "inline" | null;
  /** Base64 (the default), or the bytes as they are (a forwarded message/rfc822). */
  readonly encoding?: "base64" | "8bit";
}

const encodedWord = (s: string): string =>
  /^[\x20-\x7e]*$/.test(s) ? `"${s}"` : `"=?UTF-8?B?${Buffer.from(s).toString("base64")}?="`;

/** An RFC 822 email (multipart/mixed): a line of text and the parts given. */
export function emailOf(
  parts: readonly MailPart[],
  subject = "2024年上半年报表",
  boundary = "rk-b1",
): Uint8Array {
  const out: Uint8Array[] = [];
  const line = (...lines: string[]) => lines.forEach((l) => out.push(strToU8(`${l}\r\n`)));
  line(
    `From: =?UTF-8?B?${Buffer.from("县卫健局").toString("base64")}?= <wjj@example.cn>`,
    "To: report@example.cn",
    `Subject: =?UTF-8?B?${Buffer.from(subject).toString("base64")}?=`,
    "Date: Mon, 08 Jul 2024 10:00:00 +0800",
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    "This is a multi-part message in MIME format.",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "附件为我单位报表。",
  );
  for (const part of parts) {
    const named = part.name === undefined ? "" : `; name=${encodedWord(part.name)}`;
    line(`--${boundary}`, `Content-Type: ${part.type}${named}`);
    const disposition = part.disposition === undefined ? "attachment" : part.disposition;
    const filename = part.name === undefined ? "" : `; filename=${encodedWord(part.name)}`;
    if (disposition) line(`Content-Disposition: ${disposition}${filename}`);
    if ((part.encoding ?? "base64") === "base64") {
      line("Content-Transfer-Encoding: base64", "");
      line(
        ...(Buffer.from(part.bytes)
          .toString("base64")
          .match(/.{1,76}/g) ?? []),
      );
    } else {
      line("");
      out.push(part.bytes);
      line("");
    }
  }
  line(`--${boundary}--`);
  return Buffer.concat(out);
}

/** One TNEF attribute: level, id (type in the high word), data, checksum. */
function attribute(out: Bytes, level: number, id: number, data: Uint8Array): void {
  out
    .u8(level)
    .u32(id)
    .u32(data.length)
    .raw(data)
    .u16(data.reduce((sum, b) => (sum + b) & 0xffff, 0));
}

/**
 * Outlook's winmail.dat holding `files`, as Outlook writes it: each attachment's 8.3 title in attAttachTitle and its
 * long name (UTF-16) as PR_ATTACH_LONG_FILENAME in attAttachment, its bytes in attAttachData.
 */
export function tnefOf(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const out = new Bytes().u32(0x223e9f78).u16(0x0001);
  attribute(out, 1, 0x00089006, new Uint8Array([0, 0, 1, 0])); // attTnefVersion
  attribute(out, 1, 0x00069007, new Bytes().u32(936).u32(0).done()); // attOemCodepage: GBK
  files.forEach((file, i) => {
    attribute(out, 2, 0x00069002, new Uint8Array(14)); // attAttachRendData
    attribute(out, 2, 0x00018010, strToU8(`ATT${i}~1.XLS\0`)); // attAttachTitle (8.3)
    attribute(out, 2, 0x0006800f, file.bytes); // attAttachData
    const longName = Buffer.from(`${file.name}\0`, "utf16le");
    const props = new Bytes().u32(2);
    props.u16(0x0003).u16(0x3705).u32(1); // PR_ATTACH_METHOD = by value
    props.u16(0x001f).u16(0x3707).u32(1).u32(longName.length).raw(longName);
    while (props.length % 4) props.u8(0);
    attribute(out, 2, 0x00069005, props.done()); // attAttachment
  });
  return out.done();
}

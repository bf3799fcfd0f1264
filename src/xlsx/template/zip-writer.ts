import { deflateSync } from "fflate";

/** A zip entry already compressed (deflate), ready to be written many times. */
export interface PackedEntry {
  readonly name: Uint8Array;
  readonly data: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Continues a CRC-32 over more bytes (start with 0xffffffff; finish with `^ 0xffffffff`). */
export function crc32Update(state: number, data: Uint8Array): number {
  let c = state;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return c >>> 0;
}

/** CRC-32 of bytes, as zip stores it. */
export function crc32(data: Uint8Array): number {
  return (crc32Update(0xffffffff, data) ^ 0xffffffff) >>> 0;
}

/** Deflates one entry (once; the result can go into any number of zips). */
export function packEntry(name: string, content: Uint8Array): PackedEntry {
  return {
    name: new TextEncoder().encode(name),
    data: deflateSync(content, { level: 6 }),
    crc: crc32(content),
    size: content.length,
  };
}

/** Writes a zip (deflate, UTF-8 names, fixed 1980 timestamps) from packed entries. */
export function writeZip(entries: readonly PackedEntry[]): Uint8Array {
  const total = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length + 46 + e.name.length, 22);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let pos = 0;
  const offsets: number[] = [];
  const header = (sig: number, e: PackedEntry, central: boolean, offset: number) => {
    view.setUint32(pos, sig, true);
    pos += 4;
    if (central) {
      view.setUint16(pos, 20, true); // version made by
      pos += 2;
    }
    view.setUint16(pos, 20, true); // version needed
    view.setUint16(pos + 2, 0x0800, true); // UTF-8 names
    view.setUint16(pos + 4, 8, true); // deflate
    view.setUint16(pos + 6, 0, true); // time
    view.setUint16(pos + 8, 0x21, true); // date 1980-01-01
    view.setUint32(pos + 10, e.crc, true);
    view.setUint32(pos + 14, e.data.length, true);
    view.setUint32(pos + 18, e.size, true);
    view.setUint16(pos + 22, e.name.length, true);
    view.setUint16(pos + 24, 0, true);
    pos += 26;
    if (central) {
      // comment length, disk, internal and external attributes stay 0; then the local header's offset
      view.setUint32(pos + 10, offset, true);
      pos += 14;
    }
    out.set(e.name, pos);
    pos += e.name.length;
  };
  for (const e of entries) {
    offsets.push(pos);
    header(0x04034b50, e, false, 0);
    out.set(e.data, pos);
    pos += e.data.length;
  }
  const dirStart = pos;
  entries.forEach((e, i) => header(0x02014b50, e, true, offsets[i] ?? 0));
  view.setUint32(pos, 0x06054b50, true);
  view.setUint16(pos + 8, entries.length, true);
  view.setUint16(pos + 10, entries.length, true);
  view.setUint32(pos + 12, pos - dirStart, true);
  view.setUint32(pos + 16, dirStart, true);
  return out;
}

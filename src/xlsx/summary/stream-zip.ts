import { Deflate } from "fflate";

/**
 * Raw-deflates a stream chunk by chunk: `push` returns the compressed bytes produced so far (the last call with
 * `final` ends the stream). In Node the CLI passes one built on zlib (native, several times faster); the default
 * uses fflate so that the task pane can write the same workbook in the browser.
 */
export interface RawDeflater {
  push(chunk: Uint8Array, final: boolean): Uint8Array;
}

/** What a zip needs besides deflate: a fresh deflater per entry, and CRC-32. */
export interface Compression {
  readonly deflater: (level: number) => RawDeflater;
  readonly crc32: (data: Uint8Array, previous: number) => number;
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

const join = (parts: Uint8Array[]): Uint8Array => {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** fflate-based compression (works everywhere). */
export const portableCompression: Compression = {
  deflater: (level) => {
    const out: Uint8Array[] = [];
    const d = new Deflate({ level: level as 1 | 6 }, (data) => out.push(data));
    return {
      push: (chunk, final) => {
        d.push(chunk, final);
        return join(out.splice(0));
      },
    };
  },
  crc32: (data, previous) => {
    let c = previous ^ 0xffffffff;
    for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  },
};

/**
 * Writes a zip entry by entry to `sink`, each entry's data pushed in chunks; sizes and CRC go in a data descriptor
 * after the data, so nothing needs to be held to know them in advance.
 */
export class StreamZip {
  private offset = 0;
  private readonly central: Uint8Array[] = [];
  private count = 0;

  constructor(
    private readonly sink: (chunk: Uint8Array) => void,
    private readonly compression: Compression = portableCompression,
  ) {}

  private emit(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.sink(bytes);
    this.offset += bytes.length;
  }

  /** Adds one entry; `chunks` yields its uncompressed content. */
  add(name: string, chunks: Iterable<Uint8Array>, level = 6): void {
    const nameBytes = new TextEncoder().encode(name);
    const start = this.offset;
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0808, true); // sizes in a data descriptor; UTF-8 name
    lv.setUint16(8, 8, true); // deflate
    lv.setUint16(12, 0x21, true); // 1980-01-01
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    this.emit(local);
    const deflater = this.compression.deflater(level);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    let pending: Uint8Array | null = null;
    const push = (chunk: Uint8Array, final: boolean) => {
      const out = deflater.push(chunk, final);
      compressed += out.length;
      this.emit(out);
    };
    for (const chunk of chunks) {
      crc = this.compression.crc32(chunk, crc);
      size += chunk.length;
      if (pending) push(pending, false);
      pending = chunk;
    }
    push(pending ?? new Uint8Array(0), true);
    const descriptor = new Uint8Array(16);
    const dv = new DataView(descriptor.buffer);
    dv.setUint32(0, 0x08074b50, true);
    dv.setUint32(4, crc, true);
    dv.setUint32(8, compressed, true);
    dv.setUint32(12, size, true);
    this.emit(descriptor);
    const entry = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0808, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, compressed, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, start, true);
    entry.set(nameBytes, 46);
    this.central.push(entry);
    this.count++;
  }

  /** Writes the central directory. */
  end(): void {
    const at = this.offset;
    for (const e of this.central) this.emit(e);
    const eocd = new Uint8Array(22);
    const v = new DataView(eocd.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.count, true);
    v.setUint16(10, this.count, true);
    v.setUint32(12, this.offset - at, true);
    v.setUint32(16, at, true);
    this.emit(eocd);
  }
}

import { Deflate } from "fflate";

/**
 * Raw-deflates an entry chunk by chunk: `push` returns the compressed bytes produced so far (the last call, with
 * `final`, ends the stream). In Node the CLI passes one built on zlib (native, several times faster); the default
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

/**
 * A piece of an entry compressed on its own (no history shared with other pieces) and ended by a sync flush on a
 * byte boundary, so that pieces made anywhere, on any thread, join into one valid deflate stream (as pigz does);
 * with the CRC-32 and size of its uncompressed bytes. Only zlib makes them here: fflate 0.8.3's sync flush loses
 * data at some sizes.
 */
export interface DeflatedPiece {
  readonly data: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

/** An empty final block (fixed Huffman codes): what ends joined pieces. */
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);

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

/** GF(2) matrix times vector, for crc32Combine. */
const gf2Times = (matrix: Uint32Array, vector: number): number => {
  let sum = 0;
  for (let i = 0, v = vector >>> 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= matrix[i]!;
  return sum >>> 0;
};

const gf2Square = (square: Uint32Array, matrix: Uint32Array): void => {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(matrix, matrix[n]!);
};

/**
 * The CRC-32 of two byte runs joined, from the CRC-32 of each and the second's length (zlib's crc32_combine: the
 * first CRC is carried through len2 zero bytes by repeated squaring of the one-zero-bit operator, then the second
 * is added).
 */
export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  if (len2 <= 0) return crc1 >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320; // the operator for one zero bit
  for (let n = 1, row = 1; n < 32; n++, row *= 2) odd[n] = row;
  gf2Square(even, odd); // two zero bits
  gf2Square(odd, even); // four zero bits
  let crc = crc1 >>> 0;
  let len = len2;
  for (;;) {
    gf2Square(even, odd); // each pass applies one bit of len as that many zero bytes
    if (len % 2) crc = gf2Times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    gf2Square(odd, even);
    if (len % 2) crc = gf2Times(odd, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
  }
  return (crc ^ crc2) >>> 0;
}

/** An entry being written: where it started, and its CRC-32 and sizes so far. */
interface OpenEntry {
  readonly nameBytes: Uint8Array;
  readonly start: number;
  crc: number;
  size: number;
  compressed: number;
}

/**
 * Writes a zip entry by entry to `sink`, each entry's data as compressed pieces; sizes and CRC go in a data
 * descriptor after the data, so nothing needs to be held to know them in advance.
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

  /**
   * Adds one entry; `chunks` yields its uncompressed content. Each chunk is compressed before the next is asked
   * for, so a chunk's buffer may be reused for the next one.
   */
  add(name: string, chunks: Iterable<Uint8Array>, level = 6): void {
    const entry = this.begin(name);
    const deflater = this.compression.deflater(level);
    const push = (chunk: Uint8Array, final: boolean) => {
      const out = deflater.push(chunk, final);
      entry.compressed += out.length;
      this.emit(out);
    };
    for (const chunk of chunks) {
      entry.crc = this.compression.crc32(chunk, entry.crc);
      entry.size += chunk.length;
      push(chunk, false);
    }
    push(new Uint8Array(0), true);
    this.finish(entry);
  }

  /** Adds one entry from pieces compressed elsewhere (see DeflatedPiece), taken in order as they come. */
  async addPieces(name: string, pieces: AsyncIterable<DeflatedPiece>): Promise<void> {
    const entry = this.begin(name);
    for await (const p of pieces) {
      entry.crc = crc32Combine(entry.crc, p.crc, p.size);
      entry.size += p.size;
      entry.compressed += p.data.length;
      this.emit(p.data);
    }
    entry.compressed += FINAL_BLOCK.length;
    this.emit(FINAL_BLOCK);
    this.finish(entry);
  }

  private begin(name: string): OpenEntry {
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
    return { nameBytes, start, crc: 0, size: 0, compressed: 0 };
  }

  private finish(entry: OpenEntry): void {
    const { nameBytes, start, crc, size, compressed } = entry;
    const descriptor = new Uint8Array(16);
    const dv = new DataView(descriptor.buffer);
    dv.setUint32(0, 0x08074b50, true);
    dv.setUint32(4, crc, true);
    dv.setUint32(8, compressed, true);
    dv.setUint32(12, size, true);
    this.emit(descriptor);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
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
    central.set(nameBytes, 46);
    this.central.push(central);
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

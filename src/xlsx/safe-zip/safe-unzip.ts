import { Inflate, inflateSync } from "fflate";

/**
 * A small, careful zip reader for workbooks and archives of workbooks: it reads the central directory, checks the
 * declared sizes before inflating anything, and inflates one entry at a time in slices, stopping as soon as the
 * output passes its declared size or a limit. Memory stays bounded whatever the file claims.
 */

/** Limits against zip bombs and oversized parts (a 150-row return is well under 1 MB unzipped). */
export interface ZipLimits {
  /** Largest single entry, unzipped. */
  readonly maxEntryBytes: number;
  /** Largest sum of all declared entry sizes. */
  readonly maxTotalBytes: number;
  /** Largest unzipped/zipped ratio of an entry over 1 MB (deflate tops out near 1032:1; XML runs ~10–50:1). */
  readonly maxRatio: number;
  readonly maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 20_000,
};

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** Unzipped size as declared (not trusted: inflating stops past it). */
  readonly size: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

export type ZipProblem =
  { readonly kind: "corrupt"; readonly detail: string } | { readonly kind: "bomb"; readonly detail: string };

export type ZipListing =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly problem: ZipProblem };

/**
 * A raw-deflate inflater that never produces more than `maxOutput` bytes: it returns the output, or null when the
 * data would expand past `maxOutput`, and throws when the data is damaged. The default is fflate (runs in the
 * browser); Node front ends may pass a native one (zlib.inflateRawSync with maxOutputLength), several times faster.
 */
export type RawInflate = (data: Uint8Array, maxOutput: number) => Uint8Array | null;

export type ZipRead =
  { readonly ok: true; readonly data: Uint8Array } | { readonly ok: false; readonly problem: ZipProblem };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const utf8 = new TextDecoder("utf-8");
const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
const corrupt = (detail: string): { ok: false; problem: ZipProblem } => ({
  ok: false,
  problem: { kind: "corrupt", detail },
});
const bomb = (detail: string): { ok: false; problem: ZipProblem } => ({
  ok: false,
  problem: { kind: "bomb", detail },
});
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** True when the bytes start like a zip (a local header, or the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && (u32(bytes, 0) === LOCAL || u32(bytes, 0) === EOCD);
}

function findEndRecord(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (u32(bytes, i) === EOCD) return i;
  return -1;
}

/**
 * Lists a zip's entries from its central directory and checks the declared sizes against the limits. A
 * truncated file (no end record, or a directory past the end) is "corrupt"; sizes or ratios beyond the limits
 * are a "bomb". Zip64 archives are not needed for workbooks and are reported as corrupt.
 */
export function listZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipListing {
  const end = findEndRecord(bytes);
  if (end < 0) return corrupt("找不到 zip 目录 / no zip directory (truncated?)");
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirOffset = u32(bytes, end + 16);
  if (dirOffset === 0xffffffff || count === 0xffff) return corrupt("zip64");
  if (dirOffset + dirSize > end) return corrupt("zip 目录超出文件末尾 / directory past the end (truncated?)");
  if (count > limits.maxEntries) return bomb(`${count} entries`);
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > end || u32(bytes, p) !== CENTRAL) return corrupt("zip 目录损坏 / damaged directory");
    const nameLength = u16(bytes, p + 28);
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
      encrypted: (u16(bytes, p + 8) & 1) === 1,
    };
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) return corrupt("zip64");
    if (entry.size > limits.maxEntryBytes) return bomb(`${entry.name}: ${mb(entry.size)}`);
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > 1024 * 1024 && ratio > limits.maxRatio)
      return bomb(`${entry.name}: ${ratio.toFixed(0)}:1`);
    total += entry.size;
    if (total > limits.maxTotalBytes) return bomb(`total ${mb(total)}`);
    entries.push(entry);
  }
  return { ok: true, entries };
}

/**
 * Inflates one entry, never past min(declared size, limit): a part that expands beyond what the directory
 * declared is a bomb or a forgery, and reading stops there.
 */
export function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  inflate?: RawInflate,
): ZipRead {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== LOCAL) return corrupt(`${entry.name}: local header`);
  if (entry.encrypted) return corrupt(`${entry.name}: encrypted entry`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) return corrupt(`${entry.name}: 数据不完整 / data cut off (truncated?)`);
  const data = bytes.subarray(start, stop);
  if (entry.method === 0) return { ok: true, data };
  if (entry.method !== 8) return corrupt(`${entry.name}: method ${entry.method}`);
  const limit = Math.min(entry.size, limits.maxEntryBytes);
  return inflate ? inflateWith(inflate, data, limit, entry.name) : inflateBounded(data, limit, entry.name);
}

/** Inflates with an injected inflater, capped one byte past the declared size (as inflateOnce). */
function inflateWith(inflate: RawInflate, data: Uint8Array, size: number, name: string): ZipRead {
  let out: Uint8Array | null;
  try {
    out = inflate(data, size + 1);
  } catch {
    return corrupt(`${name}: 解压失败 / inflate failed`);
  }
  if (out === null || out.length > size)
    return bomb(`${name}: 超过声明大小 / expands past its declared size`);
  if (out.length !== size) return corrupt(`${name}: 大小不符 / size mismatch`);
  return { ok: true, data: out };
}

class TooLarge extends Error {}

/** Compressed parts up to this size are inflated in one call (at most ~1032× this much work, output capped). */
const ONE_SHOT = 1024 * 1024;

/**
 * Inflates into a buffer one byte larger than declared: fflate drops writes past a fixed output buffer, so memory
 * stays bounded, and a full buffer means the part expands past its declared size.
 */
function inflateOnce(data: Uint8Array, size: number, name: string): ZipRead {
  let out: Uint8Array;
  try {
    out = inflateSync(data, { out: new Uint8Array(size + 1) });
  } catch {
    return corrupt(`${name}: 解压失败 / inflate failed`);
  }
  if (out.length > size) return bomb(`${name}: 超过声明大小 / expands past its declared size`);
  if (out.length !== size) return corrupt(`${name}: 大小不符 / size mismatch`);
  return { ok: true, data: out };
}

function inflateBounded(data: Uint8Array, limit: number, name: string): ZipRead {
  if (data.length <= ONE_SHOT) return inflateOnce(data, limit, name);
  const out = new Uint8Array(limit);
  let length = 0;
  let overflow = false;
  const inflate = new Inflate((chunk) => {
    if (length + chunk.length > limit) {
      overflow = true;
      throw new TooLarge();
    }
    out.set(chunk, length);
    length += chunk.length;
  });
  const SLICE = 16 * 1024;
  try {
    for (let i = 0; i < data.length; i += SLICE)
      inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    if (data.length === 0) inflate.push(data, true);
  } catch (e) {
    if (overflow || e instanceof TooLarge)
      return bomb(`${name}: 超过声明大小 / expands past its declared size`);
    return corrupt(`${name}: 解压失败 / inflate failed`);
  }
  if (length !== limit) return corrupt(`${name}: 大小不符 / size mismatch`);
  return { ok: true, data: out };
}

/** Reads a named entry; null when absent. */
export function readNamed(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  inflate?: RawInflate,
): ZipRead | null {
  const entry = entries.find((e) => e.name === name);
  return entry ? readZipEntry(bytes, entry, limits, inflate) : null;
}

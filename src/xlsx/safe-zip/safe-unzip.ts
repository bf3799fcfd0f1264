/**
 * A small, careful zip reader for workbooks and archives of workbooks: it reads the central directory, checks the
 * declared sizes before inflating anything, and inflates one entry at a time in slices, stopping as soon as the
 * output passes its declared size or a limit. Memory stays bounded whatever the file claims.
 */
import { Inflate, inflateSync } from "fflate";
import {
  DEFAULT_ZIP_LIMITS,
  LOCAL,
  u16,
  u32,
  type ZipEntry,
  type ZipLimits,
  type ZipProblem,
} from "./zip-directory";

export {
  both,
  DEFAULT_ZIP_LIMITS,
  isZip,
  listZip,
  zipDetail,
  zipProblemCode,
  type ZipDetail,
  type ZipEntry,
  type ZipLimits,
  type ZipListing,
  type ZipListProblem,
  type ZipProblem,
} from "./zip-directory";

/**
 * A raw-deflate inflater that never produces more than `maxOutput` bytes: it returns the output, or null when the
 * data would expand past `maxOutput`, and throws when the data is damaged. The default is fflate (runs in the
 * browser); Node front ends may pass a native one (zlib.inflateRawSync with maxOutputLength), several times faster.
 */
export type RawInflate = (data: Uint8Array, maxOutput: number) => Uint8Array | null;

export type ZipRead =
  { readonly ok: true; readonly data: Uint8Array } | { readonly ok: false; readonly problem: ZipProblem };

const corrupt = (name: string, zh: string, en: string): { ok: false; problem: ZipProblem } => ({
  ok: false,
  problem: { kind: "corrupt", detail: `${name}：${zh}`, detailEn: `${name}: ${en}` },
});
const bomb = (name: string): { ok: false; problem: ZipProblem } => ({
  ok: false,
  problem: {
    kind: "bomb",
    detail: `${name}：超过声明大小`,
    detailEn: `${name}: expands past its declared size`,
  },
});

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
  if (p + 30 > bytes.length || u32(bytes, p) !== LOCAL)
    return corrupt(entry.name, "本地文件头损坏", "local header");
  if (entry.encrypted) return corrupt(entry.name, "已加密", "encrypted entry");
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) return corrupt(entry.name, "数据不完整", "data cut off (truncated?)");
  const data = bytes.subarray(start, stop);
  if (entry.method === 0) return { ok: true, data };
  if (entry.method !== 8)
    return corrupt(entry.name, `不支持的压缩方式 ${entry.method}`, `method ${entry.method}`);
  const limit = Math.min(entry.size, limits.maxEntryBytes);
  return inflate ? inflateWith(inflate, data, limit, entry.name) : inflateBounded(data, limit, entry.name);
}

/** Inflates with an injected inflater, capped one byte past the declared size (as inflateOnce). */
function inflateWith(inflate: RawInflate, data: Uint8Array, size: number, name: string): ZipRead {
  let out: Uint8Array | null;
  try {
    out = inflate(data, size + 1);
  } catch {
    return corrupt(name, "解压失败", "inflate failed");
  }
  if (out === null || out.length > size) return bomb(name);
  if (out.length !== size) return corrupt(name, "大小不符", "size mismatch");
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
    return corrupt(name, "解压失败", "inflate failed");
  }
  if (out.length > size) return bomb(name);
  if (out.length !== size) return corrupt(name, "大小不符", "size mismatch");
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
    if (overflow || e instanceof TooLarge) return bomb(name);
    return corrupt(name, "解压失败", "inflate failed");
  }
  if (length !== limit) return corrupt(name, "大小不符", "size mismatch");
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

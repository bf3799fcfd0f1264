import { assertNever } from "../../core/errors";

/**
 * The central directory of a zip: where it is (the end record, or the zip64 end record its locator points to), its
 * entries (with zip64 sizes and offsets), and checks on what it declares before anything is inflated: entry count,
 * sizes, ratios, and entries whose data overlap.
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

/** What is wrong with an archive, in both languages: a finding's `detail` and `detailEn`. */
// (A type, not an interface: it is a finding's data as it stands.)
export type ZipDetail = {
  readonly detail: string;
  readonly detailEn: string;
};

export type ZipProblem = ({ readonly kind: "corrupt" } | { readonly kind: "bomb" }) & ZipDetail;

/**
 * Why an archive's directory is refused: damaged, a bomb by its declared sizes, or entries whose data overlap (one
 * local entry named by many directory entries, the trick that makes a 31 KB zip unpack into 65,536 workbooks).
 */
export type ZipListProblem = ZipProblem | ({ readonly kind: "overlap" } & ZipDetail);

/**
 * The data of a finding about a refused archive or entry: what is wrong, in both languages.
 * @example zipDetail({ kind: "corrupt", detail: "zip 目录损坏", detailEn: "damaged directory" }) // → { detail: "zip 目录损坏", detailEn: "damaged directory" }
 */
export const zipDetail = (problem: ZipDetail): ZipDetail => ({
  detail: problem.detail,
  detailEn: problem.detailEn,
});

/** A detail of both languages ("zip 目录损坏", "damaged directory"). */
export const both = (detail: string, detailEn: string): ZipDetail => ({ detail, detailEn });

/**
 * The finding code of a refused archive or entry.
 * @example zipProblemCode({ kind: "overlap", detail: "…", detailEn: "…" }) // → "file.zip_overlap"
 */
export function zipProblemCode(
  problem: ZipListProblem,
): "file.corrupt_zip" | "file.zip_bomb" | "file.zip_overlap" {
  switch (problem.kind) {
    case "corrupt":
      return "file.corrupt_zip";
    case "bomb":
      return "file.zip_bomb";
    case "overlap":
      return "file.zip_overlap";
    default:
      return assertNever(problem);
  }
}

export type ZipListing =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly problem: ZipListProblem };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
/** A 32-bit field saying "see the zip64 record or extra field". */
const ZIP64_MARK = 0xffffffff;
const ZIP64_EXTRA = 0x0001;

const utf8 = new TextDecoder("utf-8");
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030");

/**
 * An entry's name: UTF-8 when the archive says so (flag bit 11) or the bytes are UTF-8; else the code page of the
 * Chinese Windows that zipped it (GBK, read as GB18030), as Windows' own "send to compressed folder" writes names.
 * @example entryName(Uint8Array.of(0xbc, 0xd7, 0xcf, 0xd8), 0) // → "甲县"
 */
export function entryName(raw: Uint8Array, flags: number): string {
  if (flags & 0x800) return utf8.decode(raw);
  try {
    return strictUtf8.decode(raw);
  } catch {
    return gb18030.decode(raw);
  }
}
export const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
export const u32 = (b: Uint8Array, i: number): number => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
/** A 64-bit field; past 2^53 it is Infinity (past every limit, and past the end of any file). */
const u64 = (b: Uint8Array, i: number): number => {
  const high = u32(b, i + 4);
  return high >= 0x200000 ? Infinity : high * 2 ** 32 + u32(b, i);
};
const refuse = (kind: ZipListProblem["kind"], detail: ZipDetail): { ok: false; problem: ZipListProblem } => ({
  ok: false,
  problem: { kind, ...detail },
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

/** Where the directory is, how many entries it has, and where it must end (the record that follows it). */
interface Directory {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
  readonly limit: number;
}

/**
 * The directory from the end record, or from the zip64 end record when a locator stands just before it (Info-ZIP's
 * `zip -fz`, mail gateways and Java write one even for small archives, with 0xFFFFFFFF in the old fields).
 */
function findDirectory(bytes: Uint8Array): Directory | ZipDetail {
  const end = findEndRecord(bytes);
  if (end < 0) return both("找不到 zip 目录（文件可能不完整）", "no zip directory (truncated?)");
  const locator = end - 20;
  if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR) {
    const at = u64(bytes, locator + 8);
    if (at + 56 > locator || u32(bytes, at) !== ZIP64_EOCD)
      return both("zip64 目录记录损坏", "damaged zip64 end record");
    return { count: u64(bytes, at + 32), size: u64(bytes, at + 40), offset: u64(bytes, at + 48), limit: at };
  }
  return {
    count: u16(bytes, end + 10),
    size: u32(bytes, end + 12),
    offset: u32(bytes, end + 16),
    limit: end,
  };
}

/**
 * The sizes and offset of a central entry, taking the ones marked 0xFFFFFFFF from its zip64 extra field (which holds
 * only the marked ones, in this order); a string when a marked one is missing there.
 */
function zip64Fields(
  bytes: Uint8Array,
  p: number,
  extraFrom: number,
  extraTo: number,
): { size: number; compressedSize: number; localHeaderOffset: number } | ZipDetail {
  const fields = {
    size: u32(bytes, p + 24),
    compressedSize: u32(bytes, p + 20),
    localHeaderOffset: u32(bytes, p + 42),
  };
  const marked = (["size", "compressedSize", "localHeaderOffset"] as const).filter(
    (k) => fields[k] === ZIP64_MARK,
  );
  if (marked.length === 0) return fields;
  for (let q = extraFrom; q + 4 <= extraTo; q += 4 + u16(bytes, q + 2)) {
    if (u16(bytes, q) !== ZIP64_EXTRA) continue;
    const dataEnd = Math.min(extraTo, q + 4 + u16(bytes, q + 2));
    let r = q + 4;
    for (const k of marked) {
      if (r + 8 > dataEnd) return both("zip64 扩展字段不完整", "zip64 extra field too short");
      fields[k] = u64(bytes, r);
      r += 8;
    }
    return fields;
  }
  return both("缺少 zip64 扩展字段", "zip64 extra field missing");
}

/** The bytes an entry's local header and data take up, for the overlap check. */
function span(bytes: Uint8Array, e: ZipEntry): { readonly from: number; readonly to: number } {
  const p = e.localHeaderOffset;
  // A damaged local header is reported when the entry is read; here it takes its fixed 30 bytes.
  if (p + 30 > bytes.length || u32(bytes, p) !== LOCAL) return { from: p, to: p + 30 };
  return { from: p, to: p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28) + e.compressedSize };
}

/** A problem when two entries share bytes, or an entry's data runs into the directory. */
function overlapProblem(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  dirOffset: number,
): ZipListing | null {
  const spans = entries.map((e) => ({ e, ...span(bytes, e) })).sort((a, b) => a.from - b.from);
  let shared = 0;
  let example = "";
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.from >= spans[i - 1]!.to) continue;
    shared++;
    example ||= `${spans[i - 1]!.e.name} / ${spans[i]!.e.name}`;
  }
  if (shared > 0)
    return refuse(
      "overlap",
      both(`${shared + 1} 个条目数据重叠，如 ${example}`, `${shared + 1} entries overlap, e.g. ${example}`),
    );
  const last = spans.at(-1);
  if (last && last.to > dirOffset)
    return refuse(
      "corrupt",
      both(`${last.e.name}：数据超出范围`, `${last.e.name}: data runs into the directory`),
    );
  return null;
}

/**
 * Lists a zip's entries from its central directory (zip64 too) and checks what it declares against the limits
 * before anything is inflated. A truncated file (no end record, or a directory past the end) is "corrupt"; sizes or
 * ratios beyond the limits are a "bomb"; entries sharing bytes are an "overlap".
 * @example listZip(zipSync({ "a.xlsx": bytes })) // → { ok: true, entries: [{ name: "a.xlsx", … }] }
 */
export function listZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipListing {
  const dir = findDirectory(bytes);
  if ("detail" in dir) return refuse("corrupt", dir);
  const dirEnd = dir.offset + dir.size;
  if (dirEnd > dir.limit)
    return refuse(
      "corrupt",
      both("zip 目录超出文件末尾（文件可能不完整）", "directory past the end (truncated?)"),
    );
  if (dir.count > limits.maxEntries)
    return refuse("bomb", both(`${dir.count} 个条目`, `${dir.count} entries`));
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dir.offset;
  for (let n = 0; n < dir.count; n++) {
    if (p + 46 > dirEnd || u32(bytes, p) !== CENTRAL)
      return refuse("corrupt", both("zip 目录损坏", "damaged directory"));
    const nameLength = u16(bytes, p + 28);
    const extraFrom = p + 46 + nameLength;
    const extraTo = extraFrom + u16(bytes, p + 30);
    if (extraTo > dirEnd) return refuse("corrupt", both("zip 目录损坏", "damaged directory"));
    const fields = zip64Fields(bytes, p, extraFrom, extraTo);
    if ("detail" in fields) return refuse("corrupt", fields);
    const entry: ZipEntry = {
      name: entryName(bytes.subarray(p + 46, extraFrom), u16(bytes, p + 8)),
      method: u16(bytes, p + 10),
      ...fields,
      encrypted: (u16(bytes, p + 8) & 1) === 1,
    };
    p = extraTo + u16(bytes, p + 32);
    if (entry.size > limits.maxEntryBytes)
      return refuse("bomb", both(`${entry.name}：${mb(entry.size)}`, `${entry.name}: ${mb(entry.size)}`));
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > 1024 * 1024 && ratio > limits.maxRatio)
      return refuse(
        "bomb",
        both(`${entry.name}：压缩比 ${ratio.toFixed(0)}:1`, `${entry.name}: ${ratio.toFixed(0)}:1`),
      );
    total += entry.size;
    if (total > limits.maxTotalBytes) return refuse("bomb", both(`共 ${mb(total)}`, `total ${mb(total)}`));
    entries.push(entry);
  }
  return overlapProblem(bytes, entries, dir.offset) ?? { ok: true, entries };
}

import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";
import {
  DEFAULT_ZIP_LIMITS,
  isZip,
  listZip,
  readNamed,
  zipDetail,
  zipProblemCode,
  type RawInflate,
  type ZipEntry,
  type ZipLimits,
} from "./safe-unzip";

/** Largest workbook file accepted (a 150-row return is about 30–60 KB). */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;

export interface SniffOptions {
  readonly maxBytes?: number;
  readonly limits?: ZipLimits;
  /** Inflater for the parts read (default fflate; the CLI passes Node's zlib). */
  readonly inflate?: RawInflate;
}

export type SniffResult =
  | {
      readonly ok: true;
      /** "xlsm" when the workbook is macro-enabled (a warning; macros are never run). */
      readonly format: "xlsx" | "xlsm";
      readonly entries: readonly ZipEntry[];
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const IMAGES: readonly [string, readonly number[]][] = [
  ["PNG", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG", [0xff, 0xd8, 0xff]],
  ["GIF", [0x47, 0x49, 0x46, 0x38]],
  ["BMP", [0x42, 0x4d]],
  ["TIFF", [0x49, 0x49, 0x2a, 0x00]],
  ["TIFF", [0x4d, 0x4d, 0x00, 0x2a]],
];
const startsWith = (b: Uint8Array, sig: readonly number[], at = 0): boolean =>
  sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...b.subarray(from, to));

/** A stream name as stored in a compound file's directory (UTF-16LE), for a byte search. */
function utf16(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (
    let i = haystack.indexOf(first ?? 0);
    i >= 0 && i <= haystack.length - needle.length;
    i = haystack.indexOf(first ?? 0, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * What kind of compound (OLE) file this is, told apart by the stream names in its directory: an encrypted OOXML
 * workbook (EncryptionInfo + EncryptedPackage), a WPS .et, a BIFF .xls (Workbook/Book), or something else.
 */
function oleKind(
  bytes: Uint8Array,
  file: string,
): "file.encrypted" | "file.et" | "file.xls" | "file.ole_unknown" {
  if (contains(bytes, utf16("EncryptedPackage")) || contains(bytes, utf16("EncryptionInfo")))
    return "file.encrypted";
  if (/\.et$/i.test(file) || contains(bytes, utf16("WpsContent")) || contains(bytes, utf16("ETExtData")))
    return "file.et";
  if (contains(bytes, utf16("Workbook")) || contains(bytes, utf16("Book"))) return "file.xls";
  return "file.ole_unknown";
}

/** The kind of non-workbook zip, by a telling part: a Word or PowerPoint file, or any archive. */
function zipFormat(entries: readonly ZipEntry[]): string {
  if (entries.some((e) => e.name.startsWith("word/"))) return "Word .docx";
  if (entries.some((e) => e.name.startsWith("ppt/"))) return "PowerPoint .pptx";
  return "";
}

/**
 * Looks at a file before anything loads it: size, magic bytes, compound files (.xls, .et, encrypted), the zip
 * directory (truncated, zip bomb, overlapping entries), and whether the zip is a workbook at all, or a macro-enabled one. Every
 * outcome is a finding with advice; nothing throws and nothing is inflated beyond the limits.
 * @example sniffWorkbook(pdfBytes, "东湖区.xlsx") // → { ok: false, findings: [file.pdf] }
 */
export function sniffWorkbook(bytes: Uint8Array, file: string, options: SniffOptions = {}): SniffResult {
  const where = { kind: "file" as const, file };
  const reject = (code: Parameters<typeof makeFinding>[0], data: Record<string, string | number> = {}) => ({
    ok: false as const,
    findings: [makeFinding(code, where, data)],
  });
  const maxBytes = options.maxBytes ?? MAX_WORKBOOK_BYTES;
  if (bytes.length === 0) return reject("file.empty");
  if (bytes.length > maxBytes) return reject("file.too_large", { size: bytes.length, limit: maxBytes });
  if (ascii(bytes, 0, 5) === "%PDF-") return reject("file.pdf");
  const image = IMAGES.find(([, sig]) => startsWith(bytes, sig));
  if (image) return reject("file.image", { format: image[0] });
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP")
    return reject("file.image", { format: "WEBP" });
  if (startsWith(bytes, OLE)) return reject(oleKind(bytes, file));
  if (!isZip(bytes)) return reject("file.unknown_format");
  const listing = listZip(bytes, options.limits ?? DEFAULT_ZIP_LIMITS);
  if (!listing.ok) {
    return reject(zipProblemCode(listing.problem), zipDetail(listing.problem));
  }
  const entries = listing.entries;
  const types = readNamed(bytes, entries, "[Content_Types].xml", options.limits, options.inflate);
  if (!entries.some((e) => e.name === "xl/workbook.xml") || !types) {
    return reject("file.not_xlsx", { format: zipFormat(entries) });
  }
  if (!types.ok) {
    return reject(zipProblemCode(types.problem), zipDetail(types.problem));
  }
  const macro =
    /macroEnabled/i.test(new TextDecoder().decode(types.data)) ||
    entries.some((e) => e.name === "xl/vbaProject.bin");
  if (macro) return { ok: true, format: "xlsm", entries, findings: [makeFinding("file.xlsm", where)] };
  return { ok: true, format: "xlsx", entries, findings: [] };
}

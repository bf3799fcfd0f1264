import type { WorkbookFormat } from "../../core/check/unit-return";
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
  type ZipListProblem,
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
      /** "xlsm" when the workbook is macro-enabled (a warning; macros are never run); see readsWithSheetJs. */
      readonly format: WorkbookFormat;
      /** The zip directory (none for .xls and .et, which are compound files). */
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
 * workbook (EncryptionInfo + EncryptedPackage), a BIFF workbook (a Workbook or Book stream: an .xls, or a WPS .et,
 * which WPS writes as BIFF8 with streams of its own), a Word or PowerPoint file, or, when no stream name is found
 * (a damaged or cut-off file), what its name says: one named .xls or .et is read as one, so that a broken workbook
 * is told it is damaged rather than that it is some other Office file.
 */
function oleKind(bytes: Uint8Array, file: string): "xls" | "et" | "file.encrypted" | "file.ole_unknown" {
  if (contains(bytes, utf16("EncryptedPackage")) || contains(bytes, utf16("EncryptionInfo")))
    return "file.encrypted";
  const wps =
    /\.et$/i.test(file) || contains(bytes, utf16("WpsContent")) || contains(bytes, utf16("ETExtData"));
  if (contains(bytes, utf16("Workbook")) || contains(bytes, utf16("Book"))) return wps ? "et" : "xls";
  if (contains(bytes, utf16("WordDocument")) || contains(bytes, utf16("PowerPoint Document")))
    return "file.ole_unknown";
  if (wps) return "et";
  return /\.xl[st]$/i.test(file) ? "xls" : "file.ole_unknown";
}

const ODF = "application/vnd.oasis.opendocument.";
/** OpenDocument files that are not spreadsheets, by the media type in their mimetype entry. */
const ODF_NAMES: Readonly<Record<string, string>> = {
  text: "OpenDocument 文本 .odt",
  presentation: "OpenDocument 演示文稿 .odp",
  graphics: "OpenDocument 图形 .odg",
};

/**
 * The formats read through SheetJS (src/xlsx/return/read-other-format.ts) rather than the fast .xlsx reader.
 * @example readsWithSheetJs("ods") // → true
 */
export function readsWithSheetJs(format: WorkbookFormat): boolean {
  return format === "xls" || format === "et" || format === "ods" || format === "xlsb";
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
  if (startsWith(bytes, OLE)) {
    const kind = oleKind(bytes, file);
    if (kind !== "xls" && kind !== "et") return reject(kind);
    return { ok: true, format: kind, entries: [], findings: [] };
  }
  if (!isZip(bytes)) return reject("file.unknown_format");
  const listing = listZip(bytes, options.limits ?? DEFAULT_ZIP_LIMITS);
  if (!listing.ok) {
    return reject(zipProblemCode(listing.problem), zipDetail(listing.problem));
  }
  const entries = listing.entries;
  if (!entries.some((e) => e.name === "xl/workbook.xml"))
    return sniffOtherZip(bytes, entries, where, options);
  const types = readNamed(bytes, entries, "[Content_Types].xml", options.limits, options.inflate);
  if (!types) return reject("file.not_xlsx", { format: zipFormat(entries) });
  if (!types.ok) {
    return reject(zipProblemCode(types.problem), zipDetail(types.problem));
  }
  const macro =
    /macroEnabled/i.test(new TextDecoder().decode(types.data)) ||
    entries.some((e) => e.name === "xl/vbaProject.bin");
  if (macro) return { ok: true, format: "xlsm", entries, findings: [makeFinding("file.xlsm", where)] };
  return { ok: true, format: "xlsx", entries, findings: [] };
}

/**
 * Whether reading these bytes may need SheetJS (a compound file, or a zip that is not an .xlsx): for a front end
 * that loads SheetJS asynchronously before it reads (the task pane). The sniff decides what the file really is.
 * @example mayNeedSheetJs(xlsBytes) // → true
 */
export function mayNeedSheetJs(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): boolean {
  if (startsWith(bytes, OLE)) return true;
  if (!isZip(bytes)) return false;
  const listing = listZip(bytes, limits);
  return listing.ok && !listing.entries.some((e) => e.name === "xl/workbook.xml");
}

/**
 * A zip that is not an .xlsx: an .xlsb (xl/workbook.bin), an OpenDocument spreadsheet (its mimetype entry; one whose
 * manifest lists encryption data has an opening password), another OpenDocument file, or any other archive.
 */
function sniffOtherZip(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  where: { kind: "file"; file: string },
  options: SniffOptions,
): SniffResult {
  const reject = (code: Parameters<typeof makeFinding>[0], data: Record<string, string | number> = {}) => ({
    ok: false as const,
    findings: [makeFinding(code, where, data)],
  });
  if (entries.some((e) => e.name === "xl/workbook.bin"))
    return { ok: true, format: "xlsb", entries, findings: [] };
  const text = (name: string): string | { problem: ZipListProblem } | null => {
    const read = readNamed(bytes, entries, name, options.limits, options.inflate);
    if (!read) return null;
    return read.ok ? new TextDecoder().decode(read.data) : { problem: read.problem };
  };
  const mimetype = text("mimetype");
  if (typeof mimetype === "object" && mimetype !== null)
    return reject(zipProblemCode(mimetype.problem), zipDetail(mimetype.problem));
  const media = (mimetype ?? "").trim();
  if (!media.startsWith(ODF)) return reject("file.not_xlsx", { format: zipFormat(entries) });
  const kind = media.slice(ODF.length).replace(/-template$/, "");
  if (kind !== "spreadsheet") return reject("file.not_xlsx", { format: ODF_NAMES[kind] ?? media });
  const manifest = text("META-INF/manifest.xml");
  if (typeof manifest === "object" && manifest !== null)
    return reject(zipProblemCode(manifest.problem), zipDetail(manifest.problem));
  if (manifest?.includes("encryption-data")) return reject("file.encrypted");
  return { ok: true, format: "ods", entries, findings: [] };
}

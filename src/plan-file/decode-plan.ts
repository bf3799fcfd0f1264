import { makeFinding } from "../core/findings/make-finding";
import type { Finding } from "../core/findings/types";
import { formatBytes, MAX_PLAN_BYTES, planTooLarge } from "../core/plan/plan-size";
import {
  both,
  DEFAULT_ZIP_LIMITS,
  listZip,
  readZipEntry,
  zipDetail,
  type ZipDetail,
  type ZipLimits,
} from "../xlsx/safe-zip/safe-unzip";
import { decodeDoc } from "./decode-doc";
import { decodePdf, type PdfOptions } from "./decode-pdf";
import { planFileFailure, type DecodeResult } from "./decode-result";
import type { FindingCode } from "../core/findings/codes";
import { docxHtmlToText } from "./docx-html-to-text";

export type { DecodeResult } from "./decode-result";

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

/** "%PDF-" */
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d];

/**
 * Turns the bytes of a plan file into text, by what the bytes are, whatever the file's name: .docx through mammoth
 * (tables as "a | b" rows, Word list numbering restored), old Word .doc (and WPS files saved as .doc) through
 * word-extractor (tables the same), PDF through pdf.js (the page layout undone, see pdfPagesToText), text in UTF-8
 * (with or without BOM), UTF-16 or GB18030/GBK (detected, not assumed). Images and other binaries give a finding that
 * says what to do instead. Works in Node and in the browser.
 */
export async function decodePlanBytes(
  bytes: Uint8Array,
  file: string,
  options: PdfOptions = {},
): Promise<DecodeResult> {
  const where = { kind: "file" as const, file };
  const fail = (code: FindingCode): DecodeResult => planFileFailure(code, file);
  if (bytes.length === 0) return fail("plan.empty");
  if (startsWith(bytes, PDF_HEADER)) return decodePdf(bytes, file, options);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return decodeDoc(bytes, file);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return decodeDocx(bytes, file);
  // A text's UTF-8 is at least half its bytes in any encoding read here (UTF-16 of ASCII is twice its UTF-8): a file
  // over twice the limit is refused before it is decoded.
  if (bytes.length > 2 * MAX_PLAN_BYTES + 4)
    return { ok: false, findings: [planTooLarge(bytes.length, where)] };
  const text = decodeText(bytes);
  if (text === null) return fail("plan.file_binary");
  if (!text.text.trim()) return fail("plan.empty");
  return { ok: true, text: text.text, encoding: text.encoding };
}

/**
 * The most a .docx's parts that mammoth may read (all but its images, fonts and media: the text, styles, numbering,
 * notes, relationships) may unpack to in all. mammoth takes some 65 times the XML in memory and about a second for
 * each 2 MB of it: 16 MB stays near a gigabyte, where the document.xml of a long plan is well under 5 MB.
 */
export const MAX_DOCX_XML_BYTES = 16 * 1024 * 1024;

/**
 * The zip limits of a .docx: those of a workbook (each part, all parts, how many), but no limit on how far a part
 * expands: the parts read are limited in size (MAX_DOCX_XML_BYTES), and Word's XML of a long table compresses well.
 */
const DOCX_ZIP_LIMITS: ZipLimits = { ...DEFAULT_ZIP_LIMITS, maxRatio: Infinity };

/** Parts mammoth does not read (images are left unread, see decodeDocx). */
const MEDIA = /\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|wdp|webp|odttf|ttf|otf|mp[34]|wav|avi|wmv|mov)$/i;

/**
 * Checks a .docx before anything unpacks it without a limit: its directory's declared sizes (each part, all of them,
 * how far each expands), the parts mammoth reads against MAX_DOCX_XML_BYTES in all, and then that each of these
 * unpacks to no more than it declares (unpacked here with a limit, so a forged size is caught before mammoth trusts
 * it).
 */
function checkDocx(bytes: Uint8Array, file: string): Finding | null {
  const where = { kind: "file" as const, file };
  const refuse = (problem: { readonly kind: string } & ZipDetail): Finding =>
    problem.kind === "corrupt"
      ? makeFinding("plan.file_bad_docx", where, { file })
      : makeFinding("plan.file_docx_too_large", where, { file, ...zipDetail(problem) });
  const listing = listZip(bytes, DOCX_ZIP_LIMITS);
  if (!listing.ok) return refuse(listing.problem);
  const xml = listing.entries.filter((e) => !MEDIA.test(e.name));
  const total = xml.reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_DOCX_XML_BYTES)
    return refuse({
      kind: "bomb",
      ...both(
        `XML ${formatBytes(total)} > ${formatBytes(MAX_DOCX_XML_BYTES)}`,
        `XML ${formatBytes(total)} > ${formatBytes(MAX_DOCX_XML_BYTES)}`,
      ),
    });
  for (const entry of xml) {
    const read = readZipEntry(bytes, entry, DOCX_ZIP_LIMITS);
    if (!read.ok) return refuse(read.problem);
  }
  return null;
}

async function decodeDocx(bytes: Uint8Array, file: string): Promise<DecodeResult> {
  const unsafe = checkDocx(bytes, file);
  if (unsafe) return { ok: false, findings: [unsafe] };
  const arrayBuffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  try {
    // Node's mammoth reads `buffer`, its browser build reads `arrayBuffer`: give both.
    const input = { arrayBuffer, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    // mammoth is loaded here, when a .docx is read, not at start.
    const loaded = (await import("mammoth")) as typeof import("mammoth") & {
      default?: typeof import("mammoth");
    };
    const mammoth = loaded.default ?? loaded;
    // (Images are left unread: the default reads each into the HTML as base64, which the text does not need.)
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
    });
    const text = docxHtmlToText(result.value);
    if (!text.trim()) return planFileFailure("plan.empty", file);
    return { ok: true, text, encoding: "docx" };
  } catch {
    return planFileFailure("plan.file_bad_docx", file);
  }
}

function decodeText(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return checked(new TextDecoder("utf-8").decode(bytes.subarray(3)), "utf-8");
  if (startsWith(bytes, [0xff, 0xfe]))
    return checked(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff]))
    return checked(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  const utf16 = guessUtf16(bytes);
  if (utf16) return checked(new TextDecoder(utf16).decode(bytes), utf16);
  if (bytes.includes(0)) return null;
  try {
    return checked(new TextDecoder("utf-8", { fatal: true }).decode(bytes), "utf-8");
  } catch {
    return checked(new TextDecoder("gb18030").decode(bytes), "gb18030");
  }
}

/** UTF-16 without a BOM: Chinese text has few zero bytes, but ASCII punctuation and digits leave a pattern. */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (pairs < 2) return null;
  if (oddZero / pairs > 0.2 && evenZero / pairs < 0.05) return "utf-16le";
  if (evenZero / pairs > 0.2 && oddZero / pairs < 0.05) return "utf-16be";
  return null;
}

/** Rejects decoded text that is mostly control characters or replacement marks (a binary file). */
function checked(text: string, encoding: string): { text: string; encoding: string } | null {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return text.length > 0 && bad / text.length > 0.02 ? null : { text, encoding };
}

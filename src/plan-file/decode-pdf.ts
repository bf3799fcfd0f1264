import type { FindingCode } from "../core/findings/codes";
import { MAX_PLAN_BYTES, planTooLarge, utf8Length } from "../core/plan/plan-size";
import { planFileFailure, type DecodeResult } from "./decode-result";
import type { PdfTextItem } from "./pdf-lines";
import { pdfPagesToText } from "./pdf-text";

/**
 * The most pages of a PDF read as a plan: a long work plan runs to some 30 pages, the longest national programme to a
 * few hundred. pdf.js reads some 250 pages of text a second here (4 seconds for the limit), and a file of more pages
 * is refused before any is read.
 */
export const MAX_PDF_PAGES = 1000;

/** Where pdf.js finds the character maps of a PDF's unembedded CJK fonts (a folder path in Node, a URL in a browser). */
export interface PdfOptions {
  readonly cMapUrl?: string;
}

type PdfJs = typeof import("pdfjs-dist");

/**
 * pdf.js, loaded when a PDF is read (not with the pane or the CLI). Its worker's code runs in this thread (pdf.js's
 * "fake worker", given here as globalThis.pdfjsWorker): no worker file is looked for, in Node or in the pane.
 */
async function loadPdfJs(): Promise<PdfJs> {
  const pdfjs = (await import("pdfjs-dist/legacy/build/pdf.mjs")) as PdfJs;
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
  return pdfjs;
}

/** The finding code for what pdf.js threw on opening a file: a password, or a file that is no PDF or is broken. */
function openProblem(error: unknown): FindingCode {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "PasswordException" ? "plan.pdf_encrypted" : "plan.file_bad_pdf";
}

/**
 * The text of a PDF plan (see pdfPagesToText for how the page layout is undone). A PDF with a password, a broken one,
 * one of more than MAX_PDF_PAGES pages, one with more text than MAX_PLAN_BYTES (read no further than that) and one
 * with no text at all (a scan) each give a finding. Works in Node and in the browser.
 */
export async function decodePdf(
  bytes: Uint8Array,
  file: string,
  options: PdfOptions = {},
): Promise<DecodeResult> {
  const where = { kind: "file" as const, file };
  const fail = (code: FindingCode, data: Record<string, string | number> = {}): DecodeResult =>
    planFileFailure(code, file, data);
  const pdfjs = await loadPdfJs();
  // (pdf.js takes the bytes over: it is given a copy.)
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    useSystemFonts: false,
    stopAtErrors: false,
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    return fail(openProblem(error));
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      return fail("plan.pdf_too_many_pages", { pages: doc.numPages, limit: MAX_PDF_PAGES });
    const pages: PdfTextItem[][] = [];
    let bytes = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await pageItems(await doc.getPage(n), MAX_PLAN_BYTES - bytes);
      bytes += page.bytes;
      if (bytes > MAX_PLAN_BYTES) return { ok: false, findings: [planTooLarge(bytes, where)] };
      pages.push(page.items);
    }
    if (!pages.some((items) => items.some((i) => i.str.trim())))
      return fail("plan.pdf_no_text", { pages: doc.numPages });
    // (Text that is all running headers, footers and page numbers leaves nothing to read.)
    const text = pdfPagesToText(pages);
    return text.trim() ? { ok: true, text, encoding: "pdf" } : fail("plan.empty");
  } catch {
    return fail("plan.file_bad_pdf");
  } finally {
    await doc.destroy();
  }
}

type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>["getPage"]>>;

/**
 * A page's text items and their size in bytes of UTF-8, read as a stream so that a page of endless text is not kept
 * in memory past `room` bytes: the rest is read and let go (cancelling pdf.js's stream from its "fake worker" makes
 * it throw where nothing can catch it), and the items are then not all there.
 */
async function pageItems(page: PdfPage, room: number): Promise<{ items: PdfTextItem[]; bytes: number }> {
  const reader = page.streamTextContent().getReader();
  const items: PdfTextItem[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = (await reader.read()) as { done: boolean; value?: { items: unknown[] } };
    if (done || !value) break;
    if (bytes > room) continue;
    for (const raw of value.items) {
      const item = raw as { str?: string; transform?: number[]; width?: number };
      if (typeof item.str !== "string" || !item.transform) continue;
      const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
      items.push({ str: item.str, x, y, width: item.width ?? 0, size: Math.hypot(a, b) });
      bytes += utf8Length(item.str);
    }
  }
  page.cleanup();
  return { items, bytes };
}

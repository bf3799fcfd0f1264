import { readFile, stat } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { makeFinding } from "../core/findings/make-finding";
import type { Finding } from "../core/findings/types";
import { planTooLarge } from "../core/plan/plan-size";
import { decodePlanBytes, type DecodeResult } from "./decode-plan";

/**
 * The largest plan file read from disk at all (a .docx with photos of signed pages can run to tens of MB; its text is
 * limited on its own): a larger file is refused before it is read into memory.
 */
export const MAX_PLAN_FILE_BYTES = 128 * 1024 * 1024;

/** pdf.js's character maps (for PDFs whose CJK fonts are not embedded), in its package's folder. */
function pdfCMaps(): string {
  return join(dirname(require.resolve("pdfjs-dist/package.json")), "cmaps") + sep;
}

/** Reads a plan file from disk (.txt in any common encoding, .docx, .doc or PDF). A missing or oversized file is a finding. */
export async function readPlanFile(path: string): Promise<DecodeResult> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) return { ok: false, findings: [await notAPlanFile(path)] };
  if (info.size > MAX_PLAN_FILE_BYTES)
    return {
      ok: false,
      findings: [planTooLarge(info.size, { kind: "file", file: path }, MAX_PLAN_FILE_BYTES)],
    };
  return decodePlanBytes(new Uint8Array(await readFile(path)), path, { cMapUrl: pdfCMaps() });
}

/** Why a plan path cannot be read as a file: a folder is said to be one, anything else is not found. */
export async function notAPlanFile(path: string): Promise<Finding> {
  const info = await stat(path).catch(() => null);
  const where = { kind: "file", file: path } as const;
  return makeFinding(info?.isDirectory() ? "plan.file_folder" : "plan.file_missing", where, { file: path });
}

import { readFile, stat } from "node:fs/promises";
import { makeFinding } from "../core/findings/make-finding";
import { decodePlanBytes, type DecodeResult } from "./decode-plan";

/** Reads a plan file from disk (.txt in any common encoding, or .docx). A missing file is a finding. */
export async function readPlanFile(path: string): Promise<DecodeResult> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) {
    return {
      ok: false,
      findings: [makeFinding("plan.file_missing", { kind: "file", file: path }, { file: path })],
    };
  }
  return decodePlanBytes(new Uint8Array(await readFile(path)), path);
}

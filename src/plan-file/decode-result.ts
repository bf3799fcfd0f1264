import type { FindingCode } from "../core/findings/codes";
import { makeFinding } from "../core/findings/make-finding";
import type { Finding } from "../core/findings/types";

/** A plan file's text and how it was read (an encoding, or "docx", "doc", "pdf"), or why it could not be read. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/**
 * A plan file that could not be read: one finding about the file, naming it.
 * @example planFileFailure("plan.empty", "要点.pdf") // → { ok: false, findings: [{ code: "plan.empty", … }] }
 */
export function planFileFailure(
  code: FindingCode,
  file: string,
  data: Record<string, string | number> = {},
): DecodeResult {
  return { ok: false, findings: [makeFinding(code, { kind: "file", file }, { file, ...data })] };
}

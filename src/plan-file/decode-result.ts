import type { Finding } from "../core/findings/types";

/** A plan file's text and how it was read (an encoding, or "docx", "doc", "pdf"), or why it could not be read. */
export type DecodeResult =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly findings: readonly Finding[] };

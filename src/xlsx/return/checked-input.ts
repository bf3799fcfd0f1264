import type { Finding } from "../../core/findings/types";
import type { CheckedInput, EmailOrigin } from "../../core/consolidate/types";
import { checkWorkbook, type CheckWorkbookOptions } from "./check-workbook";

/** One input file for consolidation: its bytes (null when it could not be read) and what was found getting it. */
export interface InputFile {
  readonly file: string;
  readonly bytes: Uint8Array | null;
  readonly sha256: string;
  readonly fileTime: string | null;
  /** Findings from gathering the file (a damaged zip around it, an .eml without a workbook…). */
  readonly findings: readonly Finding[];
  /** The email the file came in, when it came in one. */
  readonly email?: EmailOrigin;
}

/**
 * Reads and checks one input file as a return, for consolidation (the CLI and the task pane's worker). Only plain
 * data comes back: the identity, the spec, the entries and every finding, or the findings that say why the file
 * is not a usable return.
 */
export function checkInputFile(input: InputFile, options: CheckWorkbookOptions): CheckedInput {
  const source = {
    file: input.file,
    sha256: input.sha256,
    fileTime: input.fileTime,
    ...(input.email ? { email: input.email } : {}),
  };
  if (!input.bytes) return { kind: "not_return", ...source, findings: input.findings };
  const checked = checkWorkbook(input.bytes, input.file, options);
  const findings = [...input.findings, ...checked.findings];
  if (!checked.identity || !checked.spec) return { kind: "not_return", ...source, findings };
  // Blank cells are not figures (a missing entry reads as blank): only answers travel on, in the CLI's workers and
  // the task pane's alike.
  const entries = checked.entries.filter((e) => !(e.kind === "blank" && (e.raw === null || e.raw === "")));
  return { kind: "return", ...source, identity: checked.identity, spec: checked.spec, entries, findings };
}

import { createHash } from "node:crypto";
import { checkReturn } from "../../core/check/check-return";
import type { CheckedInput } from "../../core/consolidate/types";
import { readReturn } from "../../xlsx/return/read-return";
import type { InputItem } from "./gather-inputs";
import { zlibInflate } from "./zlib-inflate";

export interface CheckInputOptions {
  /** The unit list, passed to the check (a unit not on it is a finding). */
  readonly units?: readonly string[];
  /** Today "YYYY-MM-DD", for the plausibility of 填报日期. */
  readonly today: string;
}

/**
 * Reads one input file with the fast return reader and checks it with the check engine. Only plain data comes
 * back (no workbook is kept): the identity, the spec, the entries and the findings, or findings saying why the
 * file is not a usable return.
 */
export function checkInput(item: InputItem, options: CheckInputOptions): CheckedInput {
  const sha256 = item.bytes ? createHash("sha256").update(item.bytes).digest("hex") : "";
  const source = { file: item.file, sha256, fileTime: item.fileTime };
  if (!item.bytes) return { kind: "not_return", ...source, findings: item.findings };
  const read = readReturn(item.bytes, item.file, { inflate: zlibInflate });
  if (!read.ok) return { kind: "not_return", ...source, findings: [...item.findings, ...read.findings] };
  const checked = checkReturn(read.unitReturn, null, {
    today: options.today,
    ...(options.units?.length ? { units: options.units } : {}),
  });
  const findings = [...item.findings, ...read.findings, ...checked.findings];
  if (!checked.identity || !checked.spec) return { kind: "not_return", ...source, findings };
  return {
    kind: "return",
    ...source,
    identity: checked.identity,
    spec: checked.spec,
    entries: checked.entries,
    findings,
  };
}

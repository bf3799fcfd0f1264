import { checkReturn } from "../../core/check/check-return";
import type { CheckOptions, CheckResult } from "../../core/check/types";
import type { TemplateSpec } from "../../core/template/spec";
import { readReturn, type ReadReturnOptions } from "./read-return";

export interface CheckWorkbookOptions extends CheckOptions, ReadReturnOptions {
  /** The spec the return should follow; null (default) to trust the spec stored in the file. */
  readonly expected?: TemplateSpec | null;
}

/**
 * Sniffs, reads and checks one returned workbook (.xlsx bytes). A file that cannot be read at all gives a result
 * with no identity, no entries and the findings that say why.
 * @example checkWorkbook(bytes, "东湖区.xlsx", { today: "2024-07-10" }) // → { identity: {…}, entries: […], findings: [] }
 */
export function checkWorkbook(
  bytes: Uint8Array,
  file: string,
  options: CheckWorkbookOptions = {},
): CheckResult {
  const expected = options.expected ?? null;
  const read = readReturn(bytes, file, expected ? { ...options, layout: expected.layout } : options);
  if (!read.ok) return { identity: null, spec: null, unit: null, entries: [], findings: read.findings };
  const result = checkReturn(read.unitReturn, expected, options);
  return { ...result, findings: [...read.findings, ...result.findings] };
}

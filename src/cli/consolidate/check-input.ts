import { createHash } from "node:crypto";
import type { CheckedInput } from "../../core/consolidate/types";
import { checkInputFile } from "../../xlsx/return/checked-input";
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
  return checkInputFile(
    { ...item, sha256 },
    {
      today: options.today,
      inflate: zlibInflate,
      ...(options.units?.length ? { units: options.units } : {}),
    },
  );
}

import { createHash } from "node:crypto";
import { makeFinding } from "../../core/findings/make-finding";
import { MAX_WORKBOOK_BYTES } from "../../xlsx/safe-zip/sniff";
import type { CheckedInput } from "../../core/consolidate/types";
import type { TemplateSpec } from "../../core/template/spec";
import type { PreviousPeriod } from "../../core/period/types";
import { checkInputFile } from "../../xlsx/return/checked-input";
import type { InputItem } from "../../xlsx/inputs/input-item";
import { localTime } from "../../xlsx/inputs/local-time";
import { notRegularFinding, readRegularSync, unreadableFinding } from "./read-regular";
import { zlibInflate } from "./zlib-inflate";
import { nodeSheetJs } from "../sheetjs";

export interface CheckInputOptions {
  /** The unit list, passed to the check (a unit not on it is a finding). */
  readonly units?: readonly string[];
  /** Today "YYYY-MM-DD", for the plausibility of 填报日期. */
  readonly today: string;
  /** The commission's own spec (--template): returns of its template are checked against it (see checkReturn). */
  readonly expected?: TemplateSpec | null;
  /** The previous period's figures (--previous): each return is compared with its unit's (see checkReturn). */
  readonly previous?: PreviousPeriod | null;
}

/**
 * Reads one input file with the fast return reader and checks it with the check engine. Only plain data comes
 * back (no workbook is kept): the identity, the spec, the entries and the findings, or findings saying why the
 * file is not a usable return.
 */
export function checkInput(item: InputItem, options: CheckInputOptions): CheckedInput {
  const input = item.path ? readItem(item, item.path) : item;
  const sha256 = input.bytes ? createHash("sha256").update(input.bytes).digest("hex") : "";
  return checkInputFile(
    { ...input, sha256 },
    {
      today: options.today,
      inflate: zlibInflate,
      sheetjs: nodeSheetJs,
      ...(options.units?.length ? { units: options.units } : {}),
      ...(options.expected ? { expected: options.expected } : {}),
      ...(options.previous ? { previous: options.previous } : {}),
    },
  );
}

/** Reads a plain file: its bytes and modification time, or a finding saying why not (see readRegularSync). */
function readItem(item: InputItem, path: string): InputItem {
  const where = { kind: "file" as const, file: item.file };
  try {
    const read = readRegularSync(path, MAX_WORKBOOK_BYTES);
    if (read.kind === "not_regular")
      return { file: item.file, bytes: null, fileTime: null, findings: [notRegularFinding(item.file, read)] };
    const fileTime = localTime(read.mtime);
    if (read.kind === "too_large") {
      const f = makeFinding("file.too_large", where, { size: read.size, limit: MAX_WORKBOOK_BYTES });
      return { file: item.file, bytes: null, fileTime, findings: [f] };
    }
    return { file: item.file, bytes: read.value, fileTime, findings: item.findings };
  } catch (e) {
    return { file: item.file, bytes: null, fileTime: null, findings: [unreadableFinding(item.file, e)] };
  }
}

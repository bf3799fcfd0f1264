import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { makeFinding } from "../../core/findings/make-finding";
import { MAX_WORKBOOK_BYTES } from "../../xlsx/safe-zip/sniff";
import type { CheckedInput } from "../../core/consolidate/types";
import type { TemplateSpec } from "../../core/template/spec";
import { checkInputFile } from "../../xlsx/return/checked-input";
import { localTime, type InputItem } from "./gather-inputs";
import { zlibInflate } from "./zlib-inflate";

export interface CheckInputOptions {
  /** The unit list, passed to the check (a unit not on it is a finding). */
  readonly units?: readonly string[];
  /** Today "YYYY-MM-DD", for the plausibility of 填报日期. */
  readonly today: string;
  /** The commission's own spec (--template): returns of its template are checked against it (see checkReturn). */
  readonly expected?: TemplateSpec | null;
}

/**
 * Reads one input file with the fast return reader and checks it with the check engine. Only plain data comes
 * back (no workbook is kept): the identity, the spec, the entries and the findings, or findings saying why the
 * file is not a usable return.
 */
export function checkInput(item: InputItem, options: CheckInputOptions): CheckedInput {
  const input = item.path ? readItem(item, item.path) : item;
  const sha256 = input.bytes ? createHash("sha256").update(input.bytes).digest("hex") : "";
  const checked = checkInputFile(
    { ...input, sha256 },
    {
      today: options.today,
      inflate: zlibInflate,
      ...(options.units?.length ? { units: options.units } : {}),
      ...(options.expected ? { expected: options.expected } : {}),
    },
  );
  if (checked.kind !== "return") return checked;
  // Blank cells are not figures (a missing entry reads as blank): only answers travel on.
  const entries = checked.entries.filter((e) => !(e.kind === "blank" && (e.raw === null || e.raw === "")));
  return { ...checked, entries };
}

const READ_ERRORS: Readonly<Record<string, readonly [string, string]>> = {
  EACCES: ["没有读取权限", "permission denied"],
  EPERM: ["没有读取权限", "permission denied"],
  ENOENT: ["文件已不存在", "the file is gone"],
  EISDIR: ["这是文件夹", "it is a folder"],
  EBUSY: ["文件被占用", "the file is busy"],
};

/** Reads a plain file: its bytes and modification time, or a finding saying why not. */
function readItem(item: InputItem, path: string): InputItem {
  const where = { kind: "file" as const, file: item.file };
  try {
    const info = statSync(path);
    const fileTime = localTime(info.mtime);
    if (info.size > MAX_WORKBOOK_BYTES) {
      const f = makeFinding("file.too_large", where, { size: info.size, limit: MAX_WORKBOOK_BYTES });
      return { file: item.file, bytes: null, fileTime, findings: [f] };
    }
    // (The Buffer itself: wrapping it in a new Uint8Array would copy every file once more.)
    return { file: item.file, bytes: readFileSync(path), fileTime, findings: item.findings };
  } catch (e) {
    // (Node's errors are checked by shape: under test runners they come from another realm.)
    const code = typeof e === "object" && e !== null && "code" in e ? String(e.code) : "";
    const [zh, en] = READ_ERRORS[code] ?? ["读取出错", "read error"];
    const f = makeFinding("consolidate.input_unreadable", where, {
      reason: `${zh}${code ? `（${code}）` : ""}`,
      reasonEn: `${en}${code ? ` (${code})` : ""}`,
    });
    return { file: item.file, bytes: null, fileTime: null, findings: [f] };
  }
}

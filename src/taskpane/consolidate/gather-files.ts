import { makeFinding } from "../../core/findings/make-finding";
import type { InputItem } from "../../xlsx/inputs/input-item";
import { localTime } from "../../xlsx/inputs/local-time";
import { containerKind, containerLimit, expand, startUnpacking } from "../../xlsx/inputs/open-container";

/** A file the clerk picked, read into memory. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly lastModified: number;
}

/**
 * The workbooks among picked files, opened as `report-kit consolidate` opens its inputs (the same code, from
 * src/xlsx/inputs): .zip archives (zips inside zips), .eml emails (every attachment, forwarded messages too) and
 * Outlook's winmail.dat, each capped as the CLI caps it; a bomb, a broken archive or an unreadable email is a
 * finding naming it. Only the file system is missing: a picked file's time is its lastModified.
 */
export async function* gatherPicked(files: readonly PickedFile[]): AsyncGenerator<InputItem> {
  for (const f of files) {
    const fileTime = localTime(new Date(f.lastModified));
    const limit = containerLimit(containerKind(f.name, "", f.bytes));
    if (limit !== null && f.bytes.length > limit) {
      const where = { kind: "file" as const, file: f.name };
      const tooLarge = makeFinding("file.too_large", where, { size: f.bytes.length, limit });
      yield { file: f.name, bytes: null, fileTime, findings: [tooLarge] };
      continue;
    }
    yield* expand(f.bytes, f.name, fileTime, startUnpacking(f.name), 0);
  }
}

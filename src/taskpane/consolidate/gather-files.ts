import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";
import { listZip, readZipEntry } from "../../xlsx/safe-zip/safe-unzip";
import { localTime } from "./local-time";

/** One picked file or one workbook inside a picked archive, as the CLI's gatherInputs gives them. */
export interface PickedItem {
  /** "东湖区.xlsx", or "county.zip › a/b.xlsx" inside an archive. */
  readonly file: string;
  readonly bytes: Uint8Array | null;
  readonly fileTime: string | null;
  readonly findings: readonly Finding[];
}

/** Nested archives deeper than this are listed, not opened (a zip quine would never end). */
const MAX_ZIP_DEPTH = 4;
const SEP = " › ";
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The workbooks among picked files: .xlsx as they are, .zip archives opened (zips inside zips too) with the
 * safe unzip, so a bomb or a broken archive becomes a finding. The same rules as the CLI's inputs, without a
 * file system.
 */
export function gatherPicked(
  files: readonly { name: string; bytes: Uint8Array; lastModified: number }[],
): PickedItem[] {
  return files.flatMap((f) => expand(f.bytes, f.name, localTime(new Date(f.lastModified)), 0));
}

function expand(bytes: Uint8Array, shown: string, fileTime: string | null, depth: number): PickedItem[] {
  if (shown.toLowerCase().endsWith(".zip") && depth < MAX_ZIP_DEPTH)
    return fromZip(bytes, shown, fileTime, depth);
  return [{ file: shown, bytes, fileTime, findings: [] }];
}

function zipTime(bytes: Uint8Array, offset: number): string | null {
  // DOS date and time of the local header (modification time of the entry).
  const time = (bytes[offset + 10] ?? 0) | ((bytes[offset + 11] ?? 0) << 8);
  const date = (bytes[offset + 12] ?? 0) | ((bytes[offset + 13] ?? 0) << 8);
  if (!date) return null;
  return `${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)}T${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
}

function fromZip(bytes: Uint8Array, shown: string, fileTime: string | null, depth: number): PickedItem[] {
  const problem = (file: string, kind: "bomb" | "corrupt", detail: string): PickedItem => ({
    file,
    bytes: null,
    fileTime,
    findings: [
      makeFinding(kind === "bomb" ? "file.zip_bomb" : "file.corrupt_zip", { kind: "file", file }, { detail }),
    ],
  });
  const listing = listZip(bytes);
  if (!listing.ok) return [problem(shown, listing.problem.kind, listing.problem.detail)];
  return listing.entries
    .filter((e) => !e.name.endsWith("/") && !e.name.startsWith("__MACOSX/"))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const inner = `${shown}${SEP}${entry.name}`;
      const read = readZipEntry(bytes, entry);
      if (!read.ok) return [problem(inner, read.problem.kind, read.problem.detail)];
      return expand(read.data.slice(), inner, zipTime(bytes, entry.localHeaderOffset) ?? fileTime, depth + 1);
    });
}

import { makeFinding } from "../../core/findings/make-finding";
import type { FindingCode } from "../../core/findings/codes";
import type { Finding, FindingData } from "../../core/findings/types";
import { listZip, readZipEntry, zipProblemCode, type ZipListProblem } from "../../xlsx/safe-zip/safe-unzip";
import { UnpackBudget } from "../../xlsx/safe-zip/unpack-budget";
import { localTime } from "./local-time";

/** One picked file or one workbook inside a picked archive, as the CLI's gatherInputs gives them. */
export interface PickedItem {
  /** "东湖区.xlsx", or "county.zip › a/b.xlsx" inside an archive. */
  readonly file: string;
  readonly bytes: Uint8Array | null;
  readonly fileTime: string | null;
  readonly findings: readonly Finding[];
}

const SEP = " › ";
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The workbooks among picked files: .xlsx as they are, .zip archives opened (zips inside zips too) with the
 * safe unzip, so a bomb, overlapping entries or a broken archive becomes a finding, and what one picked file unpacks
 * to is capped (UnpackBudget). The same rules as the CLI's inputs, without a file system.
 */
export function gatherPicked(
  files: readonly { name: string; bytes: Uint8Array; lastModified: number }[],
): PickedItem[] {
  return files.flatMap((f) =>
    expand(f.bytes, f.name, localTime(new Date(f.lastModified)), 0, {
      input: f.name,
      budget: new UnpackBudget(),
    }),
  );
}

/** One picked file being unpacked: what it may unpack to across its nesting (see UnpackBudget). */
interface Unpacking {
  readonly input: string;
  readonly budget: UnpackBudget;
}

const failed = (file: string, fileTime: string | null, code: FindingCode, data: FindingData): PickedItem => ({
  file,
  bytes: null,
  fileTime,
  findings: [makeFinding(code, { kind: "file", file }, data)],
});

function expand(
  bytes: Uint8Array,
  shown: string,
  fileTime: string | null,
  depth: number,
  u: Unpacking,
): PickedItem[] {
  if (!shown.toLowerCase().endsWith(".zip")) return [{ file: shown, bytes, fileTime, findings: [] }];
  if (depth >= u.budget.limits.maxDepth)
    return [failed(shown, fileTime, "consolidate.nested_too_deep", { limit: u.budget.limits.maxDepth })];
  return fromZip(bytes, shown, fileTime, depth, u);
}

function zipTime(bytes: Uint8Array, offset: number): string | null {
  // DOS date and time of the local header (modification time of the entry).
  const time = (bytes[offset + 10] ?? 0) | ((bytes[offset + 11] ?? 0) << 8);
  const date = (bytes[offset + 12] ?? 0) | ((bytes[offset + 13] ?? 0) << 8);
  if (!date) return null;
  return `${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)}T${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
}

function fromZip(
  bytes: Uint8Array,
  shown: string,
  fileTime: string | null,
  depth: number,
  u: Unpacking,
): PickedItem[] {
  const problem = (file: string, found: ZipListProblem): PickedItem =>
    failed(file, fileTime, zipProblemCode(found), { detail: found.detail });
  const listing = listZip(bytes);
  if (!listing.ok) return [problem(shown, listing.problem)];
  return listing.entries
    .filter((e) => !e.name.endsWith("/") && !e.name.startsWith("__MACOSX/"))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const inner = `${shown}${SEP}${entry.name}`;
      if (u.budget.exhausted) return [];
      if (!u.budget.take(entry.size)) {
        const { maxBytes, maxFiles } = u.budget.limits;
        const data = { input: u.input, limit: Math.round(maxBytes / 1024 / 1024), files: maxFiles };
        return [failed(inner, fileTime, "consolidate.unpack_limit", data)];
      }
      const read = readZipEntry(bytes, entry);
      if (!read.ok) return [problem(inner, read.problem)];
      const time = zipTime(bytes, entry.localHeaderOffset) ?? fileTime;
      return expand(read.data.slice(), inner, time, depth + 1, u);
    });
}

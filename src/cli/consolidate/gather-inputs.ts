import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { basename, extname, join, relative, resolve } from "node:path";
import PostalMime from "postal-mime";
import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";
import { DEFAULT_ZIP_LIMITS, listZip, readZipEntry } from "../../xlsx/safe-zip/safe-unzip";

/** One file to read and check: its bytes, or findings when it could not even be taken out of its container. */
export interface InputItem {
  /** Path as shown to people: "returns/东湖区.xlsx", "county.zip › a/b.xlsx", "mail.eml › 东湖区.xlsx". */
  readonly file: string;
  readonly bytes: Uint8Array | null;
  /**
   * A plain file left for the checker to read (on its worker thread, so the main thread does not carry every
   * file's bytes); its bytes and time are then null until read.
   */
  readonly path?: string;
  readonly fileTime: string | null;
  /** Why the bytes are missing (corrupt zip entry, unreadable email, missing path). */
  readonly findings: readonly Finding[];
}

/** Nested archives deeper than this are listed, not opened (a zip quine would never end). */
const MAX_ZIP_DEPTH = 4;
const SEP = " › ";

export const localTime = (d: Date): string => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

/**
 * Every file under the inputs, one at a time (so memory stays flat): plain files, folders (recursively, sorted),
 * .zip archives (zips inside zips), and .eml emails (their .xlsx/.zip attachments). Zip entries are unpacked
 * with the safe unzip: a bomb or a broken archive becomes a finding.
 */
export async function* gatherInputs(paths: readonly string[], cwd: string): AsyncGenerator<InputItem> {
  for (const p of paths) {
    const full = resolve(cwd, p);
    const shown = relative(cwd, full) || p;
    let info;
    try {
      info = await stat(full);
    } catch {
      yield {
        file: p,
        bytes: null,
        fileTime: null,
        findings: [makeFinding("consolidate.input_not_found", { kind: "file", file: p }, { path: p })],
      };
      continue;
    }
    if (info.isDirectory()) yield* walk(full, cwd);
    else yield* fromFile(full, shown.startsWith("..") ? full : shown);
  }
}

async function* walk(dir: string, cwd: string, seen = new Set<string>()): AsyncGenerator<InputItem> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = join(dir, e.name);
    // A link to a folder is followed once (a link back up would never end); any other link is read as a file,
    // so a broken one is listed as unreadable rather than skipped.
    const linked = e.isSymbolicLink() ? await stat(full).catch(() => null) : null;
    const linkedFolder = linked?.isDirectory() ? await realpath(full) : null;
    if (e.isDirectory() || (linkedFolder !== null && !seen.has(linkedFolder))) {
      if (linkedFolder !== null) seen.add(linkedFolder);
      yield* walk(full, cwd, seen);
    } else if (e.isFile() || (e.isSymbolicLink() && linkedFolder === null)) {
      const shown = relative(cwd, full);
      yield* fromFile(full, shown.startsWith("..") ? full : shown);
    }
  }
}

async function* fromFile(full: string, shown: string): AsyncGenerator<InputItem> {
  const ext = extname(full).toLowerCase();
  // A workbook (or anything else) is read where it is checked; archives and emails are opened here.
  if (ext !== ".zip" && ext !== ".eml") {
    yield { file: shown, bytes: null, path: full, fileTime: null, findings: [] };
    return;
  }
  const info = await stat(full);
  const fileTime = localTime(info.mtime);
  // Archives and emails may be larger than a workbook, but not unboundedly.
  const limit = DEFAULT_ZIP_LIMITS.maxTotalBytes;
  if (info.size > limit) {
    const f = makeFinding("file.too_large", { kind: "file", file: shown }, { size: info.size, limit });
    yield { file: shown, bytes: null, fileTime, findings: [f] };
    return;
  }
  const bytes = new Uint8Array(await readFile(full));
  yield* expand(bytes, shown, fileTime, 0);
}

/** A file's bytes, opened when it is an archive or an email. */
async function* expand(
  bytes: Uint8Array,
  shown: string,
  fileTime: string | null,
  depth: number,
): AsyncGenerator<InputItem> {
  const ext = extname(shown).toLowerCase();
  if (ext === ".zip" && depth < MAX_ZIP_DEPTH) yield* fromZip(bytes, shown, fileTime, depth);
  else if (ext === ".eml") yield* fromEmail(bytes, shown, fileTime, depth);
  else yield { file: shown, bytes, fileTime, findings: [] };
}

function zipTime(bytes: Uint8Array, offset: number): string | null {
  // DOS date and time of the local header (modification time of the entry).
  const time = (bytes[offset + 10] ?? 0) | ((bytes[offset + 11] ?? 0) << 8);
  const date = (bytes[offset + 12] ?? 0) | ((bytes[offset + 13] ?? 0) << 8);
  if (!date) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  const y = 1980 + (date >> 9);
  return `${y}-${pad((date >> 5) & 15)}-${pad(date & 31)}T${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
}

async function* fromZip(
  bytes: Uint8Array,
  shown: string,
  fileTime: string | null,
  depth: number,
): AsyncGenerator<InputItem> {
  const listing = listZip(bytes);
  if (!listing.ok) {
    const code = listing.problem.kind === "bomb" ? "file.zip_bomb" : "file.corrupt_zip";
    yield {
      file: shown,
      bytes: null,
      fileTime,
      findings: [makeFinding(code, { kind: "file", file: shown }, { detail: listing.problem.detail })],
    };
    return;
  }
  const entries = [...listing.entries].filter(
    (e) => !e.name.endsWith("/") && !e.name.startsWith("__MACOSX/"),
  );
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const inner = `${shown}${SEP}${entry.name}`;
    const time = zipTime(bytes, entry.localHeaderOffset) ?? fileTime;
    const read = readZipEntry(bytes, entry);
    if (!read.ok) {
      const code = read.problem.kind === "bomb" ? "file.zip_bomb" : "file.corrupt_zip";
      yield {
        file: inner,
        bytes: null,
        fileTime: time,
        findings: [makeFinding(code, { kind: "file", file: inner }, { detail: read.problem.detail })],
      };
      continue;
    }
    // Copy out of the archive's buffer so the archive can be freed and the entry transferred to a worker.
    yield* expand(read.data.slice(), inner, time, depth + 1);
  }
}

async function* fromEmail(
  bytes: Uint8Array,
  shown: string,
  fileTime: string | null,
  depth: number,
): AsyncGenerator<InputItem> {
  let email;
  try {
    email = await PostalMime.parse(bytes);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    yield {
      file: shown,
      bytes: null,
      fileTime,
      findings: [makeFinding("consolidate.email_unreadable", { kind: "file", file: shown }, { reason })],
    };
    return;
  }
  const sent = email.date ? new Date(email.date) : null;
  const time = sent && !Number.isNaN(sent.getTime()) ? localTime(sent) : fileTime;
  const wanted = email.attachments.filter((a) => /\.(xlsx|xlsm|zip)$/i.test(a.filename ?? ""));
  if (wanted.length === 0) {
    const f = makeFinding(
      "consolidate.email_no_workbook",
      { kind: "file", file: shown },
      { attachments: email.attachments.length },
    );
    yield { file: shown, bytes: null, fileTime: time, findings: [f] };
    return;
  }
  for (const a of wanted) {
    const content =
      typeof a.content === "string" ? new TextEncoder().encode(a.content) : new Uint8Array(a.content);
    yield* expand(content, `${shown}${SEP}${basename(a.filename ?? "attachment.xlsx")}`, time, depth + 1);
  }
}

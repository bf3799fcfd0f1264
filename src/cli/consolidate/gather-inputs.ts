import { readdir, realpath, stat, type FileHandle } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";
import { MimeSkeleton, type Skeleton } from "../../xlsx/inputs/email/mime-skeleton";
import type { InputItem } from "../../xlsx/inputs/input-item";
import { localTime } from "../../xlsx/inputs/local-time";
import {
  containerKind,
  containerLimit,
  expand,
  fromEmail,
  startUnpacking,
  type Unpacking,
} from "../../xlsx/inputs/open-container";
import { DEFAULT_UNPACK_LIMITS, type UnpackLimits } from "../../xlsx/safe-zip/unpack-budget";
import { notRegularFinding, openRegular, readAll, unreadableFinding } from "./read-regular";

export { localTime };
export type { InputItem };

const EMAIL_CHUNK = 1024 * 1024;

const failed = (file: string, fileTime: string | null, finding: Finding): InputItem => ({
  file,
  bytes: null,
  fileTime,
  findings: [finding],
});

/**
 * Every file under the inputs, one at a time (so memory stays flat): plain files, folders (recursively, sorted),
 * .zip archives (zips inside zips), .eml emails (every attachment, forwarded messages too) and winmail.dat. Only
 * regular files are read, their size checked first; anything else found is named in a finding, never skipped.
 */
export async function* gatherInputs(
  paths: readonly string[],
  cwd: string,
  limits: UnpackLimits = DEFAULT_UNPACK_LIMITS,
): AsyncGenerator<InputItem> {
  for (const p of paths) {
    const full = resolve(cwd, p);
    const shown = relative(cwd, full) || p;
    let info;
    try {
      info = await stat(full);
    } catch {
      yield failed(
        p,
        null,
        makeFinding("consolidate.input_not_found", { kind: "file", file: p }, { path: p }),
      );
      continue;
    }
    if (info.isDirectory()) yield* walk(full, cwd, limits);
    else yield* fromFile(full, shown.startsWith("..") ? full : shown, limits);
  }
}

async function* walk(
  dir: string,
  cwd: string,
  limits: UnpackLimits,
  seen = new Set<string>(),
): AsyncGenerator<InputItem> {
  const shownOf = (full: string) => {
    const shown = relative(cwd, full);
    return shown.startsWith("..") ? full : shown;
  };
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    yield failed(shownOf(dir), null, unreadableFinding(shownOf(dir), e));
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, e.name);
    // A link to a folder is followed once (a link back up would never end); anything else is looked at as a file,
    // so a broken link, a device or a pipe is named in a finding rather than skipped.
    const linked = e.isSymbolicLink() ? await stat(full).catch(() => null) : null;
    const linkedFolder = linked?.isDirectory() ? await realpath(full) : null;
    if (e.isDirectory() || (linkedFolder !== null && !seen.has(linkedFolder))) {
      if (linkedFolder !== null) seen.add(linkedFolder);
      yield* walk(full, cwd, limits, seen);
    } else if (linkedFolder === null) yield* fromFile(full, shownOf(full), limits);
  }
}

async function* fromFile(full: string, shown: string, limits: UnpackLimits): AsyncGenerator<InputItem> {
  let info;
  try {
    info = await stat(full);
  } catch (e) {
    yield failed(shown, null, unreadableFinding(shown, e));
    return;
  }
  const kind = containerKind(shown);
  // A workbook (or anything else) is read where it is checked, which checks it is a regular file again.
  if (kind === "file" && info.isFile()) {
    yield { file: shown, bytes: null, path: full, fileTime: null, findings: [] };
    return;
  }
  const u = startUnpacking(shown, limits);
  const read = await readContainer(full, shown, kind === "email", u);
  if ("findings" in read) yield read;
  else if (read.content instanceof Uint8Array) yield* expand(read.content, shown, read.fileTime, u, 0);
  else if (read.content.ok) yield* fromEmail(read.content.bytes, shown, read.fileTime, u, 0);
  else {
    const where = { kind: "file" as const, file: shown };
    const reason = read.content.reason;
    yield failed(shown, read.fileTime, makeFinding("consolidate.email_unreadable", where, { reason }));
  }
}

/**
 * An archive's bytes, or an email's skeleton, from a regular file of bounded size; or the finding saying why not
 * (not a regular file, too large, a read error).
 */
async function readContainer(
  full: string,
  shown: string,
  email: boolean,
  u: Unpacking,
): Promise<InputItem | { content: Uint8Array | Skeleton; fileTime: string }> {
  const limit = containerLimit(email ? "email" : "zip")!;
  try {
    const opened = await openRegular(full, limit);
    if (opened.kind === "not_regular") return failed(shown, null, notRegularFinding(shown, opened));
    const fileTime = localTime(opened.mtime);
    if (opened.kind === "too_large") {
      const where = { kind: "file" as const, file: shown };
      return failed(shown, fileTime, makeFinding("file.too_large", where, { size: opened.size, limit }));
    }
    try {
      const content = email
        ? await streamSkeleton(opened.value, opened.size, u)
        : await readAll(opened.value, opened.size);
      return { content, fileTime };
    } finally {
      await opened.value.close();
    }
  } catch (e) {
    return failed(shown, null, unreadableFinding(shown, e));
  }
}

/** An email file's skeleton, read a piece at a time (never more than the size it had when opened). */
async function streamSkeleton(handle: FileHandle, size: number, u: Unpacking): Promise<Skeleton> {
  const skeleton = new MimeSkeleton(u.omitted);
  const chunk = new Uint8Array(EMAIL_CHUNK);
  for (let at = 0; at < size;) {
    const { bytesRead } = await handle.read(chunk, 0, Math.min(chunk.length, size - at), at);
    if (bytesRead === 0) break;
    skeleton.push(chunk.subarray(0, bytesRead));
    at += bytesRead;
  }
  return skeleton.end();
}

import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";

/**
 * Reading input files safely: only regular files, their size checked before reading, on the file actually opened.
 * A link to a regular file is read like the file itself: the clerk put it in the folder, report-kit reads it with
 * the clerk's own rights, and refusing links would break folders kept tidy with them. A link to a device, a pipe or
 * a socket (/dev/zero, /dev/stdin, a FIFO) is refused: it may never end, or never start.
 */

/** Why a path is not a regular file, in both languages; null when it is one. */
export function notRegular(info: Stats): { readonly type: string; readonly typeEn: string } | null {
  if (info.isFile()) return null;
  if (info.isCharacterDevice())
    return { type: "字符设备（如 /dev/zero）", typeEn: "a character device (such as /dev/zero)" };
  if (info.isBlockDevice()) return { type: "块设备（磁盘）", typeEn: "a block device (a disk)" };
  if (info.isFIFO()) return { type: "命名管道（FIFO）", typeEn: "a named pipe (FIFO)" };
  if (info.isSocket()) return { type: "套接字", typeEn: "a socket" };
  if (info.isDirectory()) return { type: "文件夹", typeEn: "a folder" };
  return { type: "特殊文件", typeEn: "a special file" };
}

/** Opening never waits on a FIFO swapped in after the check (O_NONBLOCK is a no-op for regular files). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type RegularFile<T> =
  | { readonly kind: "ok"; readonly value: T; readonly mtime: Date; readonly size: number }
  | { readonly kind: "not_regular"; readonly type: string; readonly typeEn: string }
  | { readonly kind: "too_large"; readonly size: number; readonly mtime: Date };

/**
 * Reads a regular file of at most `limit` bytes (never more than the size it had when opened). The type is checked
 * before opening (opening a FIFO blocks) and again on the open file, so a link swapped for a device in between is not
 * read. The system's errors (ENOENT, EACCES) are thrown for the caller to report.
 */
export function readRegularSync(path: string, limit: number): RegularFile<Buffer> {
  const before = notRegular(statSync(path));
  if (before) return { kind: "not_regular", ...before };
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    const bad = notRegular(info);
    if (bad) return { kind: "not_regular", ...bad };
    if (info.size > limit) return { kind: "too_large", size: info.size, mtime: info.mtime };
    const bytes = Buffer.alloc(info.size);
    let n = 0;
    for (let r = 1; n < info.size && r > 0; n += r) r = readSync(fd, bytes, n, info.size - n, n);
    return {
      kind: "ok",
      value: n === info.size ? bytes : bytes.subarray(0, n),
      mtime: info.mtime,
      size: info.size,
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a regular file of at most `limit` bytes for reading a piece at a time, as readRegularSync checks it. The
 * caller closes the handle.
 */
export async function openRegular(path: string, limit: number): Promise<RegularFile<FileHandle>> {
  const before = notRegular(await stat(path));
  if (before) return { kind: "not_regular", ...before };
  const handle = await open(path, OPEN_FLAGS);
  let handedOver = false;
  try {
    const info = await handle.stat();
    const bad = notRegular(info);
    if (bad) return { kind: "not_regular", ...bad };
    if (info.size > limit) return { kind: "too_large", size: info.size, mtime: info.mtime };
    handedOver = true;
    return { kind: "ok", value: handle, mtime: info.mtime, size: info.size };
  } finally {
    if (!handedOver) await handle.close();
  }
}

/** Every byte of an open file of `size` bytes (at most that many, whatever it has grown to since). */
export async function readAll(handle: FileHandle, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let n = 0;
  for (let r = 1; n < size && r > 0; n += r) r = (await handle.read(bytes, n, size - n, n)).bytesRead;
  return n === size ? bytes : bytes.slice(0, n);
}

const READ_ERRORS: Readonly<Record<string, readonly [string, string]>> = {
  EACCES: ["没有读取权限", "permission denied"],
  EPERM: ["没有读取权限", "permission denied"],
  ENOENT: ["文件已不存在", "the file is gone"],
  EISDIR: ["这是文件夹", "it is a folder"],
  EBUSY: ["文件被占用", "the file is busy"],
  ELOOP: ["链接循环", "a loop of links"],
};

/** The finding for a file the system would not let us read (consolidate.input_unreadable, with the errno). */
export function unreadableFinding(file: string, error: unknown): Finding {
  // (Node's errors are checked by shape: under test runners they come from another realm.)
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const [zh, en] = READ_ERRORS[code] ?? ["读取出错", "read error"];
  return makeFinding(
    "consolidate.input_unreadable",
    { kind: "file", file },
    {
      reason: `${zh}${code ? `（${code}）` : ""}`,
      reasonEn: `${en}${code ? ` (${code})` : ""}`,
    },
  );
}

/** The finding for a path that is not a regular file (file.not_regular). */
export const notRegularFinding = (file: string, what: { type: string; typeEn: string }): Finding =>
  makeFinding("file.not_regular", { kind: "file", file }, { type: what.type, typeEn: what.typeEn });

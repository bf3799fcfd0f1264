import type { Finding } from "../core/findings/types";

/** Bad input that the command reported: exit 1, no stack trace. */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(readonly findings: readonly Finding[]) {
    super(findings.map((f) => f.message.zh).join("\n"));
  }
}

/** Bad usage of the command line (unknown option, missing argument): exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(readonly text: { zh: string; en: string }) {
    super(text.zh);
  }
}

/** What a file system error code means, for the person who gave the path. */
const FS_REASONS: Readonly<Record<string, { zh: string; en: string }>> = {
  ENOENT: { zh: "文件或文件夹不存在", en: "no such file or folder" },
  EACCES: { zh: "没有权限", en: "permission denied" },
  EPERM: {
    zh: "没有权限，或文件正被其他程序（如 Excel）打开",
    en: "not permitted, or the file is open in another program (such as Excel)",
  },
  EBUSY: {
    zh: "文件正被其他程序（如 Excel）占用，请关闭后重试",
    en: "the file is in use (open in Excel?); close it and retry",
  },
  ENOTDIR: { zh: "路径中有一段不是文件夹", en: "a part of the path is not a folder" },
  EISDIR: { zh: "这是文件夹，这里需要文件", en: "it is a folder, a file is needed here" },
  EROFS: { zh: "磁盘是只读的", en: "the disk is read-only" },
  ENOSPC: { zh: "磁盘空间不足", en: "the disk is full" },
  EDQUOT: { zh: "磁盘配额已用完", en: "the disk quota is used up" },
  EEXIST: { zh: "已存在同名文件", en: "a file of that name exists" },
  ENAMETOOLONG: { zh: "路径太长", en: "the path is too long" },
  EMFILE: { zh: "同时打开的文件太多", en: "too many files open" },
  ENFILE: { zh: "同时打开的文件太多", en: "too many files open" },
  EINVAL: { zh: "路径无效", en: "invalid path" },
};

/** What the command was doing when the file system said no, by system call. */
const FS_ACTIONS: Readonly<Record<string, { zh: string; en: string }>> = {
  open: { zh: "无法打开", en: "Cannot open" },
  mkdir: { zh: "无法创建文件夹", en: "Cannot make the folder" },
  mkdtemp: { zh: "无法创建文件夹", en: "Cannot make a folder in" },
  rename: { zh: "无法保存", en: "Cannot save" },
  write: { zh: "无法写入", en: "Cannot write" },
  fsync: { zh: "无法写入", en: "Cannot write" },
  read: { zh: "无法读取", en: "Cannot read" },
  scandir: { zh: "无法读取文件夹", en: "Cannot read the folder" },
  opendir: { zh: "无法读取文件夹", en: "Cannot read the folder" },
  stat: { zh: "无法读取", en: "Cannot read" },
  lstat: { zh: "无法读取", en: "Cannot read" },
};

/**
 * The message for an error of the file system about a path the command was given or writes to (an output folder
 * that cannot be made, a summary open in Excel, a full disk): the person's files, not a bug in report-kit. Null for
 * any other error.
 * @example fileSystemMessage(Object.assign(new Error(), { code: "ENOSPC", syscall: "write", path: "/out/汇总.xlsx" }))?.zh // → "无法写入 /out/汇总.xlsx：磁盘空间不足（ENOSPC）"
 */
export function fileSystemMessage(e: unknown): { zh: string; en: string } | null {
  // Not `instanceof Error`: Node's own errors may come from another realm (as under Jest).
  if (typeof e !== "object" || e === null) return null;
  const { code, path, dest, syscall } = e as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code) || typeof path !== "string") return null;
  // A rename names the file written last: the one the person asked for.
  const where = dest ?? path;
  const reason = FS_REASONS[code] ?? { zh: "系统错误", en: "system error" };
  const action = (syscall && FS_ACTIONS[syscall]) || { zh: "无法访问", en: "Cannot access" };
  return {
    zh: `${action.zh} ${where}：${reason.zh}（${code}）`,
    en: `${action.en} ${where}: ${reason.en} (${code})`,
  };
}

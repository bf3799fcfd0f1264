import { assertNever } from "../../core/errors";
import { makeFinding } from "../../core/findings/make-finding";
import type { FindingCode } from "../../core/findings/codes";
import type { FindingData } from "../../core/findings/types";
import {
  DEFAULT_ZIP_LIMITS,
  isZip,
  listZip,
  readZipEntry,
  zipDetail,
  zipProblemCode,
} from "../safe-zip/safe-unzip";
import { UnpackBudget, type UnpackLimits } from "../safe-zip/unpack-budget";
import { DEFAULT_SKELETON_LIMITS, OmittedParts, skeletonOf } from "./email/mime-skeleton";
import { readEmail } from "./email/read-email";
import { isTnef, readTnef } from "./email/tnef";
import type { InputItem } from "./input-item";
import { localTime } from "./local-time";
import { baseNameOf, extensionOf, partName, SEP, uniqueNames } from "./part-names";

/**
 * Opening what holds returns: zips (zips inside zips), emails (their attachments, forwarded messages inside them) and
 * Outlook's winmail.dat, to any mix and depth up to a limit. Every file inside is accounted for: passed on to be read,
 * or given a finding that names it. What one input unpacks to is capped as a whole (UnpackBudget).
 */

/** Largest archive or winmail.dat read (it is read whole; its entries are then checked before inflating). */
export const MAX_ARCHIVE_BYTES = DEFAULT_ZIP_LIMITS.maxTotalBytes;
/** Largest .eml read (the CLI streams it past a piece at a time; only what the skeleton keeps is held). */
export const MAX_EMAIL_BYTES = 1024 * 1024 * 1024;

/** The most of a container read at once: an email, or an archive or winmail.dat; null for a plain file. */
export function containerLimit(kind: ContainerKind): number | null {
  return kind === "email" ? MAX_EMAIL_BYTES : kind === "file" ? null : MAX_ARCHIVE_BYTES;
}

/** One input being unpacked: its budget across its nesting, and the email parts its skeletons left out. */
export interface Unpacking {
  /** The input as shown ("县区.zip"), named when its budget runs out. */
  readonly input: string;
  readonly budget: UnpackBudget;
  readonly omitted: OmittedParts;
}

/** `bytes` random bytes as hex (Web Crypto: in Node and in the task pane's worker alike). */
const randomHex = (bytes: number): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");

export const startUnpacking = (input: string, limits?: UnpackLimits): Unpacking => ({
  input,
  budget: new UnpackBudget(limits),
  omitted: new OmittedParts(randomHex(8)),
});

export type ContainerKind = "zip" | "email" | "tnef" | "file";

const TNEF_TYPES = new Set(["application/ms-tnef", "application/vnd.ms-tnef"]);

/**
 * True for a zip holding neither [Content_Types].xml (Office Open XML: .xlsx, .xlsb) nor a mimetype entry
 * (OpenDocument: .ods): an archive, not a workbook.
 */
function isArchive(bytes: Uint8Array): boolean {
  const listing = listZip(bytes);
  return (
    listing.ok && !listing.entries.some((e) => e.name === "[Content_Types].xml" || e.name === "mimetype")
  );
}

/**
 * What a file is to open as: by its name, as Windows sees it (x.zip. is a zip), by its type when it came in an
 * email, and by its bytes when it has them (winmail.dat under any name; a zip with no name or extension).
 */
export function containerKind(name: string, mimeType = "", bytes: Uint8Array | null = null): ContainerKind {
  const ext = extensionOf(name);
  const type = mimeType.toLowerCase();
  if ((bytes && isTnef(bytes)) || TNEF_TYPES.has(type)) return "tnef";
  if (ext === ".eml" || type === "message/rfc822") return "email";
  if (baseNameOf(name) === "winmail.dat") return "tnef";
  if (ext === ".zip") return "zip";
  if (ext === "" && bytes && isZip(bytes) && isArchive(bytes)) return "zip";
  return "file";
}

const item = (
  file: string,
  fileTime: string | null,
  code: FindingCode,
  data: FindingData = {},
): InputItem => ({
  file,
  bytes: null,
  fileTime,
  findings: [makeFinding(code, { kind: "file", file }, data)],
});

/** The finding where an input's budget ran out. */
const budgetSpent = (file: string, fileTime: string | null, u: Unpacking): InputItem =>
  item(file, fileTime, "consolidate.unpack_limit", {
    input: u.input,
    limit: Math.round(u.budget.limits.maxBytes / 1024 / 1024),
    files: u.budget.limits.maxFiles,
  });

/** Bytes a worker may take over (the transfer detaches the whole buffer, so a view into a bigger one is copied). */
const owned = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();

/** A file's bytes: opened when it holds returns (depth: how many containers it is inside), else passed on. */
export async function* expand(
  bytes: Uint8Array,
  shown: string,
  fileTime: string | null,
  u: Unpacking,
  depth: number,
  mimeType = "",
): AsyncGenerator<InputItem> {
  const kind = containerKind(shown, mimeType, bytes);
  if (kind === "file") {
    yield { file: shown, bytes: owned(bytes), fileTime, findings: [] };
    return;
  }
  if (depth >= u.budget.limits.maxDepth) {
    yield item(shown, fileTime, "consolidate.nested_too_deep", { limit: u.budget.limits.maxDepth });
    return;
  }
  switch (kind) {
    case "zip":
      return yield* fromZip(bytes, shown, fileTime, u, depth);
    case "email": {
      const skeleton = skeletonOf(bytes, u.omitted);
      if (!skeleton.ok)
        return yield item(shown, fileTime, "consolidate.email_unreadable", {
          reason: skeleton.reason,
          reasonEn: skeleton.reasonEn,
        });
      return yield* fromEmail(skeleton.bytes, shown, fileTime, u, depth);
    }
    case "tnef":
      return yield* fromTnef(bytes, shown, fileTime, u, depth);
    default:
      return assertNever(kind);
  }
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

/** A zip's entries, each taken from the budget by its declared size before it is inflated. */
async function* fromZip(
  bytes: Uint8Array,
  shown: string,
  fileTime: string | null,
  u: Unpacking,
  depth: number,
): AsyncGenerator<InputItem> {
  const listing = listZip(bytes);
  if (!listing.ok) {
    yield item(shown, fileTime, zipProblemCode(listing.problem), zipDetail(listing.problem));
    return;
  }
  const entries = listing.entries
    .filter((e) => !e.name.endsWith("/") && !e.name.startsWith("__MACOSX/"))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const inner = `${shown}${SEP}${entry.name}`;
    const time = zipTime(bytes, entry.localHeaderOffset) ?? fileTime;
    if (!u.budget.take(entry.size)) return yield budgetSpent(inner, time, u);
    const read = readZipEntry(bytes, entry);
    if (!read.ok) yield item(inner, time, zipProblemCode(read.problem), zipDetail(read.problem));
    else yield* expand(read.data, inner, time, u, depth + 1);
    if (u.budget.exhausted) return;
  }
}

/** An email's attachments from its skeleton: each read, or a finding naming it. */
export async function* fromEmail(
  skeleton: Uint8Array,
  shown: string,
  fileTime: string | null,
  u: Unpacking,
  depth: number,
): AsyncGenerator<InputItem> {
  const read = await readEmail(skeleton, u.omitted);
  if (!read.ok)
    return yield item(shown, fileTime, "consolidate.email_unreadable", {
      reason: read.reason,
      reasonEn: read.reason,
    });
  const time = read.sent ? localTime(read.sent) : fileTime;
  if (read.parts.length === 0)
    return yield item(shown, time, "consolidate.email_no_workbook", { attachments: 0 });
  for (const part of read.parts) {
    const inner = `${shown}${SEP}${part.name}`;
    if (part.kind === "omitted") {
      yield item(inner, time, "consolidate.attachment_too_large", {
        size: Math.round(part.size / 1024 / 1024),
        limit: Math.round(DEFAULT_SKELETON_LIMITS.maxKept / 1024 / 1024),
      });
      continue;
    }
    if (!u.budget.take(part.bytes.length)) return yield budgetSpent(inner, time, u);
    // Each file says which email it came in (a forwarded one's files keep the forwarded email's sender).
    const email = { from: read.from, subject: read.subject };
    for await (const x of expand(part.bytes, inner, time, u, depth + 1, part.mimeType))
      yield x.email ? x : { ...x, email };
    if (u.budget.exhausted) return;
  }
}

/** The attachments inside Outlook's winmail.dat. */
async function* fromTnef(
  bytes: Uint8Array,
  shown: string,
  fileTime: string | null,
  u: Unpacking,
  depth: number,
): AsyncGenerator<InputItem> {
  const read = readTnef(bytes);
  if (!read.ok)
    return yield item(shown, fileTime, "consolidate.tnef_unreadable", {
      reason: read.reason,
      reasonEn: read.reasonEn,
    });
  if (read.attachments.length === 0)
    return yield item(shown, fileTime, "consolidate.email_no_workbook", { attachments: 0 });
  const unique = uniqueNames();
  for (const [i, attachment] of read.attachments.entries()) {
    const inner = `${shown}${SEP}${unique(partName(attachment.name) || `#${i + 1}`)}`;
    if (!attachment.data) {
      yield item(inner, fileTime, "consolidate.tnef_unreadable", {
        reason: "附件没有数据（可能是 Outlook 项目）",
        reasonEn: "the attachment has no data (an Outlook item?)",
      });
      continue;
    }
    if (!u.budget.take(attachment.data.length)) return yield budgetSpent(inner, fileTime, u);
    yield* expand(attachment.data, inner, fileTime, u, depth + 1);
    if (u.budget.exhausted) return;
  }
}

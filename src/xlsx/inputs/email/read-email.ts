import PostalMime from "postal-mime";
import { isZip } from "../../safe-zip/safe-unzip";
import { partName, uniqueNames } from "../part-names";
import type { OmittedParts } from "./mime-skeleton";

/**
 * An email's attachments, every one of them: with a name (a file name cut to its last part, or "#2.xlsx" by its
 * position and type when it has none), and its bytes, or its size when the skeleton left it out. Forwarded
 * messages (message/rfc822) come back as attachments of their own, for the caller to open like any email.
 */
export type EmailPart =
  | { readonly kind: "file"; readonly name: string; readonly mimeType: string; readonly bytes: Uint8Array }
  | { readonly kind: "omitted"; readonly name: string; readonly size: number };

export type EmailRead =
  | {
      readonly ok: true;
      readonly sent: Date | null;
      /** The sender as written ("乙县卫健局 <yixian@example.cn>") and the subject; "" when absent. */
      readonly from: string;
      readonly subject: string;
      readonly parts: readonly EmailPart[];
    }
  | { readonly ok: false; readonly reason: string };

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** A file name for an attachment that has none, from its type. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
  "application/vnd.ms-excel.sheet.macroenabled.12": ".xlsm",
  "application/vnd.ms-excel": ".xls",
  "application/vnd.ms-excel.sheet.binary.macroenabled.12": ".xlsb",
  "application/vnd.oasis.opendocument.spreadsheet": ".ods",
  "application/zip": ".zip",
  "application/x-zip-compressed": ".zip",
  "message/rfc822": ".eml",
  "application/ms-tnef": ".dat",
  "application/vnd.ms-tnef": ".dat",
};

/** The attachment's own name, or "#2.xlsx" by its position and type when it has none. */
const attachmentName = (filename: string | null, mimeType: string, index: number): string =>
  partName(filename) || `#${index + 1}${EXTENSIONS[mimeType.toLowerCase()] ?? ""}`;

/** A picture in the message's own HTML (a signature, a logo), not a file sent: only when it is no workbook. */
const isBodyPicture = (a: PostalMime.Attachment, bytes: Uint8Array): boolean =>
  a.related === true &&
  a.mimeType.toLowerCase().startsWith("image/") &&
  !isZip(bytes) &&
  !OLE.every((b, i) => bytes[i] === b);

/**
 * Reads an email's skeleton (see MimeSkeleton) into its attachments. Nothing but pictures of the message's own text
 * is left out: the caller gives each part a finding or reads it.
 * @example await readEmail(skeleton, omitted) // → { ok: true, sent: Date, parts: [{ kind: "file", name: "东湖区.xlsx", … }] }
 */
export async function readEmail(skeleton: Uint8Array, omitted: OmittedParts): Promise<EmailRead> {
  let email: PostalMime.Email;
  try {
    // Forwarded messages stay attachments (their raw bytes), so the caller follows them with its own depth limit.
    email = await PostalMime.parse(skeleton, { forceRfc822Attachments: true });
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const date = email.date ? new Date(email.date) : null;
  const sent = date && !Number.isNaN(date.getTime()) ? date : null;
  const unique = uniqueNames();
  const parts: EmailPart[] = [];
  email.attachments.forEach((a, i) => {
    const content = a.content;
    const bytes =
      typeof content === "string"
        ? new TextEncoder().encode(content)
        : content instanceof Uint8Array
          ? content
          : new Uint8Array(content);
    if (isBodyPicture(a, bytes)) return;
    const name = unique(attachmentName(a.filename, a.mimeType, i));
    const size = omitted.sizeOf(bytes);
    parts.push(
      size === null ? { kind: "file", name, mimeType: a.mimeType, bytes } : { kind: "omitted", name, size },
    );
  });
  const from = email.from ? [email.from.name, email.from.address && `<${email.from.address}>`] : [];
  return { ok: true, sent, from: from.filter(Boolean).join(" "), subject: email.subject ?? "", parts };
}

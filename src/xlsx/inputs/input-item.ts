import type { EmailOrigin } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";

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
  /** The email the file came in (the innermost, when forwarded): its sender and subject, as the email says. */
  readonly email?: EmailOrigin;
}

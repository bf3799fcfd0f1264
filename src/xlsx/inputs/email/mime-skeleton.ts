/**
 * An email's skeleton: the message with every part's headers and boundaries as sent, the bodies that fit within a
 * limit, and a short token in place of each body that does not. It is built line by line from chunks (a file read a
 * piece at a time), so a 180 MB attachment is measured as it streams past and never held or decoded; the email
 * parser then reads the skeleton, and a token among its attachments names the part that was left out.
 */

/** What a skeleton keeps. */
export interface SkeletonLimits {
  /** Most bytes of part bodies kept, decoded (base64 counts 3 bytes per 4); a body that would pass it is left out. */
  readonly maxKept: number;
  /** Largest skeleton (headers and boundaries of many parts add up); past it the email is unreadable. */
  readonly maxSkeleton: number;
  /** Largest header block of one part. */
  readonly maxHeader: number;
  /** Messages inside messages followed (message/rfc822 parts); deeper ones are bodies like any other. */
  readonly maxDepth: number;
}

export const DEFAULT_SKELETON_LIMITS: SkeletonLimits = {
  maxKept: 48 * 1024 * 1024,
  maxSkeleton: 80 * 1024 * 1024,
  maxHeader: 256 * 1024,
  maxDepth: 8,
};

export type Skeleton =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: string; readonly reasonEn: string };

const TOKEN = "report-kit omitted part ";

/** Why a mail is not read, in both languages (consolidate.email_unreadable's reason and reasonEn). */
const HEADERS_TOO_LONG = { reason: "邮件头过长", reasonEn: "headers too long" } as const;
const TOO_MANY_PARTS = { reason: "邮件分段过多", reasonEn: "too many parts" } as const;

/**
 * The parts left out of the skeletons of one input, each stood for by a token: "report-kit omitted part 3 <nonce>".
 * The nonce is drawn per input, so an attachment that merely contains such text is not taken for a left-out part.
 */
export class OmittedParts {
  private readonly sizes: number[] = [];
  constructor(private readonly nonce: string) {}

  /** The token for a left-out body of `size` bytes (decoded, estimated). */
  add(size: number): string {
    this.sizes.push(size);
    return `${TOKEN}${this.sizes.length - 1} ${this.nonce}`;
  }

  /** The size of the body an attachment's content stands for, or null when the content is real. */
  sizeOf(content: Uint8Array): number | null {
    if (content.length > TOKEN.length + 64) return null;
    const text = String.fromCharCode(...content).trim();
    if (!text.startsWith(TOKEN) || !text.endsWith(` ${this.nonce}`)) return null;
    return this.sizes[Number(text.slice(TOKEN.length, text.indexOf(" ", TOKEN.length)))] ?? null;
  }
}

/** Bytes appended in blocks (a body of a million short lines is a few dozen copies, not a million). */
class ByteSink {
  private blocks: Uint8Array[] = [];
  private last = new Uint8Array(0);
  private used = 0;
  size = 0;

  append(piece: Uint8Array): void {
    if (this.used + piece.length > this.last.length) {
      if (this.used > 0) this.blocks.push(this.last.subarray(0, this.used));
      this.last = new Uint8Array(Math.max(64 * 1024, piece.length));
      this.used = 0;
    }
    this.last.set(piece, this.used);
    this.used += piece.length;
    this.size += piece.length;
  }

  /** Moves another sink's bytes to the end of this one. */
  take(other: ByteSink): void {
    for (const block of other.done()) this.append(block);
  }

  done(): Uint8Array[] {
    return this.used > 0 ? [...this.blocks, this.last.subarray(0, this.used)] : this.blocks;
  }
}

/** A line this long is no boundary (70 characters at most, RFC 2046) and no header end: it is body. */
const LONG_LINE = 1024;
const IDENTITY = new Set(["", "7bit", "8bit", "binary"]);
const latin1 = (b: Uint8Array): string => new TextDecoder("latin1").decode(b);
const isBlank = (b: Uint8Array, from = 0): boolean => {
  for (let i = from; i < b.length; i++)
    if (b[i] !== 0x20 && b[i] !== 0x09 && b[i] !== 0x0d && b[i] !== 0x0a) return false;
  return true;
};
/** The length of a line without its line end. */
const contentLength = (b: Uint8Array): number => {
  let n = b.length;
  while (n > 0 && (b[n - 1] === 0x0a || b[n - 1] === 0x0d)) n--;
  return n;
};

type Mode = "header" | "body" | "skip";

/** The skeleton builder: push the message's bytes in order, then end(). */
export class MimeSkeleton {
  private readonly out = new ByteSink();
  private kept = 0;
  private mode: Mode = "header";
  /** The message/rfc822 nesting of the current part. */
  private depth = 0;
  private readonly boundaries: { readonly marker: Uint8Array; readonly depth: number }[] = [];
  private header = new ByteSink();
  private body = new ByteSink();
  private bodySize = 0;
  private dropped = false;
  private base64 = false;
  /** The start of a line not yet ended (a short one: a longer one is passed on as body). */
  private carry: Uint8Array | null = null;
  /** The current line is longer than LONG_LINE: its rest is body, never a boundary. */
  private midLine = false;
  private failure: { readonly reason: string; readonly reasonEn: string } | null = null;

  constructor(
    private readonly omitted: OmittedParts,
    private readonly limits: SkeletonLimits = DEFAULT_SKELETON_LIMITS,
  ) {}

  push(chunk: Uint8Array): void {
    let start = 0;
    while (start < chunk.length && this.failure === null) {
      const nl = chunk.indexOf(0x0a, start);
      const stop = nl < 0 ? chunk.length : nl + 1;
      const piece = chunk.subarray(start, stop);
      start = stop;
      if (this.midLine) {
        this.bodyBytes(piece);
        this.midLine = nl < 0;
      } else if (nl < 0) this.partial(piece);
      else if (this.carry) {
        const line = concat(this.carry, piece);
        this.carry = null;
        this.line(line);
      } else this.line(piece);
    }
  }

  end(): Skeleton {
    if (this.carry && this.failure === null) this.line(this.carry);
    this.closePart();
    if (this.failure !== null) return { ok: false, ...this.failure };
    return { ok: true, bytes: concatAll(this.out.done(), this.out.size) };
  }

  private partial(piece: Uint8Array): void {
    const carry = this.carry ? concat(this.carry, piece) : piece.slice();
    this.carry = carry;
    if (carry.length <= LONG_LINE) return;
    if (this.mode === "header") {
      if (carry.length > this.limits.maxHeader) this.failure = HEADERS_TOO_LONG;
      return;
    }
    this.carry = null;
    this.midLine = true;
    this.bodyBytes(carry);
  }

  private line(piece: Uint8Array): void {
    if (piece.length <= LONG_LINE && piece[0] === 0x2d && piece[1] === 0x2d) {
      const hit = this.matchBoundary(piece);
      if (hit) {
        this.closePart();
        this.boundaries.length = hit.index + 1;
        this.emit(piece);
        const { depth } = this.boundaries[hit.index]!;
        if (hit.close) this.boundaries.pop();
        this.mode = hit.close ? "skip" : "header";
        this.depth = depth;
        return;
      }
    }
    if (this.mode === "header") this.headerLine(piece);
    else this.bodyBytes(piece);
  }

  private matchBoundary(piece: Uint8Array): { index: number; close: boolean } | null {
    for (let index = this.boundaries.length - 1; index >= 0; index--) {
      const { marker } = this.boundaries[index]!;
      if (piece.length < marker.length || marker.some((b, i) => piece[i] !== b)) continue;
      if (isBlank(piece, marker.length)) return { index, close: false };
      if (
        piece[marker.length] === 0x2d &&
        piece[marker.length + 1] === 0x2d &&
        isBlank(piece, marker.length + 2)
      )
        return { index, close: true };
    }
    return null;
  }

  private headerLine(piece: Uint8Array): void {
    this.header.append(piece);
    if (this.header.size > this.limits.maxHeader) this.failure = HEADERS_TOO_LONG;
    else if (isBlank(piece)) this.endHeader();
  }

  /** The part's headers are complete: keep them, and see what its body is. */
  private endHeader(): void {
    const text = latin1(concatAll(this.header.done(), this.header.size)).replace(/\r?\n[ \t]+/g, " ");
    this.emitSink(this.header);
    this.header = new ByteSink();
    const field = (name: string): string =>
      text
        .split(/\r?\n/)
        .find((l) => l.toLowerCase().startsWith(`${name}:`))
        ?.slice(name.length + 1) ?? "";
    const contentType = field("content-type");
    const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
    const encoding = field("content-transfer-encoding").trim().toLowerCase();
    const boundary = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType);
    const marker = boundary?.[1] ?? boundary?.[2];
    if (type.startsWith("multipart/") && marker) {
      this.boundaries.push({ marker: new TextEncoder().encode(`--${marker}`), depth: this.depth });
      this.mode = "skip"; // the preamble, which carries nothing
    } else if (type === "message/rfc822" && IDENTITY.has(encoding) && this.depth < this.limits.maxDepth) {
      this.depth++; // a message inside: its headers start on the next line
    } else {
      this.mode = "body";
      this.base64 = encoding === "base64";
    }
  }

  /** Body bytes (whole lines, or pieces of a long one); the preamble and epilogue of a multipart are dropped. */
  private bodyBytes(piece: Uint8Array): void {
    if (this.mode !== "body") return;
    const size = this.base64 ? Math.floor((contentLength(piece) * 3) / 4) : piece.length;
    if (!this.dropped && this.kept + this.bodySize + size > this.limits.maxKept) {
      this.dropped = true;
      this.body = new ByteSink();
    }
    this.bodySize += size;
    if (!this.dropped) this.body.append(piece);
  }

  /** The current part ends: its headers if it never got past them, and its body or a token for it. */
  private closePart(): void {
    if (this.mode === "header") this.emitSink(this.header);
    if (this.mode === "body" && this.dropped) {
      const token = this.omitted.add(this.bodySize);
      this.emit(new TextEncoder().encode(`${this.base64 ? btoa(token) : token}\r\n`));
    } else if (this.mode === "body") {
      this.kept += this.bodySize;
      this.emitSink(this.body);
    }
    this.header = new ByteSink();
    this.body = new ByteSink();
    this.bodySize = 0;
    this.dropped = false;
  }

  private emit(piece: Uint8Array): void {
    this.out.append(piece);
    if (this.out.size > this.limits.maxSkeleton) this.failure ??= TOO_MANY_PARTS;
  }

  private emitSink(sink: ByteSink): void {
    this.out.take(sink);
    if (this.out.size > this.limits.maxSkeleton) this.failure ??= TOO_MANY_PARTS;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function concatAll(blocks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/**
 * The skeleton of an email held in memory (an .eml inside a zip or another email).
 * @example skeletonOf(emlBytes, new OmittedParts("9f2c")) // → { ok: true, bytes: … }
 */
export function skeletonOf(bytes: Uint8Array, omitted: OmittedParts, limits?: SkeletonLimits): Skeleton {
  const skeleton = new MimeSkeleton(omitted, limits);
  skeleton.push(bytes);
  return skeleton.end();
}

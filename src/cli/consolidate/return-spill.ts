import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InternalError } from "../../core/errors";
import type { ReturnEntry } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";
import { decodeFindings } from "./finding-codec";
import { unpackEntries, type PackedEntries } from "./worker-entry";

/**
 * The checked returns' entries and findings, kept in a temporary file rather than in memory. A thousand returns
 * hold a quarter of a million entries and tens of thousands of findings, which consolidation goes through a few
 * times (to pick and sum, then for 明细, 问题清单, --csv and --json) but never needs all at once: held as objects
 * they were most of what grew with the count of returns. Each return's entries (packed as they came from the
 * worker, see PackedEntries) and findings (see encodeFindings) are written once and read back whenever they are
 * asked for; of each, the return read last is kept, as it is often asked for again at once.
 * @example const read = spill.keep(packed, known); read() // → the return's entries, as checked
 */
export class ReturnSpill {
  private readonly path: string;
  private readonly fd: number;
  private readonly removed: boolean;
  private size = 0;
  private written = 0;
  /** The entries and the findings read last, each with the number of its write. */
  private lastEntries: { readonly n: number; readonly entries: readonly ReturnEntry[] } | null = null;
  private lastFindings: { readonly n: number; readonly findings: readonly Finding[] } | null = null;

  constructor(dir = tmpdir()) {
    this.path = join(dir, `report-kit-${process.pid}-${randomBytes(4).toString("hex")}.returns`);
    this.fd = openSync(this.path, "w+", 0o600);
    // Removed at once where the system allows it: the file lives on while it is open, and is gone even when the run
    // is killed. Where it does not (Windows), it is removed by close().
    this.removed = remove(this.path);
  }

  /**
   * Writes a return's packed entries and gives back a reader of them. `known` is the sender's strings as numbered
   * so far (see StringNumbering); the strings numbered for this message are added to it here.
   */
  keep(packed: PackedEntries, known: string[]): () => readonly ReturnEntry[] {
    for (const s of packed.strings) known.push(s);
    const { n, at, length } = this.write(encode(packed));
    // The reader names only where the bytes are: a closure that mentioned them would keep them alive.
    return () => {
      if (this.lastEntries?.n !== n)
        this.lastEntries = { n, entries: unpackEntries(decode(this.read(at, length)), known) };
      return this.lastEntries.entries;
    };
  }

  /** Writes a return's findings, as encoded by encodeFindings, and gives back a reader of them. */
  keepFindings(encoded: Uint8Array): () => readonly Finding[] {
    const { n, at, length } = this.write(encoded);
    return () => {
      if (this.lastFindings?.n !== n)
        this.lastFindings = { n, findings: decodeFindings(this.read(at, length)) };
      return this.lastFindings.findings;
    };
  }

  /** Appends `bytes`; gives back the write's number, and where the bytes are. */
  private write(bytes: Uint8Array): { n: number; at: number; length: number } {
    const at = this.size;
    const length = bytes.length;
    for (let done = 0; done < length;) done += writeSync(this.fd, bytes, done, length - done, at + done);
    this.size += length;
    return { n: this.written++, at, length };
  }

  private read(at: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    for (let done = 0; done < length;) {
      const n = readSync(this.fd, bytes, done, length - done, at + done);
      if (n === 0)
        throw new InternalError(`return spill ${this.path}: ${length} bytes at ${at}, got ${done}`);
      done += n;
    }
    return bytes;
  }

  /** Closes (and removes) the file; the readers given out must not be called afterwards. */
  close(): void {
    this.lastEntries = null;
    this.lastFindings = null;
    closeSync(this.fd);
    if (!this.removed) remove(this.path);
  }
}

/** How a value or raw content that is not text is stored: a number, or one of these (in the flags). */
const NUMBER = 0;
const NULL = 1;
const TRUE = 2;
const FALSE = 3;

/**
 * A return's packed entries as bytes (its strings are already in the receiver's list): per entry, the value and
 * the raw content as 8-byte numbers, then the nine string numbers, then a byte saying which of the two are not
 * numbers. Typed arrays in and out, so writing and reading back copy bytes and build no JavaScript values.
 */
function encode(packed: PackedEntries): Uint8Array {
  const n = packed.values.length;
  const buffer = new ArrayBuffer(n * 16 + packed.ids.byteLength + n);
  const values = new Float64Array(buffer, 0, n);
  const raws = new Float64Array(buffer, n * 8, n);
  new Int32Array(buffer, n * 16, packed.ids.length).set(packed.ids);
  const flags = new Uint8Array(buffer, n * 16 + packed.ids.byteLength, n);
  for (let i = 0; i < n; i++) {
    const value = packed.values[i] ?? null;
    const raw = packed.raws[i] ?? null;
    if (typeof value === "number") values[i] = value;
    if (typeof raw === "number") raws[i] = raw;
    const valueFlag = typeof value === "number" ? NUMBER : NULL;
    const rawFlag = typeof raw === "number" ? NUMBER : raw === true ? TRUE : raw === false ? FALSE : NULL;
    flags[i] = valueFlag | (rawFlag << 2);
  }
  return new Uint8Array(buffer);
}

function decode(bytes: Uint8Array): PackedEntries {
  const n = bytes.length / (16 + 9 * 4 + 1);
  const { buffer } = bytes;
  const numbers = new Float64Array(buffer, 0, 2 * n);
  const ids = new Int32Array(buffer, n * 16, n * 9);
  const flags = new Uint8Array(buffer, n * 52, n);
  const values: (number | null)[] = [];
  const raws: (number | boolean | null)[] = [];
  for (let i = 0; i < n; i++) {
    const flag = flags[i]!;
    values.push((flag & 3) === NUMBER ? numbers[i]! : null);
    const raw = flag >> 2;
    raws.push(raw === NUMBER ? numbers[n + i]! : raw === TRUE ? true : raw === FALSE ? false : null);
  }
  return { strings: [], ids, values, raws };
}

function remove(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

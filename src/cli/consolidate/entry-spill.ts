import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InternalError } from "../../core/errors";
import type { ReturnEntry } from "../../core/consolidate/types";
import { unpackEntries, type PackedEntries } from "./worker-entry";

/**
 * The checked returns' entries, kept in a temporary file rather than in memory. A thousand returns hold a quarter
 * of a million entries, which consolidation goes through a few times (to pick and sum, then for 明细, --csv and
 * --json) but never needs all at once: held as objects they were most of what grew with the count of returns.
 * Each return's entries are written once, packed as they came from the worker (see PackedEntries), and read back
 * whenever they are asked for; the return read last is kept, as it is often asked for again at once.
 * @example const read = spill.keep(packed, known); read() // → the return's entries, as checked
 */
export class EntrySpill {
  private readonly path: string;
  private readonly fd: number;
  private readonly removed: boolean;
  private size = 0;
  private last: { readonly at: number; readonly entries: readonly ReturnEntry[] } | null = null;

  constructor(dir = tmpdir()) {
    this.path = join(dir, `report-kit-${process.pid}-${randomBytes(4).toString("hex")}.entries`);
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
    const bytes = encode(packed);
    const at = this.size;
    const length = bytes.length;
    for (let done = 0; done < length;) done += writeSync(this.fd, bytes, done, length - done, at + done);
    this.size += length;
    // The reader names only where the bytes are: a closure that mentioned `bytes` would keep them alive.
    return () => this.read(at, length, known);
  }

  private read(at: number, length: number, known: string[]): readonly ReturnEntry[] {
    if (this.last?.at === at) return this.last.entries;
    const bytes = new Uint8Array(length);
    for (let done = 0; done < length;) {
      const n = readSync(this.fd, bytes, done, length - done, at + done);
      if (n === 0) throw new InternalError(`entry spill ${this.path}: ${length} bytes at ${at}, got ${done}`);
      done += n;
    }
    const entries = unpackEntries(decode(bytes), known);
    this.last = { at, entries };
    return entries;
  }

  /** Closes (and removes) the file; the readers given out must not be called afterwards. */
  close(): void {
    this.last = null;
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

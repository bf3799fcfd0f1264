import { randomBytes } from "node:crypto";
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
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
    const bytes = serialize({ ids: packed.ids, values: packed.values, raws: packed.raws });
    const at = this.size;
    for (let done = 0; done < bytes.length;)
      done += writeSync(this.fd, bytes, done, bytes.length - done, at + done);
    this.size += bytes.length;
    return () => this.read(at, bytes.length, known);
  }

  private read(at: number, length: number, known: string[]): readonly ReturnEntry[] {
    if (this.last?.at === at) return this.last.entries;
    const bytes = Buffer.allocUnsafe(length);
    for (let done = 0; done < length;) {
      const n = readSync(this.fd, bytes, done, length - done, at + done);
      if (n === 0) throw new InternalError(`entry spill ${this.path}: ${length} bytes at ${at}, got ${done}`);
      done += n;
    }
    const packed = deserialize(bytes) as Omit<PackedEntries, "strings">;
    const entries = unpackEntries({ ...packed, strings: [] }, known);
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

function remove(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

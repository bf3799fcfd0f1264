/**
 * What one input (an archive, an email) may unpack to across all its nesting: zips in zips, forwarded mails,
 * winmail.dat. Each archive's own limits stop a single bomb; this stops many small ones that multiply (16 entries
 * four levels deep are 65,536 files) and archives nested without end.
 */
export interface UnpackLimits {
  /** Bytes unpacked in all (each entry by its declared size, before it is inflated). */
  readonly maxBytes: number;
  /** Files unpacked in all, containers included. */
  readonly maxFiles: number;
  /** Containers opened inside one another (a zip in a zip in an email is three). */
  readonly maxDepth: number;
}

/** A county's archive of a thousand returns is about 60 MB; an email with its attachments less. */
export const DEFAULT_UNPACK_LIMITS: UnpackLimits = {
  maxBytes: 512 * 1024 * 1024,
  maxFiles: 10_000,
  maxDepth: 5,
};

/**
 * The budget of one input, spent as it is unpacked. Once a file would pass it, the budget is spent for good: the
 * input's remaining files are not read (one finding says so, where the reader stopped).
 * @example const budget = new UnpackBudget(); budget.take(60_000) // → true
 */
export class UnpackBudget {
  private bytes = 0;
  private files = 0;
  private spent = false;

  constructor(readonly limits: UnpackLimits = DEFAULT_UNPACK_LIMITS) {}

  /** Takes one file of `size` bytes; false (and from then on) when it would pass a limit. */
  take(size: number): boolean {
    if (this.spent) return false;
    this.bytes += size;
    this.files += 1;
    this.spent = this.bytes > this.limits.maxBytes || this.files > this.limits.maxFiles;
    return !this.spent;
  }

  /** True once a take was refused: nothing more of this input is read. */
  get exhausted(): boolean {
    return this.spent;
  }
}

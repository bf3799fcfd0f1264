import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { InternalError } from "../../core/errors";
import type { CheckedInput } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";
import type { TemplateSpec } from "../../core/template/spec";
import { checkInput, type CheckInputOptions } from "./check-input";
import type { ReturnSpill } from "./return-spill";
import { encodeFindings } from "./finding-codec";
import { zlibPiece } from "./zlib-compression";
import type { InputItem } from "./gather-inputs";
import type { PieceRenderer, RenderedBlock, RenderJob } from "../../xlsx/summary/bulk-rows";
import {
  packEntries,
  specId,
  StringNumbering,
  WORKER_FLAG,
  type PackedInput,
  type RenderRequest,
  type WorkRequest,
} from "./worker-entry";

/** A worker's reply to a check (seq) or a render (rendered); `bug` when it failed. */
type Reply =
  | { seq: number; input?: PackedInput; specRef?: string; bug?: string }
  | { rendered: number; done?: RenderedBlock; bug?: string };

/**
 * The young generation of each worker, in MB (V8 makes it three semi-spaces of 4 MB). Left to itself, V8 doubles a
 * busy worker's new space every few hundred files (4, 8, 16, then 32 MB), so the longer the run, the more memory the
 * checking took; capped, it stays the same from the first hundred files to the last, and checking is as fast.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

export interface PoolOptions extends CheckInputOptions {
  /** Worker threads (default: one per core, at most 8); 0 or 1 works on the main thread. */
  readonly workers?: number;
}

/**
 * The consolidation's worker threads (one per core): they read and check the files, then render and compress the
 * summary's bulk rows. The workers load the small worker bundle built next to dist/cli.js; when this is not a
 * bundle (tests run the TypeScript sources), or one thread is asked for, everything runs on the main thread.
 */
export class WorkerPool {
  private workers: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private readonly renders = new Map<
    number,
    { resolve: (p: RenderedBlock) => void; reject: (e: unknown) => void }
  >();
  private nextRender = 0;
  private failure: unknown = null;
  private onCheckReply: ((worker: Worker, reply: Extract<Reply, { seq: number }>) => void) | null = null;
  private readonly waiters: (() => void)[] = [];
  private readonly script: string | null;
  private readonly size: number;

  constructor(private readonly options: PoolOptions) {
    const bundle = typeof __filename === "string" && __filename.endsWith(".js") ? __filename : null;
    this.size = Math.max(0, options.workers ?? Math.min(availableParallelism(), 8));
    // The small worker bundle built next to dist/cli.js (reader, check, row rendering); the whole CLI otherwise.
    const small = bundle && join(dirname(bundle), "check-worker.js");
    this.script = !bundle || this.size <= 1 ? null : small && existsSync(small) ? small : bundle;
    this.spawn();
  }

  private spawn(): void {
    if (!this.script) return;
    const checkOptions: CheckInputOptions = {
      today: this.options.today,
      ...(this.options.units ? { units: this.options.units } : {}),
      ...(this.options.expected ? { expected: this.options.expected } : {}),
      ...(this.options.previous ? { previous: this.options.previous } : {}),
    };
    const script = this.script;
    this.workers = Array.from(
      { length: this.size },
      () =>
        new Worker(`require(${JSON.stringify(script)});`, {
          eval: true,
          workerData: { [WORKER_FLAG]: true, options: checkOptions },
          resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
        }),
    );
    this.busy.clear();
    for (const w of this.workers) {
      this.busy.set(w, 0);
      w.on("message", (reply: Reply) => {
        this.busy.set(w, (this.busy.get(w) ?? 1) - 1);
        if ("rendered" in reply) this.settleRender(reply);
        else this.onCheckReply?.(w, reply);
        this.wakeAll();
      });
      w.on("error", (e) => this.fail(e));
    }
  }

  /**
   * Reads and checks every file, at most a few files in flight per worker so memory stays flat, and hands results
   * back in input order. `whenBusy` is work for the main thread once the workers have a queue of files (loading
   * what the summary will need): called once, when the queue is first full. The returns' entries are kept in
   * `spill`, on disk, and read back when asked for.
   */
  async checkAll(
    items: AsyncIterable<InputItem>,
    spill: ReturnSpill,
    onProgress: (done: number, file: string) => void,
    whenBusy?: () => void,
  ): Promise<CheckedInput[]> {
    const results: CheckedInput[] = [];
    const specs = new Map<string, TemplateSpec>();
    const intern = makeInterner();
    let done = 0;
    // Per sender (a worker, or the main thread itself), its strings as numbered (see StringNumbering).
    const known = new Map<unknown, string[]>();
    const keep = (seq: number, input: PackedInput, sender: unknown) => {
      if (!known.has(sender)) known.set(sender, []);
      const shared = share(input, specs, spill, known.get(sender)!, intern);
      results[seq] = shared;
      onProgress(++done, shared.file);
    };
    if (this.workers.length === 0) {
      let seq = 0;
      const numbering = new StringNumbering();
      for await (const item of items) keep(seq++, pack(checkInput(item, this.options), numbering), numbering);
      return results;
    }
    let inFlight = 0;
    this.onCheckReply = (worker, reply) => {
      inFlight--;
      if (!reply.input) {
        this.fail(new InternalError(`check worker failed:\n${reply.bug ?? "no reply"}`));
        return;
      }
      const input = reply.input;
      if (input.kind === "return" && !input.spec) {
        const spec = reply.specRef ? specs.get(reply.specRef) : undefined;
        if (!spec) this.fail(new InternalError(`check worker referred to an unknown spec ${reply.specRef}`));
        else keep(reply.seq, { ...input, spec }, worker);
      } else keep(reply.seq, input, worker);
    };
    // Files read by the workers themselves wait in their queues as paths (a few deep, so the main thread may work a
    // while without them running dry); files from zips and emails carry their bytes, so fewer of those are sent ahead.
    const limitFor = (item: InputItem) => this.workers.length * (item.bytes ? 2 : 32);
    let onBusy = whenBusy;
    let seq = 0;
    try {
      for await (const item of items) {
        if (onBusy && inFlight >= limitFor(item)) {
          onBusy();
          onBusy = undefined;
        }
        while (inFlight >= limitFor(item) && !this.failure) await this.wait();
        if (this.failure) throw this.failure;
        inFlight++;
        const request: WorkRequest = { seq: seq++, item };
        this.post(request, item.bytes ? [item.bytes.buffer as ArrayBuffer] : []);
      }
      while (inFlight > 0 && !this.failure) await this.wait();
      if (this.failure) throw this.failure;
    } finally {
      this.onCheckReply = null;
    }
    // Fresh workers for rendering: the checking ones end, and with them the heaps they grew reading a thousand files.
    // They are started once the checking threads are gone, so that they take over those threads' malloc arenas
    // rather than open arenas of their own beside them (the old ones' freed memory, held by glibc, was otherwise
    // never used again: about 13 MB at 2,000 returns).
    await this.close();
    this.spawn();
    return results;
  }

  /** Renders blocks of the summary's bulk rows on the workers (undefined when there are none: on this thread). */
  get renderer(): PieceRenderer | undefined {
    if (this.workers.length === 0) return undefined;
    const render = (job: RenderJob) =>
      new Promise<RenderedBlock>((resolve, reject) => {
        if (this.failure) return reject(this.failure);
        const id = this.nextRender++;
        this.renders.set(id, { resolve, reject });
        const { kinds, numbers, ends, heights } = job.block;
        const request: RenderRequest = { render: id, job };
        this.post(request, [kinds.buffer, numbers.buffer, ends.buffer, heights.buffer] as ArrayBuffer[]);
      });
    return { render, piece: zlibPiece };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Sends to the worker with the least in hand. */
  private post(request: WorkRequest | RenderRequest, transfer: ArrayBuffer[]): void {
    const w = [...this.busy].sort((a, b) => a[1] - b[1])[0]![0];
    this.busy.set(w, (this.busy.get(w) ?? 0) + 1);
    w.postMessage(request, transfer);
  }

  private settleRender(reply: Extract<Reply, { rendered: number }>): void {
    const pending = this.renders.get(reply.rendered);
    if (!pending) return;
    this.renders.delete(reply.rendered);
    if (reply.done) pending.resolve(reply.done);
    else pending.reject(new InternalError(`render worker failed:\n${reply.bug ?? "no reply"}`));
  }

  private fail(e: unknown): void {
    this.failure ??= e;
    for (const pending of this.renders.values()) pending.reject(this.failure);
    this.renders.clear();
    this.wakeAll();
  }

  private wait(): Promise<void> {
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private wakeAll(): void {
    this.waiters.splice(0).forEach((f) => f());
  }
}

const pack = (input: CheckedInput, numbering: StringNumbering): PackedInput =>
  input.kind === "return"
    ? { ...input, entries: packEntries(input.entries, numbering), findings: encodeFindings(input.findings) }
    : input;

/**
 * Keeps a checked return small while it waits for the consolidation: one spec object per distinct spec (the copies
 * that came back from workers are dropped), and its entries and findings on disk (see ReturnSpill), read back each time
 * `entries` or `findings` is read. Memory per return is then a few hundred bytes, whatever its findings.
 */
function share(
  input: PackedInput,
  specs: Map<string, TemplateSpec>,
  spill: ReturnSpill,
  known: string[],
  intern: Interner,
): CheckedInput {
  if (input.kind !== "return")
    return { ...input, findings: input.findings.map((f) => internFinding(f, intern)) };
  if (!input.spec) throw new InternalError("a checked return without its spec");
  const id = specId(input.spec);
  if (!specs.has(id)) specs.set(id, input.spec);
  const { entries, findings, ...rest } = input;
  const readEntries = spill.keep(entries, known);
  const readFindings = spill.keepFindings(findings);
  return {
    ...rest,
    file: intern(input.file),
    spec: specs.get(id)!,
    get entries() {
      return readEntries();
    },
    get findings() {
      return readFindings();
    },
  };
}

type Interner = (s: string) => string;

/** Returns one shared copy of each distinct string. */
export function makeInterner(): Interner {
  const strings = new Map<string, string>();
  return (s) => {
    const known = strings.get(s);
    if (known !== undefined) return known;
    strings.set(s, s);
    return s;
  };
}

function internFinding(f: Finding, intern: Interner): Finding {
  const location =
    f.location.kind === "plan"
      ? f.location
      : {
          ...f.location,
          file: intern(f.location.file),
          ...(f.location.sheet ? { sheet: intern(f.location.sheet) } : {}),
        };
  return {
    ...f,
    code: intern(f.code) as Finding["code"],
    location: location as Finding["location"],
    message: { zh: intern(f.message.zh), en: intern(f.message.en) },
  };
}

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { Worker } from "node:worker_threads";
import { InternalError } from "../../core/errors";
import type { CheckedInput } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";
import type { TemplateSpec } from "../../core/template/spec";
import { checkInput, type CheckInputOptions } from "./check-input";
import type { InputItem } from "./gather-inputs";
import {
  packEntries,
  specId,
  StringNumbering,
  unpackEntries,
  WORKER_FLAG,
  type PackedInput,
  type WorkRequest,
} from "./worker-entry";

/** A worker's reply; after the first return of a template, its spec is left out (null) and named by specRef. */
type Reply = { seq: number; input?: PackedInput; specRef?: string; bug?: string };

/**
 * Reads and checks files on worker threads (one per core), at most two files in flight per worker so memory stays
 * flat, and hands results back in input order. The workers load this same bundle (dist/cli.js); when it is not a
 * bundle (tests run the TypeScript sources) the files are checked on the main thread.
 */
export async function checkAll(
  items: AsyncIterable<InputItem>,
  options: CheckInputOptions & {
    readonly workers?: number;
    /**
     * Work for the main thread once the workers have a queue of files (loading what the summary will need): called
     * once, when the queue is first full.
     */
    readonly whenBusy?: () => void;
  },
  onProgress: (done: number, file: string) => void,
): Promise<CheckedInput[]> {
  const bundle = typeof __filename === "string" && __filename.endsWith(".js") ? __filename : null;
  const size = Math.max(0, options.workers ?? Math.min(availableParallelism(), 8));
  const results: CheckedInput[] = [];
  const specs = new Map<string, TemplateSpec>();
  const intern = makeInterner();
  let done = 0;
  // Per sender (a worker, or the main thread itself), its strings as numbered (see StringNumbering).
  const known = new Map<unknown, string[]>();
  const keep = (seq: number, input: PackedInput, sender: unknown) => {
    if (!known.has(sender)) known.set(sender, []);
    const shared = share(input, specs, known.get(sender)!, intern);
    results[seq] = shared;
    onProgress(++done, shared.file);
  };
  if (!bundle || size <= 1) {
    let seq = 0;
    const numbering = new StringNumbering();
    for await (const item of items) keep(seq++, pack(checkInput(item, options), numbering), numbering);
    return results;
  }
  const checkOptions: CheckInputOptions = {
    today: options.today,
    ...(options.units ? { units: options.units } : {}),
  };
  // The small worker bundle built next to dist/cli.js (reader + check only); the whole CLI bundle otherwise.
  const small = join(dirname(bundle), "check-worker.js");
  const script = existsSync(small) ? small : bundle;
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(`require(${JSON.stringify(script)});`, {
        eval: true,
        workerData: { [WORKER_FLAG]: true, options: checkOptions },
      }),
  );
  try {
    await dispatch(items, workers, options.whenBusy, (worker, seq, input, specRef) => {
      if (input.kind === "return" && !input.spec) {
        const spec = specRef ? specs.get(specRef) : undefined;
        if (!spec) throw new InternalError(`check worker referred to an unknown spec ${specRef}`);
        keep(seq, { ...input, spec }, worker);
      } else keep(seq, input, worker);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

async function dispatch(
  items: AsyncIterable<InputItem>,
  workers: readonly Worker[],
  whenBusy: (() => void) | undefined,
  keep: (worker: Worker, seq: number, input: PackedInput, specRef?: string) => void,
): Promise<void> {
  // Files read by the workers themselves wait in their queues as paths (a few deep, so the main thread may work a
  // while without them running dry); files from zips and emails carry their bytes, so fewer of those are sent ahead.
  const limitFor = (item: InputItem) => workers.length * (item.bytes ? 2 : 32);
  let onBusy = whenBusy;
  const busy = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let inFlight = 0;
  let failure: unknown = null;
  const waiters: (() => void)[] = [];
  const wakeAll = () => waiters.splice(0).forEach((f) => f());
  const wait = () => new Promise<void>((resolve) => waiters.push(resolve));
  for (const w of workers) {
    w.on("message", (reply: Reply) => {
      busy.set(w, (busy.get(w) ?? 1) - 1);
      inFlight--;
      if (reply.input) keep(w, reply.seq, reply.input, reply.specRef);
      else failure ??= new InternalError(`check worker failed:\n${reply.bug ?? "no reply"}`);
      wakeAll();
    });
    w.on("error", (e) => {
      failure ??= e;
      wakeAll();
    });
  }
  let seq = 0;
  for await (const item of items) {
    if (onBusy && inFlight >= limitFor(item)) {
      onBusy();
      onBusy = undefined;
    }
    while (inFlight >= limitFor(item) && !failure) await wait();
    if (failure) throw failure;
    const w = [...busy].sort((a, b) => a[1] - b[1])[0]![0];
    busy.set(w, (busy.get(w) ?? 0) + 1);
    inFlight++;
    const request: WorkRequest = { seq: seq++, item };
    w.postMessage(request, item.bytes ? [item.bytes.buffer as ArrayBuffer] : []);
  }
  while (inFlight > 0 && !failure) await wait();
  if (failure) throw failure;
}

const pack = (input: CheckedInput, numbering: StringNumbering): PackedInput =>
  input.kind === "return" ? { ...input, entries: packEntries(input.entries, numbering) } : input;

/**
 * Unpacks a checked return and keeps it small while it waits for the consolidation: one spec object per template
 * (the copies that came back from workers are dropped), the entries' strings as numbered by their sender (`known`),
 * and the strings every return repeats (short answers, file names, messages) shared. Memory per return is then
 * about its figures and findings.
 */
function share(
  input: PackedInput,
  specs: Map<string, TemplateSpec>,
  known: string[],
  intern: Interner,
): CheckedInput {
  if (input.kind !== "return")
    return { ...input, findings: input.findings.map((f) => internFinding(f, intern)) };
  if (!input.spec) throw new InternalError("a checked return without its spec");
  const id = specId(input.spec);
  if (!specs.has(id)) specs.set(id, input.spec);
  return {
    ...input,
    file: intern(input.file),
    spec: specs.get(id)!,
    entries: unpackEntries(input.entries, known, intern),
    findings: input.findings.map((f) => internFinding(f, intern)),
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

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { InternalError } from "../../core/errors";
import type { CheckedInput } from "../../core/consolidate/types";
import type { TemplateSpec } from "../../core/template/spec";
import { checkInput, type CheckInputOptions } from "./check-input";
import type { InputItem } from "./gather-inputs";
import { WORKER_FLAG, type WorkRequest } from "./worker-entry";

type Reply = { seq: number; input?: CheckedInput; bug?: string };

/**
 * Reads and checks files on worker threads (one per core), at most two files in flight per worker so memory stays
 * flat, and hands results back in input order. The workers load this same bundle (dist/cli.js); when it is not a
 * bundle (tests run the TypeScript sources) the files are checked on the main thread.
 */
export async function checkAll(
  items: AsyncIterable<InputItem>,
  options: CheckInputOptions & { readonly workers?: number },
  onProgress: (done: number, file: string) => void,
): Promise<CheckedInput[]> {
  const bundle = typeof __filename === "string" && __filename.endsWith(".js") ? __filename : null;
  const size = Math.max(0, options.workers ?? Math.min(availableParallelism(), 8));
  const results: CheckedInput[] = [];
  const specs = new Map<string, TemplateSpec>();
  let done = 0;
  const keep = (seq: number, input: CheckedInput) => {
    results[seq] = shareSpec(input, specs);
    onProgress(++done, input.file);
  };
  if (!bundle || size <= 1) {
    let seq = 0;
    for await (const item of items) keep(seq++, checkInput(item, options));
    return results;
  }
  const checkOptions: CheckInputOptions = {
    today: options.today,
    ...(options.units ? { units: options.units } : {}),
  };
  const workers = Array.from(
    { length: size },
    () =>
      new Worker(`require(${JSON.stringify(bundle)});`, {
        eval: true,
        workerData: { [WORKER_FLAG]: true, options: checkOptions },
      }),
  );
  try {
    await dispatch(items, workers, keep);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

async function dispatch(
  items: AsyncIterable<InputItem>,
  workers: readonly Worker[],
  keep: (seq: number, input: CheckedInput) => void,
): Promise<void> {
  const limit = workers.length * 2;
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
      if (reply.input) keep(reply.seq, reply.input);
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
    while (inFlight >= limit && !failure) await wait();
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

/** One spec object per template: the copies that came back from workers are dropped (memory stays flat). */
function shareSpec(input: CheckedInput, specs: Map<string, TemplateSpec>): CheckedInput {
  if (input.kind !== "return") return input;
  const id = `${input.spec.templateId}@${input.spec.specVersion}`;
  const known = specs.get(id);
  if (!known) {
    specs.set(id, input.spec);
    return input;
  }
  return { ...input, spec: known };
}

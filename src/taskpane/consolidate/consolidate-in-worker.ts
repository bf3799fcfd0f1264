import { runWorkerJob } from "../shell/worker-job";
import type { ConsolidateMessage, ConsolidateRequest } from "./protocol";

export type ConsolidateDone = Extract<ConsolidateMessage, { type: "done" }>;

/**
 * Consolidates in a fresh Web Worker and ends, always: with the worker's result, or with a WorkerFailure (see
 * runWorkerJob: the worker did not load, failed, sent something unreadable, or the clerk cancelled). The returns'
 * bytes are transferred to the worker, not copied.
 */
export function consolidateInWorker(
  start: () => Worker,
  request: ConsolidateRequest,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ConsolidateDone> {
  return runWorkerJob<ConsolidateDone, ConsolidateRequest>({
    job: "consolidate",
    start,
    request,
    transfer: request.files.map((f) => f.bytes.buffer as ArrayBuffer),
    onProgress,
    ...(signal ? { signal } : {}),
  });
}

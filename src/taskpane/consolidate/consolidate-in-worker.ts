import { WorkerFailure } from "../shell/describe-failure";
import type { ConsolidateMessage, ConsolidateRequest } from "./protocol";

export type ConsolidateDone = Extract<ConsolidateMessage, { type: "done" }>;

/**
 * Consolidates in a fresh Web Worker and ends, always: with the worker's result, or with a WorkerFailure when the
 * worker cannot start or load its script ("load"), reports a failure or throws outside the job ("crash"), sends a
 * message that cannot be read ("message"), or the clerk cancels ("cancelled"). The worker is ended either way, and
 * the returns' bytes are transferred to it, not copied.
 */
export function consolidateInWorker(
  start: () => Worker,
  request: ConsolidateRequest,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ConsolidateDone> {
  return new Promise<ConsolidateDone>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = start();
    } catch (error) {
      return reject(new WorkerFailure("load", error instanceof Error ? error.message : String(error)));
    }
    const end = (settle: () => void): void => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
      settle();
    };
    const cancel = (): void => end(() => reject(new WorkerFailure("cancelled")));
    signal?.addEventListener("abort", cancel);
    worker.onmessage = (e: MessageEvent<ConsolidateMessage>) => {
      const message = e.data;
      if (message.type === "progress") return onProgress(message.done, message.total);
      if (message.type === "failed") return end(() => reject(new WorkerFailure("crash", message.message)));
      end(() => resolve(message));
    };
    // A script that does not load fires a bare Event; an exception outside the job fires an ErrorEvent with its text.
    worker.onerror = (e: Event) => {
      e.preventDefault();
      const text = (e as Partial<ErrorEvent>).message;
      end(() => reject(text ? new WorkerFailure("crash", text) : new WorkerFailure("load")));
    };
    worker.onmessageerror = () => end(() => reject(new WorkerFailure("message")));
    try {
      worker.postMessage(
        request,
        request.files.map((f) => f.bytes.buffer as ArrayBuffer),
      );
    } catch (error) {
      end(() => reject(error));
    }
  });
}

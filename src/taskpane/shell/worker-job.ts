import { WorkerFailure, type WorkerJob } from "./describe-failure";

/** What a pane worker posts: progress while it works, then one final message. */
export type WorkerMessage =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "done" };

export interface WorkerJobOptions<Request> {
  /** Which job, for the words of a failure (consolidation or the copies). */
  readonly job: WorkerJob;
  readonly start: () => Worker;
  readonly request: Request;
  /** Buffers handed to the worker, not copied (the returns' bytes). */
  readonly transfer?: readonly Transferable[];
  readonly onProgress: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * Runs one job in a fresh Web Worker and ends, always: with the worker's "done" message, or with a WorkerFailure
 * when the worker cannot start or load its script ("load"), reports a failure or throws outside the job ("crash"),
 * sends a message that cannot be read ("message"), or the clerk cancels ("cancelled"). The worker is ended either
 * way, so the pane never waits for ever.
 */
export function runWorkerJob<Done extends { readonly type: "done" }, Request>(
  options: WorkerJobOptions<Request>,
): Promise<Done> {
  const { job, start, request, transfer = [], onProgress, signal } = options;
  return new Promise<Done>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = start();
    } catch (error) {
      return reject(new WorkerFailure("load", error instanceof Error ? error.message : String(error), job));
    }
    const end = (settle: () => void): void => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
      settle();
    };
    const cancel = (): void => end(() => reject(new WorkerFailure("cancelled", "", job)));
    signal?.addEventListener("abort", cancel);
    worker.onmessage = (e: MessageEvent<WorkerMessage | Done>) => {
      const message = e.data;
      if (message.type === "progress") return onProgress(message.done, message.total);
      if (message.type === "failed")
        return end(() => reject(new WorkerFailure("crash", message.message, job)));
      end(() => resolve(message as Done));
    };
    // A script that does not load fires a bare Event; an exception outside the job fires an ErrorEvent with its text.
    worker.onerror = (e: Event) => {
      e.preventDefault();
      const text = (e as Partial<ErrorEvent>).message;
      end(() => reject(text ? new WorkerFailure("crash", text, job) : new WorkerFailure("load", "", job)));
    };
    worker.onmessageerror = () => end(() => reject(new WorkerFailure("message", "", job)));
    try {
      worker.postMessage(request, [...transfer]);
    } catch (error) {
      end(() => reject(error));
    }
  });
}

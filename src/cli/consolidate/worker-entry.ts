import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { checkInput, type CheckInputOptions } from "./check-input";
import type { InputItem } from "./gather-inputs";

/** What the pool sends a worker, and what comes back. */
export interface WorkRequest {
  readonly seq: number;
  readonly item: InputItem;
}

/** Names a template's spec between the pool and its workers. */
export function specId(spec: { readonly templateId: string; readonly specVersion: number }): string {
  return `${spec.templateId}@${spec.specVersion}`;
}

/** Marks a worker started by the consolidation pool (the bundle is loaded in the worker with this in workerData). */
export const WORKER_FLAG = "reportKitCheckWorker";

/**
 * When this bundle is loaded inside a pool worker, serve check requests: read + check one file at a time and post
 * the plain result back. Loaded on the main thread, this does nothing.
 */
export function serveIfWorker(): void {
  const data = workerData as { [WORKER_FLAG]?: true; options?: CheckInputOptions } | null;
  if (isMainThread || !parentPort || !data?.[WORKER_FLAG] || !data.options) return;
  const port = parentPort;
  const options = data.options;
  const sent = new Set<string>();
  port.on("message", (request: WorkRequest) => {
    try {
      const input = checkInput(request.item, options);
      if (input.kind !== "return") {
        port.postMessage({ seq: request.seq, input });
        return;
      }
      // The spec (tens of KB, the same for every return of a template) crosses the thread boundary once per
      // worker; later replies name it and the pool puts its copy back.
      const id = specId(input.spec);
      if (sent.has(id)) port.postMessage({ seq: request.seq, input: { ...input, spec: null }, specRef: id });
      else {
        sent.add(id);
        port.postMessage({ seq: request.seq, input });
      }
    } catch (e) {
      port.postMessage({ seq: request.seq, bug: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

serveIfWorker();

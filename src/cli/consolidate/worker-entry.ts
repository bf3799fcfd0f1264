import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { checkInput, type CheckInputOptions } from "./check-input";
import type { CheckedInput, CheckedReturn, ReturnEntry } from "../../core/consolidate/types";
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

/** An entry as it crosses the thread boundary: a tuple, so the copy carries no property names. */
export type PackedEntry = readonly [
  key: string,
  task: string,
  indicator: string | null,
  field: ReturnEntry["field"],
  kind: ReturnEntry["kind"],
  value: ReturnEntry["value"],
  raw: ReturnEntry["raw"],
  sheet: string,
  cell: string,
];

export const packEntry = (e: ReturnEntry): PackedEntry => [
  e.key,
  e.task,
  e.indicator,
  e.field,
  e.kind,
  e.value,
  e.raw,
  e.sheet,
  e.cell,
];

/** A checked return as a worker sends it: entries packed, and the spec left out after the first (see specRef). */
export type PackedInput =
  | Exclude<CheckedInput, CheckedReturn>
  | (Omit<CheckedReturn, "entries" | "spec"> & {
      readonly entries: readonly PackedEntry[];
      readonly spec: CheckedReturn["spec"] | null;
    });

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
      const packed: PackedInput = {
        ...input,
        entries: input.entries.map(packEntry),
        spec: sent.has(id) ? null : input.spec,
      };
      sent.add(id);
      port.postMessage({ seq: request.seq, input: packed, specRef: id });
    } catch (e) {
      port.postMessage({ seq: request.seq, bug: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

serveIfWorker();

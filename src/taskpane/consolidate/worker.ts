/// <reference lib="webworker" />
import type { ConsolidateMessage, ConsolidateRequest } from "./protocol";
import { runConsolidation } from "./run-consolidation";

/**
 * Consolidation runs here, off the pane's thread, so the pane stays responsive and the progress bar moves.
 * Bad input comes back as findings inside "done"; "failed" is a bug, reported with its message.
 */
const post = (message: ConsolidateMessage, transfer: Transferable[] = []): void =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<ConsolidateRequest>) => {
  runConsolidation(event.data, (done, total) => post({ type: "progress", done, total })).then(
    (result) =>
      post(result, result.type === "done" && result.summary ? [result.summary.buffer as ArrayBuffer] : []),
    (error: unknown) =>
      post({ type: "failed", message: error instanceof Error ? error.message : String(error) }),
  );
};

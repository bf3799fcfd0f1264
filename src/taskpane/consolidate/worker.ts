/// <reference lib="webworker" />
import type { ConsolidateMessage, ConsolidateRequest } from "./protocol";
import { runConsolidation } from "./run-consolidation";

/**
 * Consolidation runs here, off the pane's thread, so the pane stays responsive and the progress bar moves.
 * Bad input comes back as findings inside "done"; "failed" is a bug, reported with its message. Every request gets
 * an answer: a failure while posting the result (a summary that cannot be cloned) is reported as "failed" too.
 */
const post = (message: ConsolidateMessage, transfer: Transferable[] = []): void =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<ConsolidateRequest>) => {
  try {
    const result = await runConsolidation(event.data, (done, total) =>
      post({ type: "progress", done, total }),
    );
    post(result, result.type === "done" && result.summary ? [result.summary.buffer as ArrayBuffer] : []);
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};

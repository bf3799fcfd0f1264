/// <reference lib="webworker" />
import type { CopiesMessage, CopiesRequest } from "./protocol";
import { zipCopies } from "./zip-copies";

/**
 * Every unit's copy is written and zipped here, off the pane's thread, so the pane stays responsive and shows
 * progress. "failed" is a bug (the spec was built and checked before), reported with its message; a failure while
 * posting the zip is reported the same way, so every request gets an answer.
 */
const post = (message: CopiesMessage, transfer: Transferable[] = []): void =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

self.onmessage = async (event: MessageEvent<CopiesRequest>) => {
  try {
    const { zip, files } = await zipCopies(
      event.data.spec,
      (done, total) => post({ type: "progress", done, total }),
      event.data.previous,
    );
    post({ type: "done", zip, files }, [zip.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};

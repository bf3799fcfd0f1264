import { consolidateInWorker } from "../../src/taskpane/consolidate/consolidate-in-worker";
import type { ConsolidateMessage, ConsolidateRequest } from "../../src/taskpane/consolidate/protocol";
import { WorkerFailure } from "../../src/taskpane/shell/describe-failure";

// The Consolidate tab's worker always ends: in its result, or in a WorkerFailure the pane says in words. Before, a
// worker that did not load left the pane at "正在汇总 0/1" for ever.

/** A stand-in for a Web Worker: the test plays the worker's side. */
class FakeWorker {
  onmessage: ((e: { data: ConsolidateMessage }) => void) | null = null;
  onerror: ((e: { message?: string; preventDefault: () => void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: unknown[] = [];
  transferred: unknown[] = [];
  terminated = false;
  postMessage(message: unknown, transfer: unknown[]): void {
    this.posted.push(message);
    this.transferred.push(...transfer);
  }
  terminate(): void {
    this.terminated = true;
  }
  say(data: ConsolidateMessage): void {
    this.onmessage?.({ data });
  }
}

const request = (): ConsolidateRequest => ({
  files: [{ name: "东湖区.xlsx", bytes: new Uint8Array([80, 75]), lastModified: 0 }],
  units: [],
  today: "2024-07-10",
  labels: {
    chartSheet: "达标率图",
    chartTitle: "达标率",
    chartColumns: ["单位", "达标率", "达标", "未达标"],
  },
});
const done: ConsolidateMessage = {
  type: "done",
  returns: 1,
  units: 1,
  findings: [],
  summary: null,
  sheets: [],
};

function start(signal?: AbortSignal) {
  const worker = new FakeWorker();
  const progress: [number, number][] = [];
  const result = consolidateInWorker(
    () => worker as unknown as Worker,
    request(),
    (d, t) => progress.push([d, t]),
    signal,
  );
  return { worker, progress, result };
}

const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as WorkerFailure,
  );

describe("the consolidation worker", () => {
  test("passes progress on and settles with the result; the returns' bytes are transferred; the worker ends", async () => {
    const { worker, progress, result } = start();
    worker.say({ type: "progress", done: 1, total: 1 });
    worker.say(done);
    await expect(result).resolves.toEqual(done);
    expect(progress).toEqual([[1, 1]]);
    expect(worker.transferred).toHaveLength(1);
    expect(worker.terminated).toBe(true);
  });

  test("a script that does not load (a bare error event) is a load failure", async () => {
    const { worker, result } = start();
    worker.onerror!({ preventDefault: () => undefined });
    expect(await failureOf(result)).toMatchObject({ kind: "load" });
    expect(worker.terminated).toBe(true);
  });

  test("an exception outside the job (an error event with its text) is a crash, with the text", async () => {
    const { worker, result } = start();
    worker.onerror!({
      message: "Uncaught ReferenceError: exceljs is not defined",
      preventDefault: () => undefined,
    });
    expect(await failureOf(result)).toMatchObject({
      kind: "crash",
      detail: "Uncaught ReferenceError: exceljs is not defined",
    });
  });

  test('a "failed" answer is a crash with the worker\'s message', async () => {
    const { worker, result } = start();
    worker.say({ type: "failed", message: "Cannot read properties of undefined" });
    expect(await failureOf(result)).toMatchObject({
      kind: "crash",
      detail: "Cannot read properties of undefined",
    });
    expect(worker.terminated).toBe(true);
  });

  test("an answer that cannot be read is a message failure", async () => {
    const { worker, result } = start();
    worker.onmessageerror!();
    expect(await failureOf(result)).toMatchObject({ kind: "message" });
  });

  test("a worker that cannot even be made is a load failure", async () => {
    const failure = await failureOf(
      consolidateInWorker(
        () => {
          throw new Error("SecurityError: Failed to construct 'Worker'");
        },
        request(),
        () => undefined,
      ),
    );
    expect(failure).toBeInstanceOf(WorkerFailure);
    expect(failure).toMatchObject({ kind: "load" });
  });

  test("cancelling ends the worker and the wait", async () => {
    const controller = new AbortController();
    const { worker, result } = start(controller.signal);
    worker.say({ type: "progress", done: 0, total: 3 });
    controller.abort();
    expect(await failureOf(result)).toMatchObject({ kind: "cancelled" });
    expect(worker.terminated).toBe(true);
  });
});

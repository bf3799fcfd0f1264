import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { CliContext, Progress } from "./context";
import type { Lang } from "./lang";

/**
 * A consolidation runs on a thread of its own, the command thread, and the main thread keeps only the terminal: it
 * writes what the command prints and draws the progress bar.
 *
 * Why: a worker's heap can be given limits, the main thread's only by flags to `node` itself. Over a long run V8
 * lets the young generation of a thread that allocates as much as a consolidation grow to its largest (16 MB per
 * semi-space), and the freed blocks that the render workers handed over wait longer for a collection. Capped here,
 * it stays small however long the run: at 1,000 returns the peak was about 20 MB lower, in the same time.
 */
const THREAD_FLAG = "reportKitCommandThread";

/**
 * The young generation of the command thread, in MB (V8 makes it three semi-spaces: 2 MB each). Only the young
 * generation is capped: the old one keeps V8's default, so no input is refused for its size.
 */
const YOUNG_GENERATION_MB = 6;

/**
 * What the command thread prints is sent in batches of about `batch` characters, and it waits once `inFlight`
 * batches are not yet written out: a slow reader of stdout (`report-kit … --json | less`) holds the command back
 * instead of the output piling up in memory.
 */
export interface OutputFlow {
  readonly batch: number;
  readonly inFlight: number;
}

const FLOW: OutputFlow = { batch: 64 * 1024, inFlight: 8 };

/** The commands that run on the command thread. */
const THREADED = new Set(["consolidate"]);

type ThreadMessage =
  | { readonly kind: "out" | "err"; readonly text: string }
  | { readonly kind: "progress"; readonly done: number }
  | { readonly kind: "progress-stop" }
  | { readonly kind: "exit"; readonly code: number };

interface ThreadData {
  readonly argv: readonly string[];
  readonly lang: Lang;
  readonly cwd: string;
  readonly flow?: OutputFlow;
  /** [0]: batches of output the main thread has written out. */
  readonly written: Int32Array;
}

/**
 * The command named on a command line (`report-kit --lang en consolidate …` → "consolidate"): the first word that is
 * neither an option nor --lang's value.
 */
export function commandOf(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang") i++;
    else if (!argv[i]!.startsWith("-")) return argv[i]!;
  }
  return null;
}

/** Whether this command line runs on the command thread. */
export function runsOnCommandThread(argv: readonly string[]): boolean {
  const command = commandOf(argv);
  return command !== null && THREADED.has(command);
}

/** The terminal as the main thread has it: where the command thread's output and progress go. */
export interface Terminal {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly progress: (lang: Lang) => Progress;
}

/** A stream the main thread writes to (process.stdout): `done` is called once the text is written out. */
export interface Output {
  write(text: string, done: () => void): unknown;
}

/**
 * Runs the command line on the command thread, loaded from `script` (the CLI bundle), and resolves with its exit
 * code. A failure of the thread itself (a bug outside the command, or memory exhausted) is handed to `onCrash`, whose
 * exit code is returned.
 */
export function runOnCommandThread(
  script: string,
  data: Omit<ThreadData, "written">,
  terminal: Terminal,
  onCrash: (e: unknown) => number,
): Promise<number> {
  const written = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(`require(${JSON.stringify(script)});`, {
    eval: true,
    workerData: { [THREAD_FLAG]: { ...data, written } satisfies ThreadData },
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  return new Promise<number>((resolve) => {
    let progress: Progress | null = null;
    let code: number | null = null;
    const stopProgress = () => {
      progress?.stop();
      progress = null;
    };
    worker.on("message", (m: ThreadMessage) => {
      if (m.kind === "out" || m.kind === "err") {
        if (m.kind === "err") stopProgress();
        (m.kind === "out" ? terminal.stdout : terminal.stderr).write(m.text, () => {
          Atomics.add(written, 0, 1);
          Atomics.notify(written, 0);
        });
      } else if (m.kind === "progress") {
        progress ??= terminal.progress(data.lang);
        progress.update(m.done);
      } else if (m.kind === "progress-stop") stopProgress();
      else if (m.kind === "exit") code = m.code;
    });
    worker.on("error", (e) => {
      stopProgress();
      code = onCrash(e);
    });
    worker.on("exit", () => {
      stopProgress();
      resolve(code ?? onCrash(new Error("the command thread ended without an exit code")));
    });
  });
}

/**
 * On the command thread: runs the command line given by the main thread (with `run`, the CLI) and sends it what
 * the command prints, its progress and its exit code. Elsewhere, does nothing and returns false.
 */
export function serveCommandThread(
  run: (argv: readonly string[], ctx: CliContext) => Promise<number>,
): boolean {
  const data = (workerData as { [THREAD_FLAG]?: ThreadData } | null)?.[THREAD_FLAG];
  if (isMainThread || !parentPort || !data) return false;
  const port = parentPort;
  let sent = 0;
  const { batch, inFlight } = data.flow ?? FLOW;
  const pending = { out: "", err: "" };
  const post = (m: ThreadMessage) => {
    port.postMessage(m);
    if (m.kind !== "out" && m.kind !== "err") return;
    sent++;
    // Wait while too much is written and not yet out (stdout piped to a slow reader): memory stays flat.
    for (
      let done = Atomics.load(data.written, 0);
      sent - done > inFlight;
      done = Atomics.load(data.written, 0)
    )
      Atomics.wait(data.written, 0, done);
  };
  const flush = () => {
    for (const kind of ["out", "err"] as const)
      if (pending[kind]) {
        const text = pending[kind];
        pending[kind] = "";
        post({ kind, text });
      }
  };
  const print = (kind: "out" | "err") => (s: string) => {
    pending[kind] += s.endsWith("\n") ? s : s + "\n";
    if (kind === "err" || pending[kind].length >= batch) flush();
  };
  const ctx: CliContext = {
    lang: data.lang,
    out: print("out"),
    err: print("err"),
    cwd: data.cwd,
    exitCode: 0,
    progress: () => ({
      update: (done) => post({ kind: "progress", done }),
      stop: () => post({ kind: "progress-stop" }),
    }),
  };
  void run(data.argv, ctx).then((code) => {
    flush();
    post({ kind: "exit", code });
  });
  return true;
}

import type { Lang } from "./lang";

/** A display of how far a long job is: files done so far. */
export interface Progress {
  readonly update: (done: number) => void;
  readonly stop: () => void;
}

/** Everything a command needs from the outside world, so that commands stay testable. */
export interface CliContext {
  readonly lang: Lang;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** Shows the progress of a long job (a bar on the terminal); none when absent. */
  readonly progress?: (lang: Lang) => Progress;
  /** Set by a command that finished but found errors in its input (exit 1). */
  exitCode: number;
}

import type { Lang } from "./lang";

/** Everything a command needs from the outside world, so that commands stay testable. */
export interface CliContext {
  readonly lang: Lang;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
  /** Set by a command that finished but found errors in its input (exit 1). */
  exitCode: number;
}

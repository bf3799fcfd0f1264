import type { Finding } from "../core/findings/types";

/** Bad input that the command reported: exit 1, no stack trace. */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(readonly findings: readonly Finding[]) {
    super(findings.map((f) => f.message.zh).join("\n"));
  }
}

/** Bad usage of the command line (unknown option, missing argument): exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(readonly text: { zh: string; en: string }) {
    super(text.zh);
  }
}

/** A broken invariant: a bug in report-kit, never bad input. The CLI prints its stack and "this is a bug". */
export class InternalError extends Error {
  override readonly name = "InternalError";
}

/**
 * Exhaustiveness guard for `switch` on a discriminant: a new variant breaks the build where it is not handled.
 * @example switch (t.op) { case ">=": …; default: return assertNever(t) }
 */
export function assertNever(x: never): never {
  throw new InternalError(`unexpected variant: ${JSON.stringify(x)}`);
}

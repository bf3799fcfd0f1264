/**
 * Errors Excel raises. Office.js rejects a failed context.sync with an OfficeExtension.Error whose `code` is one of
 * Excel's English codes ("ItemAlreadyExists", "InvalidArgument", "GeneralException"…) and whose message is in
 * whatever language Office speaks. The adapter passes them on as they are; the task pane turns the code into words
 * a clerk can act on.
 */

/** Excel's code of an error Office.js raised ("ItemAlreadyExists"), or null for any other error. */
export function excelErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const { name, code } = error as { name?: unknown; code?: unknown };
  const fromOffice = name === "RichApi.Error" || name === "OfficeExtension.Error";
  return fromOffice && typeof code === "string" && /^[A-Za-z]+$/.test(code) ? code : null;
}

/**
 * A write failed and undoing it failed too: `sheets` may still be in the workbook, partly written. `cause` is the
 * error that stopped the write.
 */
export class IncompleteWriteError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly sheets: readonly string[],
  ) {
    super(`the write failed and these sheets could not be removed: ${sheets.join(", ")}`);
    this.name = "IncompleteWriteError";
  }
}

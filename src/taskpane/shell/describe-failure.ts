import { assertNever } from "../../core/errors";
import { IncompleteWriteError, excelErrorCode } from "../../office/excel-error";
import type { WriteRefusal } from "../../office/sheet-plan";
import type { Strings } from "../strings";

/** Why a pane worker gave no result: it did not load, it failed, its answer was unreadable, or the clerk stopped it. */
export type WorkerFailureKind = "load" | "crash" | "message" | "cancelled";

/** The pane's jobs that run in a worker: consolidation, and writing every unit's copy. */
export type WorkerJob = "consolidate" | "copies";

/** A pane worker that ended without a result. `detail` is what the worker said, for a bug report. */
export class WorkerFailure extends Error {
  constructor(
    readonly kind: WorkerFailureKind,
    readonly detail: string = "",
    readonly job: WorkerJob = "consolidate",
  ) {
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = "WorkerFailure";
  }
}

type ExcelFailure = keyof Strings["excelFailure"];

/** Excel's codes (OfficeExtension.Error.code) by what a clerk can do about them. Codes not listed are "other". */
const EXCEL_FAILURES: Readonly<Record<string, ExcelFailure>> = {
  ItemAlreadyExists: "exists",
  ItemNotFound: "notFound",
  InvalidReference: "notFound",
  InvalidArgument: "invalidArgument",
  InvalidOperation: "notAllowed",
  AccessDenied: "notAllowed",
  InsertDeleteConflict: "notAllowed",
  MergedRangeConflict: "notAllowed",
  FilteredRangeConflict: "notAllowed",
  PivotTableRangeConflict: "notAllowed",
  InvalidOperationInCellEditMode: "cellEditing",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  RangeExceedsLimit: "tooLarge",
  OperationCellsExceedLimit: "tooLarge",
  FormulaLengthExceedsLimit: "tooLarge",
  ActivityLimitReached: "busy",
  Conflict: "busy",
  ApiNotFound: "unsupported",
  NotImplemented: "unsupported",
  UnsupportedOperation: "unsupported",
  UnsupportedFeature: "unsupported",
  UnsupportedSheet: "unsupported",
  ConnectionFailure: "connection",
  RequestAborted: "connection",
  GeneralException: "general",
};

/** What the pane says when an action failed, and whether it is a bug (worth the console and an administrator). */
export interface FailureText {
  readonly text: string;
  /** "info" for what the clerk chose (a cancelled consolidation), else "error". */
  readonly intent: "error" | "info";
  readonly bug: boolean;
}

/**
 * An action's failure in the pane's language, saying what to do: Excel's refusals by their code (the English code
 * follows, for whoever helps the clerk), a worker that ended without a result, a write that could not be undone.
 * Anything else is a bug in report-kit: the pane says so with the error's own message.
 * @example describeFailure(Object.assign(new Error("…"), { name: "RichApi.Error", code: "InvalidOperationInCellEditMode" }), zh)
 *   → { text: "Excel 正在编辑单元格，暂时无法操作。请按 Enter 或 Esc 结束编辑后重试。（Excel 错误代码：InvalidOperationInCellEditMode）",
 *       intent: "error", bug: false }
 */
export function describeFailure(error: unknown, s: Strings): FailureText {
  if (error instanceof IncompleteWriteError) {
    const cause = describeFailure(error.cause, s);
    return { ...cause, text: `${cause.text}${s.incompleteWrite(error.sheets.join("、"))}` };
  }
  if (error instanceof WorkerFailure) {
    const detail = error.kind === "crash" && error.detail ? s.failureDetail(error.detail) : "";
    const intent = error.kind === "cancelled" ? "info" : "error";
    const texts = error.job === "copies" ? s.copiesFailure : s.workerFailure;
    return { text: `${texts[error.kind]}${detail}`, intent, bug: error.kind === "crash" };
  }
  const code = excelErrorCode(error);
  if (code) {
    const text = `${s.excelFailure[EXCEL_FAILURES[code] ?? "other"]}${s.excelCode(code)}`;
    return { text, intent: "error", bug: false };
  }
  return { text: s.bug(error instanceof Error ? error.message : String(error)), intent: "error", bug: true };
}

/** Why a write into the open workbook did nothing, in the pane's language. */
export function refusalText(refusal: WriteRefusal, s: Strings): string {
  switch (refusal.reason) {
    case "workbook_protected":
      return s.workbookProtected;
    case "names_taken":
      return s.namesTaken(refusal.names.join("、"));
    default:
      return assertNever(refusal);
  }
}

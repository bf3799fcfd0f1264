/**
 * How the adapter reaches Excel. Every operation takes an ExcelHost, so tests and the browser harness pass a
 * fake and the task pane passes officeHost(). Nothing else in the add-in calls Excel.run.
 */
export type ExcelBatch = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHost {
  readonly run: ExcelBatch;
  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  readonly supports: (version: string) => boolean;
  /** Excel.createWorkbook(base64): opens a new workbook window (ExcelApi 1.8). */
  readonly createWorkbook: (base64: string) => Promise<void>;
}

/** The real host, inside Office. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
  };
}

/**
 * Excel on the web rejects a request whose payload exceeds 5 MB; writes are grouped into batches under this
 * budget (a margin for the request's own envelope), each sent with one context.sync.
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

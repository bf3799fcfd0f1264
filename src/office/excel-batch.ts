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
  /** The open workbook as a .xlsx file, as it is now (Office.context.document.getFileAsync; see readDocumentFile). */
  readonly documentFile: () => Promise<Uint8Array>;
}

/** The real host, inside Office. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    createWorkbook: (base64) => Excel.createWorkbook(base64),
    documentFile: () => readDocumentFile(Office.context.document),
  };
}

/** What readDocumentFile needs of Office.context.document (a stand-in in tests). */
export type DocumentFiles = Pick<Office.Document, "getFileAsync">;

/**
 * The open document as a compressed (.xlsx) file, read slice by slice and closed afterwards (Office allows only
 * a few open files at a time). Not an Excel.run request: the file API has no 5 MB request limit. A refusal from
 * Office is rethrown with its message.
 */
export function readDocumentFile(document: DocumentFiles): Promise<Uint8Array> {
  const failed = (what: string, error: Office.Error | undefined) =>
    new Error(`${what}: ${error?.message ?? "Office did not give the workbook's file"}`);
  return new Promise((resolve, reject) => {
    document.getFileAsync(Office.FileType.Compressed, { sliceSize: 4 * 1024 * 1024 }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded)
        return reject(failed("getFileAsync", opened.error));
      const file = opened.value;
      const slices: Uint8Array[] = [];
      const finish = (error: Error | null) =>
        file.closeAsync(() => (error ? reject(error) : resolve(joinSlices(slices))));
      const next = (index: number): void => {
        if (index >= file.sliceCount) return finish(null);
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded)
            return finish(failed("getSliceAsync", slice.error));
          slices.push(new Uint8Array(slice.value.data as ArrayLike<number>));
          next(index + 1);
        });
      };
      next(0);
    });
  });
}

function joinSlices(slices: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
  let at = 0;
  for (const s of slices) {
    out.set(s, at);
    at += s.length;
  }
  return out;
}

/**
 * Excel on the web rejects a request whose payload exceeds 5 MB; writes are grouped into batches under this
 * budget (a margin for the request's own envelope), each sent with one context.sync.
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

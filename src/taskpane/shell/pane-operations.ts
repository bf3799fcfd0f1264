import {
  clearHighlights,
  highlightCells,
  selectCell,
  type CellLocation,
  type HighlightRecord,
} from "../../office/cells";
import type { ExcelHost } from "../../office/excel-batch";
import type { UnitReturn } from "../../core/check/unit-return";
import { readOpenReturn } from "../../office/read-return";
import type { SheetPlan, WriteOutcome } from "../../office/sheet-plan";
import { openAsNewWorkbook } from "../../office/workbook-file";
import { writeSheets } from "../../office/write-sheets";

/**
 * Everything the components may do to Excel or the browser, passed down as props (components never call
 * Excel.run). Built once from an ExcelHost: the real one in Office, a fake in tests and the browser harness.
 */
export interface PaneOperations {
  /** The open workbook as a return, read in one batched pass; `file` names it in findings. */
  readonly readReturn: (file: string) => Promise<UnitReturn>;
  readonly selectCell: (where: CellLocation) => Promise<boolean>;
  readonly highlight: (
    cells: readonly (CellLocation & { severity: "error" | "warning" })[],
  ) => Promise<HighlightRecord>;
  readonly clearHighlights: (record: HighlightRecord) => Promise<void>;
  readonly writeSheets: (plans: readonly SheetPlan[]) => Promise<WriteOutcome>;
  readonly openAsNewWorkbook: (bytes: Uint8Array) => Promise<void>;
  /** The open workbook as a .xlsx file, as it is now (for the correction notice, which is a marked copy of it). */
  readonly readWorkbookFile: () => Promise<Uint8Array>;
  /** False in desktop Office's web views, where a download link does nothing. */
  readonly canDownload: boolean;
  readonly download: (fileName: string, bytes: Uint8Array, mime: string) => void;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createPaneOperations(host: ExcelHost, canDownload: boolean): PaneOperations {
  return {
    readReturn: (file) => readOpenReturn(host, file),
    selectCell: (where) => selectCell(host, where),
    highlight: (cells) => highlightCells(host, cells),
    clearHighlights: (record) => clearHighlights(host, record),
    writeSheets: (plans) => writeSheets(host, plans),
    openAsNewWorkbook: (bytes) => openAsNewWorkbook(host, toBase64(bytes)),
    readWorkbookFile: () => host.documentFile(),
    canDownload,
    download: (fileName, bytes, mime) => {
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}

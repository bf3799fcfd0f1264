import { assertNever } from "../../core/errors";
import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";
import type { RawCell } from "../../core/check/unit-return";

/**
 * How much of a worksheet the return reader takes in before it refuses the file. A template has one row per task
 * and target (a plan's few dozen to a few hundred; the largest real plans make about a thousand) and a dozen
 * columns, so a sheet past these limits is not a filled template: it is refused with one finding instead of being
 * read (a million rows of content once became a million findings and stopped the run). Every limit is far above
 * any real return and far below what strains memory or time. The zip limits (safe-unzip) bound the parts' bytes;
 * these bound what the bytes are read into.
 */
export interface SheetLimits {
  /** Sheets in the workbook (each sheet not in the template is a finding of its own). */
  readonly sheets: number;
  /** Rows with content (rows holding only styles or empty cells do not count). */
  readonly rows: number;
  /** Cells with content. */
  readonly cells: number;
  /** Characters of one cell (its text, formula and error value together). */
  readonly cellCharacters: number;
  /**
   * Characters of all the cells read together: one long shared string can fill every cell at no cost in the file,
   * and each cell's text may be quoted in a finding, so the per-cell limit alone would not bound memory.
   */
  readonly textCharacters: number;
}

/**
 * The limits of every read (see SheetLimits): a thousand sheets (a template has four), 20 times the rows of the largest template, ten content cells for each of
 * those rows, about three times Excel's and WPS's own 32,767 characters a cell (LibreOffice lets a cell hold more, and
 * such a note is read; the summary marks where it must cut it), and 4 million characters of text (a template of a
 * thousand rows holds a few hundred thousand, its stored spec included).
 */
export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  sheets: 1_000,
  rows: 20_000,
  cells: 200_000,
  cellCharacters: 100_000,
  textCharacters: 4_000_000,
};

/** Which limit a sheet passed, and where. */
export type SheetOverLimit =
  | { readonly kind: "rows" | "cells" | "textCharacters"; readonly limit: number }
  | {
      readonly kind: "cellCharacters";
      readonly limit: number;
      readonly cell: string;
      readonly length: number;
    };

/** Counts the rows, cells and characters of one sheet as it is scanned, against its limits. */
export class SheetBudget {
  private rows = 0;
  private cells = 0;
  private text = 0;

  constructor(private readonly limits: SheetLimits) {}

  /** Counts a cell read (and its row, when the cell opens one); the limit it passes, or null. */
  take(cell: RawCell, opensRow: boolean): SheetOverLimit | null {
    const { limits } = this;
    if (opensRow && ++this.rows > limits.rows) return { kind: "rows", limit: limits.rows };
    if (++this.cells > limits.cells) return { kind: "cells", limit: limits.cells };
    const length =
      (typeof cell.value === "string" ? cell.value.length : 0) +
      (cell.formula?.length ?? 0) +
      (cell.error?.length ?? 0);
    if (length > limits.cellCharacters)
      return { kind: "cellCharacters", limit: limits.cellCharacters, cell: cell.address, length };
    this.text += length;
    return this.text > limits.textCharacters
      ? { kind: "textCharacters", limit: limits.textCharacters }
      : null;
  }
}

/**
 * The one finding of a workbook with more sheets than its limit.
 * @example tooManySheetsFinding("东湖区.xlsx", 1000).code // → "file.too_many_sheets"
 */
export function tooManySheetsFinding(file: string, limit: number): Finding {
  return makeFinding("file.too_many_sheets", { kind: "file", file }, { limit });
}

/**
 * The one finding of a sheet past a limit.
 * @example overLimitFinding("东湖区.xlsx", "填报表", { kind: "rows", limit: 20000 }).code // → "file.too_many_rows"
 */
export function overLimitFinding(file: string, sheet: string, over: SheetOverLimit): Finding {
  switch (over.kind) {
    case "rows":
      return makeFinding("file.too_many_rows", { kind: "file", file, sheet }, { sheet, limit: over.limit });
    case "cells":
      return makeFinding("file.too_many_cells", { kind: "file", file, sheet }, { sheet, limit: over.limit });
    case "textCharacters":
      return makeFinding("file.too_much_text", { kind: "file", file, sheet }, { sheet, limit: over.limit });
    case "cellCharacters":
      return makeFinding(
        "file.cell_too_long",
        { kind: "cell", file, sheet, cell: over.cell },
        { sheet, cell: over.cell, length: over.length, limit: over.limit },
      );
    default:
      return assertNever(over);
  }
}

/**
 * One unit's returned workbook as plain data: what the return reader (src/xlsx/return) found in the file, before
 * any rule is applied. The reader is generic (it does not know where fields are); the check engine interprets
 * these cells with the layout of the spec stored in the file.
 */

/** One cell as stored in the file. */
export interface RawCell {
  /** A1 address on its sheet, "D7". */
  readonly address: string;
  /**
   * The stored (cached) value: a number, text (shared, inline or formula string) or boolean; null when the cell
   * is empty, or holds a formula without a cached value (files written by a library and never opened in Excel).
   */
  readonly value: number | string | boolean | null;
  /** An Excel error value such as "#DIV/0!" (then value is null). */
  readonly error?: string;
  /** The formula without "=", when the cell has one. */
  readonly formula?: string;
  /** Number format code ("General", "0%", "yyyy-mm-dd", …). */
  readonly numFmt: string;
  /** Whether the cell's style keeps it locked when the sheet is protected (Excel's default is locked). */
  readonly locked: boolean;
}

/** One row of a sheet: its 1-based number and its non-empty cells by column letter. */
export interface RawRow {
  readonly row: number;
  readonly cells: Readonly<Record<string, RawCell>>;
}

/** A worksheet as read: name, visibility, protection and rows (only rows that have cells). */
export interface RawSheet {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  /** True when sheet protection is on (`<sheetProtection sheet="1">`). */
  readonly isProtected: boolean;
  readonly rows: readonly RawRow[];
}

/**
 * The file format a return was read from: Office Open XML (.xlsx, macro-enabled .xlsm, binary .xlsb), Excel 97-2003
 * (.xls, BIFF8), a WPS Spreadsheets .et (BIFF8 with WPS streams), or OpenDocument (.ods, LibreOffice's own).
 */
export type WorkbookFormat = "xlsx" | "xlsm" | "xlsb" | "xls" | "et" | "ods";

/** A returned workbook as plain data. */
export interface UnitReturn {
  /** File name as given by the user (shown in findings). */
  readonly file: string;
  /** Every sheet of the workbook in tab order, by name and visibility. */
  readonly sheetNames: readonly { readonly name: string; readonly state: RawSheet["state"] }[];
  /** Rows of the identity sheet as [column A, column B] in sheet order; null when the sheet is absent. */
  readonly identityRows: readonly (readonly [string, string])[] | null;
  /**
   * The identity rows carried a second time by the custom document properties (rk_0001_kind…, see
   * identityRowsOfProperties), all but the unit; null or absent when the file has none or the reader cannot see
   * them (Office.js).
   */
  readonly identityProperties?: readonly (readonly [string, string])[] | null;
  /** The entry sheet, found by the name in the stored spec (or by its keys when renamed); null when absent. */
  readonly entrySheet: RawSheet | null;
  /** True when the workbook has external links (xl/externalLinks/*). */
  readonly hasExternalLinks: boolean;
  /** The format the file was read from; absent for the open workbook read through Office.js (Excel's own). */
  readonly format?: WorkbookFormat;
}

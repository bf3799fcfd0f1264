/** What the adapter writes: whole sheets as plain data, built by the task pane from core models. */
export type CellValue = string | number | boolean | null;

export interface ValidationPlan {
  /** Range on the sheet, e.g. "E8:E40". */
  readonly address: string;
  readonly rule: Excel.DataValidationRule;
  readonly prompt?: { readonly title: string; readonly message: string };
  readonly error?: { readonly title: string; readonly message: string };
}

export interface ChartPlan {
  /** Range holding the category column and the value columns, header row included, e.g. "A1:B12". */
  readonly source: string;
  readonly title: string;
  /** Cell the chart's top-left corner sits on. */
  readonly anchor: string;
  readonly type: "ColumnClustered" | "BarClustered";
}

export interface SheetPlan {
  readonly name: string;
  /** Written from A1. Rows may be ragged; they are padded with blanks. Strings are always written as text. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Number formats by 0-based column for numeric cells, e.g. { 3: "0.0%" }. */
  readonly numberFormats?: Readonly<Record<number, string>>;
  /** Rows at the top that are bold and frozen. */
  readonly headerRows?: number;
  /** Column widths in points, by 0-based column. */
  readonly columnWidths?: readonly number[];
  readonly validations?: readonly ValidationPlan[];
  /** Ranges left unlocked when the sheet is protected (the input cells). */
  readonly unlocked?: readonly string[];
  readonly protect?: boolean;
  readonly visibility?: "Visible" | "Hidden" | "VeryHidden";
  readonly chart?: ChartPlan;
}

/** The sheet names actually used (a name already taken gets " (2)", " (3)"…), in plan order. */
export interface WriteResult {
  readonly ok: true;
  readonly sheets: readonly string[];
}

export type WriteOutcome = WriteResult | { readonly ok: false; readonly reason: "workbook_protected" };

/** What the adapter writes: whole sheets as plain data, built by the task pane from core models. */
export type CellValue = string | number | boolean | null;

/** A cell to write: a value (strings always stay text) or a formula. */
export type PlanCell = CellValue | { readonly formula: string };

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
  readonly rows: readonly (readonly PlanCell[])[];
  /** Number formats by 0-based column for numeric cells, e.g. { 3: "0.0%" }. */
  readonly numberFormats?: Readonly<Record<number, string>>;
  /** Number formats of single cells (numbers, formulas, blank inputs), over numberFormats: { address: "E8", format: "0.0%" }. */
  readonly cellFormats?: readonly { readonly address: string; readonly format: string }[];
  /** Rows at the top that are bold and frozen. */
  readonly headerRows?: number;
  /** Rows frozen at the top without making them bold (when headerRows is not given). */
  readonly frozenRows?: number;
  /** Ranges to merge, e.g. "A1:F1". */
  readonly merges?: readonly string[];
  /** Background fills, e.g. the input cells' colour. */
  readonly fills?: readonly { readonly address: string; readonly color: string }[];
  /** Workbook-level defined names pointing into this sheet, e.g. { name: "rk_unit", address: "$C$3" }. */
  readonly names?: readonly { readonly name: string; readonly address: string }[];
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

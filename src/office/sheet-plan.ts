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

/** One conditional format: when the text equals `text`, or when `formula` is true; colours "#RRGGBB". */
export type ConditionalRule = ({ readonly text: string } | { readonly formula: string }) & {
  readonly fill?: string;
  readonly color: string;
  readonly italic?: boolean;
};

/** How a range looks (colours "#RRGGBB"). */
export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly align?: "Left" | "Center" | "Right";
  readonly border?: boolean;
}

export interface SheetPlan {
  readonly name: string;
  /**
   * The sheet must carry exactly `name` (the template's identity sheet, which the check finds by name): a workbook
   * that already has a sheet of that name is refused instead of getting " (2)".
   */
  readonly fixedName?: boolean;
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
  /** Looks of ranges, applied after the values. */
  readonly looks?: readonly { readonly address: string; readonly look: CellLook }[];
  /**
   * Fills and font looks for cells whose text equals a value (the live 是否达标 column), or for which a formula
   * (relative to the range's top-left cell, without "=") is true (the summary's "begins with" rules).
   */
  readonly conditionalFormats?: readonly {
    readonly address: string;
    readonly rules: readonly ConditionalRule[];
  }[];
  /** Columns frozen at the left. */
  readonly frozenColumns?: number;
  /** 0-based columns to hide (e.g. the row-key column). */
  readonly hiddenColumns?: readonly number[];
  /** Row heights in points by 1-based row. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Page setup; needs ExcelApi 1.9 and is skipped below it. */
  readonly print?: {
    readonly landscape: boolean;
    readonly fitToWidth: boolean;
    /** Rows repeated on every page, "1:2". */
    readonly repeatRows: string | null;
    /** Columns repeated at the left of every page, "A:C". */
    readonly repeatColumns?: string | null;
    /** Scale in percent when not fitted to the page width. */
    readonly scale?: number | null;
    /** 1-based columns that start a new page (see src/xlsx/print-layout.ts). */
    readonly columnBreaks?: readonly number[];
    /** Excel header/footer codes: "&C第 &P 页" or "&L汇总&R第 &P 页，共 &N 页". */
    readonly footer: string;
  };
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

/** Why nothing was written: the workbook's structure is protected, or it already has names the plans must have. */
export type WriteRefusal =
  | { readonly ok: false; readonly reason: "workbook_protected" }
  | {
      readonly ok: false;
      readonly reason: "names_taken";
      /** The defined names and fixed sheet names already in the workbook, e.g. ["_rk_identity", "rk_period"]. */
      readonly names: readonly string[];
    };

export type WriteOutcome = WriteResult | WriteRefusal;

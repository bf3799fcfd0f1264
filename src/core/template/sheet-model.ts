/**
 * A declarative workbook: what both renderers (src/xlsx with exceljs, src/office with Office.js) draw. Built from a
 * spec by `buildWorkbookModel` (./workbook-model.ts). Addresses are A1 strings; formulas have no leading "=".
 */

/** Named cell styles; their look is in CELL_STYLES so both renderers agree. */
export type StyleKey =
  | "title"
  | "label"
  | "info"
  | "hint"
  | "heading"
  | "key"
  | "taskText"
  | "text"
  | "input"
  | "inputDate"
  | "computed"
  | "previous"
  | "change"
  | "attainment"
  | "instructionsTitle"
  | "instructionsText"
  | "plain";

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  /** ARGB, e.g. "FF595959". */
  readonly color?: string;
  /** Solid fill, ARGB. */
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly align?: "left" | "center" | "right";
  readonly border?: boolean;
  /** False for input cells: they stay editable when the sheet is protected. */
  readonly locked: boolean;
  readonly numberFormat?: string;
}

const INPUT_FILL = "FFFFF2CC";
const BASE = { locked: true, border: true, wrap: true } as const;

/** The look of every style key. Input cells are light yellow and unlocked. */
export const CELL_STYLES: Readonly<Record<StyleKey, CellStyle>> = {
  title: { locked: true, bold: true, size: 14, align: "center" },
  label: { ...BASE, bold: true, fill: "FFEDEDED" },
  info: { ...BASE },
  hint: { locked: true, italic: true, color: "FF595959", wrap: true },
  heading: { ...BASE, bold: true, fill: "FFD9E1F2", align: "center" },
  key: { ...BASE, color: "FF808080", size: 8 },
  taskText: { ...BASE, bold: true, fill: "FFF7F7F7" },
  text: { ...BASE },
  input: { ...BASE, locked: false, fill: INPUT_FILL },
  inputDate: { ...BASE, locked: false, fill: INPUT_FILL, numberFormat: "yyyy-mm-dd" },
  computed: { ...BASE, fill: "FFE2EFDA", numberFormat: "0.00", align: "right" },
  /** The previous period's figure: locked, grey, as typed then. */
  previous: { ...BASE, fill: "FFEDEDED", color: "FF595959", align: "right" },
  /** 完成值 − 上期值, signed. */
  change: { ...BASE, fill: "FFE2EFDA", numberFormat: "+0.00;-0.00;0", align: "right" },
  attainment: { ...BASE, align: "center" },
  instructionsTitle: { locked: true, bold: true, size: 14 },
  instructionsText: { locked: true, wrap: true },
  plain: { locked: true },
};

/** Fills of the live 是否达标 column, by its text. */
export const ATTAINMENT_STYLES: Readonly<Record<string, { readonly fill: string; readonly color: string }>> =
  {
    达标: { fill: "FFC6EFCE", color: "FF006100" },
    未达标: { fill: "FFFFC7CE", color: "FF9C0006" },
    待填: { fill: "FFFFEB9C", color: "FF9C5700" },
  };

export interface ModelCell {
  readonly address: string;
  /** A value; text is always written as text. */
  readonly value?: string | number | null;
  /** A formula without "=" (written instead of the value). */
  readonly formula?: string;
  readonly style: StyleKey;
}

export interface ModelMessage {
  /** At most 32 characters (Excel's limit). */
  readonly title: string;
  /** At most 255 characters (Excel's limit). */
  readonly message: string;
}

/** Excel's own data validation on a cell or range (never our 校验). */
export interface ModelDataValidation {
  readonly range: string;
  readonly type: "list" | "whole" | "decimal" | "date" | "textLength" | "custom";
  readonly operator?: "between" | "greaterThanOrEqual" | "lessThanOrEqual";
  /** Formulas without "=": a list source range, bounds, or the custom rule. */
  readonly formulas: readonly string[];
  readonly prompt: ModelMessage;
  readonly error: ModelMessage;
}

/** Highlight a range's cells whose text equals `text`. */
export interface ModelConditionalFormat {
  readonly range: string;
  readonly rules: readonly { readonly text: string; readonly fill: string; readonly color: string }[];
}

export interface SheetModel {
  readonly name: string;
  readonly visibility: "visible" | "hidden" | "veryHidden";
  /** Widths in characters from column A; hidden columns are still listed. */
  readonly columns: readonly { readonly width: number; readonly hidden?: boolean }[];
  readonly cells: readonly ModelCell[];
  /** Row heights in points by 1-based row, estimated for wrapped Chinese text (programs do not all auto-fit). */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly merges: readonly string[];
  readonly dataValidations: readonly ModelDataValidation[];
  readonly conditionalFormats: readonly ModelConditionalFormat[];
  /** Rows and columns kept in view when scrolling. */
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  /** Sheet protection without a password (against accidents, not a security measure). */
  readonly protect: boolean;
  readonly print: {
    readonly landscape: boolean;
    /** Fit all columns on one page width. */
    readonly fitToWidth: boolean;
    /** Rows repeated on every page, e.g. "6:6". */
    readonly repeatRows: string | null;
    /** Footer with page numbers, Excel header/footer codes ("&P", "&N"). */
    readonly footer: string;
  } | null;
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
  /** Workbook-level names: `refersTo` like "'填报表'!$C$3". */
  readonly definedNames: readonly { readonly name: string; readonly refersTo: string }[];
}

/**
 * Lines a text takes wrapped in a column `width` characters wide (a CJK character takes about two; a line break
 * starts a new line).
 * @example wrappedLines("推进检查检验结果互认共享", 10) // → 3
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const part of text.split("\n")) {
    let w = 0;
    for (const ch of part) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1.1;
    lines += Math.max(1, Math.ceil(w / room));
  }
  return lines;
}

/**
 * Height in points of a row of `lines` lines of 10 pt text (at most Excel's 409).
 * @example lineHeight(3) // → 45
 */
export const lineHeight = (lines: number): number => Math.min(409, 6 + lines * 13);

/**
 * Estimated height (points) of a row whose wrapped texts sit in columns of the given widths (in characters; a CJK
 * character takes about two).
 * @example estimateRowHeight([["推进检查检验结果互认共享", 10]]) // → 45 (three lines)
 */
export function estimateRowHeight(texts: readonly (readonly [text: string, width: number])[]): number {
  let lines = 1;
  for (const [text, width] of texts) lines = Math.max(lines, wrappedLines(text, width));
  return lineHeight(lines);
}

import type { Target, Task } from "../plan/types";

/**
 * The template spec: pure data describing one standard reporting workbook. Built from a (possibly hand-corrected)
 * task list and options; rendered by src/xlsx (exceljs) and src/office (Office.js); stored inside every
 * workbook (veryHidden sheet) so that a return can be read back by its keys after email and re-saving.
 *
 * This file is the contract between template, check, consolidate and the add-in. Change it on purpose and bump
 * TEMPLATE_SPEC_VERSION when a stored spec would be read differently.
 */
export const TEMPLATE_SPEC_VERSION = 1;

/** Marker stored in every template so that a workbook can be told to be one of ours. */
export const TEMPLATE_KIND = "report-kit/template";

/** A reporting period: 2024年上半年, 2024年第三季度, 2024年度, 2024年1-9月, 2024年3月. */
export interface Period {
  /** As shown to people: "2024年上半年". */
  readonly label: string;
  /** First and last day, "YYYY-MM-DD". */
  readonly start: string;
  readonly end: string;
  /** Which kind of period; `year` is 年度. */
  readonly kind: "year" | "half" | "quarter" | "months" | "month";
}

/** What a target row collects, decided from its unit of measure. */
export type Measure =
  /** %, ‰, /10万: a rate; collects 分子 and 分母 and computes 完成值. */
  | "rate"
  /** 家 个 所 次 项 名 张…: whole numbers ≥ 0, summed on roll-up. */
  | "count"
  /** 元, 万元, 万人, per-capita (张/千人) and other amounts: decimals ≥ 0. */
  | "amount"
  /** 级: a level; not summed. */
  | "level"
  /** ratio (1:X): the X. */
  | "ratio";

/**
 * How a figure is typed and stored — decided once for every reader (check, consolidate, add-in):
 *
 * **Every figure is a plain number in the target's unit of measure.** A 95% rate is the number 95 (not 0.95,
 * not the text "95%"); 12/10万 is 12; ‰ is per mille; 1:2 is 2. The 计量单位 column shows the unit, and the
 * 完成值 cells use a plain number format (never a % format), so what the clerk sees is what is stored.
 * For a rate (Measure "rate") the clerk types 分子 and 分母 and 完成值 is a formula:
 * 分子 / 分母 × RATE_MULTIPLIER[unitOfMeasure], rounded to 2 decimals. A clerk who types "95%" into a number
 * cell of a non-rate row gets 0.95 from Excel; readers should treat a value ≤ 1 with a "%" number format as a
 * fraction (×100). The text 不适用 (see NOT_APPLICABLE) is accepted instead of a figure in 完成值 and 分子.
 * All of this is said in 填报说明.
 */
export const RATE_MULTIPLIER: Readonly<Record<string, number>> = {
  "%": 100,
  "‰": 1000,
  "/万": 10000,
  "/10万": 100000,
};

/** A field a unit fills in. Header fields belong to the whole return; the others to one row. */
export type EntryField =
  | "value"
  | "numerator"
  | "denominator"
  | "status"
  | "note"
  | "problems"
  | "unit"
  | "reporter"
  | "phone"
  | "filledOn";

/** 进展情况 choices, in the order shown. */
export const STATUSES = ["已完成", "按计划推进", "滞后", "未启动"] as const;
export type Status = (typeof STATUSES)[number];

/** Text accepted as "not applicable" (不适用) instead of a figure. */
export const NOT_APPLICABLE = ["不适用", "无", "—", "-", "/", "／", "——"] as const;

/**
 * Row keys: "T" + the task id ("T3"); a target row adds its 1-based position under the task ("T3.2").
 * Keys are written to the hidden key column (layout.keyColumn) of the entry sheet.
 */
export interface TaskRow {
  readonly kind: "task";
  /** Stable row key, e.g. "T3". Survives inserted, deleted and sorted rows. */
  readonly key: string;
  readonly task: Task;
  /**
   * A section of guidance that holds no work (一、指导思想: prose, nothing measured or assigned, see isGuidanceOnly):
   * shown as a heading, it asks for no 进展情况 and has no input cells. Absent on every other task row.
   */
  readonly heading?: true;
}

export interface TargetRow {
  readonly kind: "target";
  /** Stable row key, e.g. "T3.2" (the 2nd target of task row T3). */
  readonly key: string;
  /** Key of the task row this target belongs to. */
  readonly taskKey: string;
  readonly target: Target;
  readonly measure: Measure;
  /** Human-readable target, e.g. "≥95%", "3-5次", "≤12/10万", "约1:2". */
  readonly targetLabel: string;
}

export type SpecRow = TaskRow | TargetRow;

/**
 * Where things are in the rendered workbook — the single source of truth for readers. Readers find data
 * rows by the key in `keyColumn` (not by row number: a clerk may insert, delete or sort rows); columns are
 * fixed (the sheet is protected against inserting or deleting columns).
 *
 * Input fields per row kind (see `rowInputFields` in ./row-fields.ts):
 * - task row: status (进展情况, dropdown of STATUSES), note (完成情况说明), problems (存在问题);
 * - target row of a rate: numerator (分子), denominator (分母), note; `value` (完成值) is a formula;
 * - other target rows: value (完成值), note.
 * Header fields (unit, reporter, phone, filledOn) sit at `headerCells`; in a personalised copy `unit` is
 * pre-filled and locked, in the blank template it is a dropdown of the unit list.
 *
 * The identity sheet (`identitySheet`, veryHidden, "_rk_identity") holds key/value rows in A:B from row 1:
 * kind, templateId, specVersion, planTitle, period, unit ("" in the blank template), specChunks (N), then N rows
 * "spec" whose B cells concatenated are the spec JSON (≤ IDENTITY_CHUNK chars each, see there). Order is not
 * significant: read by the key in column A. Defined names (DEFINED_NAMES) point at the key cells too. The same rows
 * but the unit are carried a second time as custom document properties (IDENTITY_PROPERTY), so that a file whose
 * identity sheet a program damaged is still read.
 */
export interface TemplateLayout {
  /** Entry sheet name, "填报表". */
  readonly entrySheet: string;
  /** Instructions sheet name, "填报说明". */
  readonly instructionsSheet: string;
  /** veryHidden sheet holding identity and this spec. */
  readonly identitySheet: string;
  /** Hidden sheet of dropdown lists. */
  readonly listsSheet: string;
  /** Header field → cell address on the entry sheet, e.g. { unit: "C3", reporter: "C4", … }. */
  readonly headerCells: Readonly<Partial<Record<EntryField, string>>>;
  /** Column letter of the row key (a hidden column). */
  readonly keyColumn: string;
  /** Row field → column letter on the entry sheet. */
  readonly columns: Readonly<Partial<Record<EntryField, string>>>;
  /** First data row (1-based) on the entry sheet. */
  readonly firstDataRow: number;
  /** Row of the column headings (序号, 工作任务…), repeated on every printed page. */
  readonly headerRow: number;
  /** Last data row as generated (firstDataRow + rows.length - 1). */
  readonly lastDataRow: number;
  /** Read-only columns: 序号, 工作任务, 指标, 目标, 计量单位 and the live 是否达标 (达标/未达标/待填/不适用). */
  readonly fixedColumns: {
    readonly seq: string;
    readonly task: string;
    readonly indicator: string;
    readonly target: string;
    readonly unitOfMeasure: string;
    readonly attainment: string;
  };
  /**
   * Only in a template made with the previous period's figures (spec `previous`): the locked 上期值 columns beside
   * 分子, 分母 and 完成值, and the live 变化 (完成值 − 上期值). Never read as input.
   */
  readonly previousColumns?: {
    readonly numerator: string;
    readonly denominator: string;
    readonly value: string;
    readonly change: string;
  };
}

/** Identity sheet layout constants (see TemplateLayout). */
export const IDENTITY_SHEET = "_rk_identity";
/**
 * Characters of spec JSON per identity cell and per document property. Well under every limit met on the way: a cell
 * holds 32,767, a BIFF8 (.xls) record 8,224 bytes (about 4,100 characters of CJK text, where long strings were
 * reported garbled by Gnumeric's .xls writer), and Excel keeps 255 characters of a text document property.
 */
export const IDENTITY_CHUNK = 255;

/**
 * The name of a custom document property carrying an identity row: "rk_0007_spec" is row 7 (from 1), key "spec".
 * Numbered because programs list properties in their own order (LibreOffice and Gnumeric sort them by name).
 */
export const IDENTITY_PROPERTY = /^rk_(\d{4,})_(\w+)$/;

/** Workbook-level defined names pointing at key cells (present in every rendered template). */
export const DEFINED_NAMES = {
  templateId: "rk_templateId",
  specVersion: "rk_specVersion",
  period: "rk_period",
  unit: "rk_unit",
  reporter: "rk_reporter",
  phone: "rk_phone",
  filledOn: "rk_filledOn",
  keys: "rk_keys",
} as const;

/**
 * Built by `buildTemplateSpec(taskList, options)` (./build-spec.ts). `rows` are in sheet order: each task row is
 * followed by its target rows.
 */
export interface TemplateSpec {
  readonly kind: typeof TEMPLATE_KIND;
  readonly specVersion: number;
  /**
   * "rk-" and a hash of what the template means (plan title, period, rows and targets: see spec-meaning.ts), e.g.
   * "rk-3f9a12c0e1d2". The same plan gives the same id from .txt, .docx or `parse --json`, however it is spaced.
   */
  readonly templateId: string;
  readonly plan: { readonly title: string; readonly year: number | null };
  readonly period: Period;
  /** Submission deadline "YYYY-MM-DD", or null. */
  readonly deadline: string | null;
  /** Who to contact about the template (shown in 填报说明), or null. */
  readonly contact: string | null;
  /** The units expected to report (单位名录). */
  readonly units: readonly string[];
  readonly rows: readonly SpecRow[];
  readonly layout: TemplateLayout;
  /**
   * The period before, when the template was made with its figures (`template --previous`): each copy shows its
   * unit's own previous figures (identity `previous`), and the check compares with them. Not part of the template's
   * meaning: the same plan and period with or without it is the same template (the same id).
   */
  readonly previous?: PreviousRef;
}

/** One unit's (or the area's) figure on a target row in the previous period: 完成值, and 分子/分母 for a rate. */
export interface PreviousFigure {
  readonly value: number;
  readonly numerator?: number;
  readonly denominator?: number;
}

/** A unit's previous figures by row key ("T3.2"); rows it left blank or 不适用 have none. */
export type PreviousFigures = Readonly<Record<string, PreviousFigure>>;

/** The previous period as a template carries it: which it was, who reported, and the area's aggregates. */
export interface PreviousRef {
  /** The previous period's template id (the same plan: see src/core/period/same-plan.ts). */
  readonly templateId: string;
  readonly period: Period;
  /** The units that reported a figure then. */
  readonly units: readonly string[];
  /** Per target row key, the aggregate then, by the target's roll-up method (as its summary computed it). */
  readonly aggregates: PreviousFigures;
}

/** A personalised copy: the spec plus the unit it was made for (null in the blank template). */
export interface TemplateIdentity {
  readonly templateId: string;
  readonly specVersion: number;
  readonly planTitle: string;
  readonly period: string;
  readonly unit: string | null;
  /**
   * In a summary sent up as a return: what each target row carries besides its figure (units reporting, units
   * meeting an `each` target), by row key, so that one level up sums what it would from the units directly.
   */
  readonly rollUp?: Readonly<Record<string, CarriedRollUp>>;
  /** In a copy made with the previous period's figures: the unit's own (identity rows "previous"). */
  readonly previous?: PreviousFigures;
}

/**
 * What a summary sent up as a return carries for one target row besides its figure (identity rows "rollUp"), so
 * that one level up gets what it would get from all the units directly: how many units reported a figure (the
 * weight of a mean) and, for an `each` target, how many of them met it.
 */
export interface CarriedRollUp {
  readonly reporting: number;
  readonly met: number | null;
  /** For a mean: the unrounded Σ of the figures behind it (so one level up loses nothing to rounding). */
  readonly total?: number;
}

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

/** A reporting period: 2024年上半年, 2024年第三季度, 2024年度, 2024年1-9月. */
export interface Period {
  /** As shown to people: "2024年上半年". */
  readonly label: string;
  /** First and last day, "YYYY-MM-DD". */
  readonly start: string;
  readonly end: string;
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

export interface TaskRow {
  readonly kind: "task";
  /** Stable row key, e.g. "T3". Survives inserted, deleted and sorted rows. */
  readonly key: string;
  readonly task: Task;
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
 * Where things are in the rendered workbook. Readers use the keys column to find rows; columns are fixed by
 * the spec version (a clerk may insert rows but the sheet is protected against column changes).
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
}

export interface TemplateSpec {
  readonly kind: typeof TEMPLATE_KIND;
  readonly specVersion: number;
  /** Stable id of the plan + period + rows, e.g. "rk-3f9a12c0". Same inputs, same id. */
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
}

/** A personalised copy: the spec plus the unit it was made for (null in the blank template). */
export interface TemplateIdentity {
  readonly templateId: string;
  readonly specVersion: number;
  readonly planTitle: string;
  readonly period: string;
  readonly unit: string | null;
}

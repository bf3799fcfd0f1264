import type { Finding } from "../../core/findings/types";
import type { TaskList } from "../../core/plan/types";
import type { TemplateSpec } from "../../core/template/spec";
import type { SheetPlan } from "../../office/sheet-plan";

/** The .xlsx side of templates (the exceljs renderer), loaded on first use. */
export interface TemplateRenderer {
  /** The .xlsx bytes of the blank template (unit null) or a unit's personalised copy. */
  readonly render: (spec: TemplateSpec, unit: string | null) => Promise<Uint8Array>;
  /** A file name safe on every file system, for the blank template or a unit's copy. */
  readonly fileName: (spec: TemplateSpec, unit: string | null) => string;
}

/** What the Template tab needs from the template core and the exceljs renderer. */
export interface TemplateTools {
  readonly build: (
    taskList: TaskList,
    options: { readonly period: string; readonly units: readonly string[]; readonly deadline: string | null },
  ) =>
    | { readonly ok: true; readonly spec: TemplateSpec; readonly findings: readonly Finding[] }
    | { readonly ok: false; readonly findings: readonly Finding[] };
  /** null while the renderer is not available. */
  readonly renderer: TemplateRenderer | null;
  /** The sheets of a rendered file as plans for the Office adapter (ExcelApi 1.8, no insert-from-file). */
  readonly toSheetPlans: (bytes: Uint8Array) => Promise<SheetPlan[]>;
}

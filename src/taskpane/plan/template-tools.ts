import type { TaskList } from "../../core/plan/types";
import type { Finding } from "../../core/findings/types";
import type { TemplateSpec } from "../../core/template/spec";

/** What the Template tab needs from the template core and the exceljs renderer. */
export interface TemplateTools {
  readonly build: (
    taskList: TaskList,
    options: { readonly period: string; readonly units: readonly string[]; readonly deadline: string | null },
  ) =>
    | { readonly ok: true; readonly spec: TemplateSpec }
    | { readonly ok: false; readonly findings: readonly Finding[] };
  /** The .xlsx bytes of the blank template (unit null) or a unit's personalised copy. */
  readonly render: (spec: TemplateSpec, unit: string | null) => Promise<Uint8Array>;
  /** A file name safe on every file system, for a unit's copy. */
  readonly fileName: (spec: TemplateSpec, unit: string | null) => string;
}

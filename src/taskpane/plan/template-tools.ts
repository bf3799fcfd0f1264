import type { Finding } from "../../core/findings/types";
import type { TaskList } from "../../core/plan/types";
import type { PreviousFigures, TemplateSpec } from "../../core/template/spec";
import type { ReadPreviousResult } from "../../xlsx/previous/read-previous";
import type { SheetPlan } from "../../office/sheet-plan";

/** The .xlsx side of templates (the exceljs renderer), loaded on first use. */
export interface TemplateRenderer {
  /** The .xlsx bytes of the blank template (unit null) or a unit's personalised copy. */
  readonly render: (spec: TemplateSpec, unit: string | null) => Promise<Uint8Array>;
}

/** What the Template tab needs from the template core, the Office adapter and the exceljs renderer. */
export interface TemplateTools {
  readonly build: (
    taskList: TaskList,
    options: {
      readonly period: string;
      readonly units: readonly string[];
      /** The line of the unit list the first name is on (2 after a heading row), for findings. */
      readonly unitsFirstRow: number;
      readonly deadline: string | null;
    },
  ) =>
    | { readonly ok: true; readonly spec: TemplateSpec; readonly findings: readonly Finding[] }
    | { readonly ok: false; readonly findings: readonly Finding[] };
  /** The template's sheets for the Office adapter, from the same workbook model the exceljs renderer draws. */
  readonly sheets: (spec: TemplateSpec, unit: string | null) => SheetPlan[];
  readonly loadRenderer: () => Promise<TemplateRenderer>;
  /**
   * The zip of the blank template and every unit's copy (names safe on every file system), written off the pane's
   * thread; `progress` gets the files done of the total.
   */
  readonly zipCopies: (
    spec: TemplateSpec,
    progress: (done: number, total: number) => void,
    previous: Readonly<Record<string, PreviousFigures>> | null,
  ) => Promise<Uint8Array>;
  /** The previous period from its summary workbook (汇总.xlsx), read as `template --previous` reads it. */
  readonly readPrevious: (bytes: Uint8Array, file: string) => Promise<ReadPreviousResult>;
}

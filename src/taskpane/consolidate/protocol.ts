import type { Finding } from "../../core/findings/types";
import type { SheetPlan } from "../../office/sheet-plan";

/** Messages between the Consolidate tab and its Web Worker. */
export interface ConsolidateRequest {
  readonly files: readonly {
    readonly name: string;
    readonly bytes: Uint8Array;
    readonly lastModified: number;
  }[];
  readonly units: readonly string[];
  /** Today "YYYY-MM-DD" (填报日期 of the summary, plausibility of dates). */
  readonly today: string;
  /** Names of the sheets the pane adds, in its language. */
  readonly labels: {
    readonly chartSheet: string;
    readonly chartTitle: string;
    /** Column headings of the chart sheet: unit, rate, attained, not attained. */
    readonly chartColumns: readonly [string, string, string, string];
  };
}

export type ConsolidateMessage =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | {
      readonly type: "done";
      readonly returns: number;
      readonly units: number;
      readonly findings: readonly Finding[];
      /** The summary workbook (.xlsx) for "open in a new workbook"; null when no return could be used. */
      readonly summary: Uint8Array | null;
      /** The summary's own sheets (汇总, 明细, 进展, 报送情况, 问题清单) and the attainment chart, to insert. */
      readonly sheets: readonly SheetPlan[];
    }
  | { readonly type: "failed"; readonly message: string };

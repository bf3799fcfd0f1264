import type { Finding } from "../../core/findings/types";
import type { SheetPlan } from "../../office/sheet-plan";

/** Messages between the Consolidate tab and its Web Worker. */
export interface ConsolidateRequest {
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  readonly units: readonly string[];
}

export type ConsolidateMessage =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | {
      readonly type: "done";
      readonly returns: number;
      readonly units: number;
      readonly findings: readonly Finding[];
      /** The summary workbook (.xlsx) for "open in a new workbook". */
      readonly summary: Uint8Array;
      /** The same summary as sheets to insert into the open workbook; the first carries the attainment chart. */
      readonly sheets: readonly SheetPlan[];
    }
  | { readonly type: "unavailable" }
  | { readonly type: "failed"; readonly message: string };

import type { PreviousFigures, TemplateSpec } from "../../core/template/spec";

/** Messages between the Template tab and the copies worker. */
export interface CopiesRequest {
  readonly spec: TemplateSpec;
  /** Each unit's figures of the previous period, for a spec made with them; null otherwise. */
  readonly previous: Readonly<Record<string, PreviousFigures>> | null;
}

export type CopiesMessage =
  /** `done` of `total` files in the zip (the blank template and one copy per unit). */
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "done"; readonly zip: Uint8Array; readonly files: number }
  | { readonly type: "failed"; readonly message: string };

import type { FindingData, LocalisedText, Severity } from "./basics";
import type { FindingCode } from "./codes";

export type { FindingData, LocalisedText, Severity };

/** Where a finding points: a line of a plan, a cell of a workbook, or a whole file. */
export type Location =
  | { readonly kind: "plan"; readonly line: number; readonly column?: number }
  | {
      readonly kind: "cell";
      readonly file: string;
      readonly sheet: string;
      readonly cell: string;
      /** Stable row key of the template row, when the cell belongs to one. */
      readonly key?: string;
    }
  | { readonly kind: "file"; readonly file: string; readonly sheet?: string };

/** Every problem with input is a finding; bad input is never an exception. */
export interface Finding {
  readonly severity: Severity;
  /** Stable, e.g. "check.below_target"; never reworded. */
  readonly code: FindingCode;
  readonly location: Location;
  readonly message: LocalisedText;
  readonly data?: FindingData;
}

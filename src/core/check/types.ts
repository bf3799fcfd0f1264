import type { Finding } from "../findings/types";
import type { EntryField, TemplateIdentity, TemplateSpec } from "../template/spec";
import type { NormalisedEntry } from "./normalise-entry";
import type { PreviousPeriod } from "../period/types";

/**
 * One figure or answer read from a return, tied to its row key and cell. `value` is a number for figures, text
 * for status and notes, "YYYY-MM-DD" for dates, the text typed for 不适用, and null for a blank: zero, blank and
 * 不适用 stay three different answers (see `kind`).
 */
export interface Entry {
  /** Row key ("T3.2"), or "header" for the header fields. */
  readonly key: string;
  /** Task id of the row ("3"); "" for header fields. */
  readonly task: string;
  /** Indicator of a target row; null for task rows and header fields. */
  readonly indicator: string | null;
  readonly field: EntryField;
  readonly kind: NormalisedEntry["kind"];
  readonly value: number | string | null;
  /** The cell's content as stored (cached value of a formula), or null when empty. */
  readonly raw: number | string | boolean | null;
  readonly sheet: string;
  readonly cell: string;
}

/** Options of checkReturn. */
export interface CheckOptions {
  /** The unit list (单位名录); defaults to the units in the spec. */
  readonly units?: readonly string[];
  /** Today as "YYYY-MM-DD", for the plausibility of 填报日期 (the core never reads the clock). */
  readonly today?: string;
  /**
   * The previous period's figures (`--previous`): each return is compared with its unit's, when they answer the same
   * plan for an earlier period; without it, with the figures a copy made with `template --previous` carries.
   */
  readonly previous?: PreviousPeriod | null;
}

/** What a check found: the identity, the spec used to read the return, its entries and findings. */
export interface CheckResult {
  readonly identity: TemplateIdentity | null;
  /** The spec the return was read with (the stored one, or the expected one when the stored one is damaged). */
  readonly spec: TemplateSpec | null;
  /** 填报单位 as entered in the header (falls back to the identity's unit). */
  readonly unit: string | null;
  readonly entries: readonly Entry[];
  readonly findings: readonly Finding[];
}

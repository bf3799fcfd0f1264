import type { PreviousFigures, PreviousRef } from "../template/spec";

/**
 * The previous period's figures of every unit, as read from its summary or returns (`--previous`): what a template
 * made with them carries (`ref`, and each unit's own figures), and the plan key that matches it with the next period.
 */
export interface PreviousPeriod {
  readonly ref: PreviousRef;
  /** The plan the figures answer (see planKeyOf): a period of another plan is never compared. */
  readonly planKey: string;
  /** Each unit's figures by row key. */
  readonly figures: Readonly<Record<string, PreviousFigures>>;
}

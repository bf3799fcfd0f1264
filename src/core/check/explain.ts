import type { FindingCode } from "../findings/codes";
import { EMPTY_NOTE_WORDS } from "./lexicon";
import type { NormalisedEntry } from "./normalise-entry";

/**
 * Errors a unit may keep by writing the reason in the row's note (as national statistical direct reporting
 * allows with 上报说明): the finding stays visible, as a warning carrying the reason. Unreadable or missing
 * figures cannot be explained away: they have to be fixed.
 */
export const EXPLAINABLE: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "check.below_target",
  "check.above_target",
  "check.outside_range",
  "check.outside_tolerance",
  "check.not_equal",
  "check.numerator_gt_denominator",
  "check.zero_denominator",
  "check.rate_out_of_range",
  "check.not_whole",
  "check.negative",
]);

/**
 * The reason written in a row's note, or null when the note is blank or says nothing (无, /, 不适用).
 * @example noteReason({ kind: "text", text: "受疫情影响，门诊量下降" }) // → "受疫情影响，门诊量下降"
 * @example noteReason({ kind: "text", text: "无" }) // → null
 */
export function noteReason(note: NormalisedEntry | undefined): string | null {
  if (!note || note.kind !== "text") return null;
  const text = note.text.trim();
  if (text.length < 2 || EMPTY_NOTE_WORDS.includes(text)) return null;
  return text;
}

/** What a clerk is typing into a number field, and the number the target had when they began. */
export interface NumberDraft {
  readonly text: string;
  readonly from: number;
}

/** A number field's text as a number: blank or not a number is NaN (an unfinished entry). */
export const readNumber = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text));

/**
 * The text a target's number field shows. It is always the number that goes into the template, except while the clerk
 * is typing: their text stays while it means that number ("80." or "080" for 80), or while it is unfinished ("", "-")
 * and the number has not changed under it. Anything else (another operator filling the field, a draft left from
 * before) shows the number itself.
 * @example shownNumber(80, { text: "80.", from: 85 }) → "80."; shownNumber(90, { text: "80", from: 85 }) → "90"
 */
export function shownNumber(value: number, draft: NumberDraft | null): string {
  if (draft) {
    const typed = readNumber(draft.text);
    if (typed === value || (!Number.isFinite(typed) && draft.from === value)) return draft.text;
  }
  return String(value);
}

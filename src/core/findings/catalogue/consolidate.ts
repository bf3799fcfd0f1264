import type { Catalogue } from "../catalogue-types";

/** Findings of the consolidate area. Codes are stable: add new ones, never reword or reuse a code. */
export const consolidateMessages = {} as const satisfies Catalogue;

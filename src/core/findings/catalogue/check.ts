import type { Catalogue } from "../catalogue-types";

/** Findings of the check area. Codes are stable: add new ones, never reword or reuse a code. */
export const checkMessages = {} as const satisfies Catalogue;

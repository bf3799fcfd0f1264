import type { Catalogue } from "../catalogue-types";

/** Findings of the file area. Codes are stable: add new ones, never reword or reuse a code. */
export const fileMessages = {} as const satisfies Catalogue;

import type { Catalogue } from "../catalogue-types";

/** Findings of the template area. Codes are stable: add new ones, never reword or reuse a code. */
export const templateMessages = {} as const satisfies Catalogue;

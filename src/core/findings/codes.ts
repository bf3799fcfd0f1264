import type { checkMessages } from "./catalogue/check";
import type { consolidateMessages } from "./catalogue/consolidate";
import type { fileMessages } from "./catalogue/file";
import type { periodMessages } from "./catalogue/period";
import type { planMessages } from "./catalogue/plan";
import type { templateMessages } from "./catalogue/template";

/**
 * Every finding code, as a string-literal union. Each area keeps its codes (and their messages) in its own
 * catalogue file under ./catalogue; a code without a message cannot exist.
 */
export type FindingCode =
  | keyof typeof planMessages
  | keyof typeof fileMessages
  | keyof typeof templateMessages
  | keyof typeof checkMessages
  | keyof typeof consolidateMessages
  | keyof typeof periodMessages;

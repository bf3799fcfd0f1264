import type { CatalogueEntry } from "./catalogue-types";
import { checkMessages } from "./catalogue/check";
import { consolidateMessages } from "./catalogue/consolidate";
import { fileMessages } from "./catalogue/file";
import { periodMessages } from "./catalogue/period";
import { planMessages } from "./catalogue/plan";
import { templateMessages } from "./catalogue/template";
import type { FindingCode } from "./codes";

/** The one message catalogue: every finding code with its default severity and Chinese and English text. */
export const messages: Readonly<Record<FindingCode, CatalogueEntry>> = {
  ...planMessages,
  ...fileMessages,
  ...templateMessages,
  ...checkMessages,
  ...consolidateMessages,
  ...periodMessages,
};

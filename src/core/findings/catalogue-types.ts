import type { FindingData, LocalisedText, Severity } from "./basics";

/** One catalogue entry: the default severity and a message in both languages built from the finding's data. */
export interface CatalogueEntry {
  readonly severity: Severity;
  readonly text: (data: FindingData) => LocalisedText;
}

export type Catalogue = Readonly<Record<string, CatalogueEntry>>;

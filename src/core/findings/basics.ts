/** The building blocks of findings that the catalogues need (kept apart from Finding to avoid an import cycle). */
export type Severity = "error" | "warning" | "info";

export interface LocalisedText {
  readonly zh: string;
  readonly en: string;
}

/** Facts behind a finding (expected, got, raw text…), used to fill its message. */
export type FindingData = Readonly<Record<string, string | number>>;

import type { Finding } from "../../core/findings/types";
import { validStoredSpec } from "../../core/check/stored-spec";
import { IDENTITY_SHEET, type TemplateLayout } from "../../core/template/spec";
import type { RawSheet, UnitReturn } from "../../core/check/unit-return";

/** Why a file could not be read, found part way: thrown inside a reader, caught where it began. */
export class PartProblem extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message.en);
  }
}

/** A sheet of the workbook as listed (tab order): what the readers scan when asked. */
export interface SheetRef {
  readonly name: string;
  readonly state: RawSheet["state"];
}

/** What a reader gives for one sheet: its rows and protection (only the columns asked for, when asked). */
export type ScanSheet<R extends SheetRef> = (
  ref: R,
  columns?: ReadonlySet<string>,
) => { readonly rows: RawSheet["rows"]; readonly isProtected: boolean };

/** The identity sheet's rows as [column A, column B] text pairs. */
export function readIdentity(rows: RawSheet["rows"]): [string, string][] {
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
  return rows.map((r) => [text(r.cells.A?.value), text(r.cells.B?.value)]);
}

/**
 * The entry sheet by the layout's name; when renamed, the first other worksheet whose key column holds a key of
 * the spec.
 */
export function findEntrySheet<R extends SheetRef>(
  sheets: readonly R[],
  layout: TemplateLayout,
  keys: ReadonlySet<string>,
  scan: ScanSheet<R>,
  readable: (ref: R) => boolean = () => true,
): RawSheet | null {
  const toSheet = (ref: R): RawSheet => ({ name: ref.name, state: ref.state, ...scan(ref) });
  const named = sheets.find((s) => s.name === layout.entrySheet);
  if (named) return toSheet(named);
  const skip = new Set([layout.instructionsSheet, layout.identitySheet, layout.listsSheet]);
  for (const ref of sheets) {
    if (skip.has(ref.name) || !readable(ref)) continue;
    const keyed = scan(ref, new Set([layout.keyColumn])).rows.some((r) =>
      keys.has(String(r.cells[layout.keyColumn]?.value ?? "")),
    );
    if (keyed) return toSheet(ref);
  }
  return null;
}

/**
 * What every reader finds the same way once it can list and scan sheets: the sheet names, the identity rows (the
 * identity sheet's columns A:B) and the entry sheet, by the layout of the spec the identity carries (the sheet, or
 * the document properties `identityProperties` when the sheet is damaged; else `fallbackLayout`).
 */
export function readSheets<R extends SheetRef>(
  sheets: readonly R[],
  scan: ScanSheet<R>,
  fallbackLayout: TemplateLayout | undefined,
  identityProperties: UnitReturn["identityProperties"],
  readable?: (ref: R) => boolean,
): Pick<UnitReturn, "sheetNames" | "identityRows" | "identityProperties" | "entrySheet"> {
  const identityRef = sheets.find((s) => s.name === IDENTITY_SHEET);
  const identityRows = identityRef ? readIdentity(scan(identityRef, new Set(["A", "B"])).rows) : null;
  const stored = validStoredSpec({ identityRows, identityProperties });
  const layout = stored ? stored.layout : fallbackLayout;
  const keys = new Set((stored ?? { rows: [] }).rows.map((r) => r.key));
  return {
    sheetNames: sheets.map(({ name, state }) => ({ name, state })),
    identityRows,
    identityProperties,
    entrySheet: layout ? findEntrySheet(sheets, layout, keys, scan, readable) : null,
  };
}

import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { normaliseEntry, type NormaliseContext, type NormalisedEntry } from "./normalise-entry";
import type { RawCell } from "./unit-return";

/** Where the row is: the file and entry sheet, for findings. */
export interface RowPlace {
  readonly file: string;
  readonly sheet: string;
  /**
   * Set when the return is a summary sent up (its identity carries a roll-up): its figures are aggregates, judged one
   * level up by the units behind them, not against a target meant for each unit.
   */
  readonly summary?: boolean;
}

/**
 * A cell location for a finding.
 * @example cellAt({ file: "东湖区.xlsx", sheet: "填报表" }, "I9", "T1.2") // → { kind: "cell", file: "东湖区.xlsx", sheet: "填报表", cell: "I9", key: "T1.2" }
 */
export function cellAt(place: RowPlace, cell: string, key: string) {
  return { kind: "cell" as const, file: place.file, sheet: place.sheet, cell, key };
}

/**
 * The value an entry carries in the JSON contract: number, text, date, the 不适用 text, or null (blank, invalid).
 * @example entryValue({ kind: "notApplicable", text: "不适用" }) // → "不适用"
 */
export function entryValue(e: NormalisedEntry): number | string | null {
  switch (e.kind) {
    case "number":
    case "date":
      return e.value;
    case "text":
    case "notApplicable":
      return e.text;
    case "blank":
    case "invalid":
      return null;
  }
}

/**
 * Normalises one cell and turns the normaliser's notes and problems into findings at that cell.
 * @example readCell({ address: "I9", value: "四家", numFmt: "General", locked: false }, "I9", { expect: "number", measure: "count", unitOfMeasure: "家" }, place, "T1.2", "新增互认医疗机构")
 *   // → { entry: { kind: "number", value: 4 }, raw: "四家", findings: [check.text_in_number_cell, check.chinese_numeral] }
 */
export function readCell(
  cell: RawCell | undefined,
  address: string,
  context: NormaliseContext,
  place: RowPlace,
  key: string,
  label: string,
  expected = "",
): { entry: NormalisedEntry; raw: RawCell["value"]; findings: Finding[] } {
  const where = { kind: "cell" as const, file: place.file, sheet: place.sheet, cell: address, key };
  const result = normaliseEntry(cell ?? { value: null }, context);
  const findings = result.notes.map((n) => {
    const value = result.entry.kind === "number" ? result.entry.value : "";
    return makeFinding(n.code, where, { label, value, unit: context.unitOfMeasure ?? "", ...n.data });
  });
  if (result.entry.kind === "invalid") {
    findings.push(
      makeFinding(result.entry.code, where, {
        label,
        ...(expected ? { expected } : {}),
        unit: context.unitOfMeasure ?? "",
        ...result.entry.data,
      }),
    );
  }
  return { entry: result.entry, raw: cell?.value ?? null, findings };
}

import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import type { EntryField, SpecRow, TemplateSpec } from "../template/spec";
import { isRate } from "../template/row-fields";
import { targetReference, type MissCode } from "./compare-target";
import { noteReason } from "./explain";
import { rateFigure, valueFigure } from "./figure-rules";
import { inputFieldsOf } from "./locate-rows";
import type { NormaliseContext, NormalisedEntry } from "./normalise-entry";
import { cellAt, entryValue, readCell, type RowPlace } from "./read-cell";
import type { Entry } from "./types";
import type { RawRow } from "./unit-return";

export type { RowPlace } from "./read-cell";

export interface RowCheck {
  readonly entries: readonly Entry[];
  readonly findings: readonly Finding[];
  /** For a target row: the code of a missed target (after normalisation), else null. */
  readonly missed: MissCode | null;
  /** True when the row's note gives a reason (an explained miss needs no 存在问题 entry). */
  readonly explained: boolean;
  /** The reason the row's note gives, or null. */
  readonly reason: string | null;
}

const FIELD_EXPECT: Readonly<Record<EntryField, NormaliseContext["expect"]>> = {
  value: "number",
  numerator: "number",
  denominator: "number",
  status: "status",
  note: "text",
  problems: "text",
  unit: "text",
  reporter: "text",
  phone: "text",
  filledOn: "date",
};

/**
 * Reads and checks one spec row: normalises its input cells, compares the figure with its target and checks
 * plausibility (numerator ≤ denominator, rate in range, counts whole and ≥ 0, 不适用 with a reason). A failing
 * figure with a reason in the row's note is kept as a warning carrying that reason.
 * @example checkRow(spec, targetRowT12, sheetRow9, { file: "东湖区.xlsx", sheet: "填报表" })
 *   // → { entries: [{ key: "T1.2", field: "value", value: 6, … }, …], findings: [check.outside_range at I9], missed: "check.outside_range" }
 */
export function checkRow(
  spec: TemplateSpec,
  row: SpecRow,
  raw: RawRow | undefined,
  place: RowPlace,
): RowCheck {
  const entries: Entry[] = [];
  const findings: Finding[] = [];
  if (!raw) return { entries, findings, missed: null, explained: false, reason: null };
  const target = row.kind === "target" ? row : null;
  const label = row.kind === "target" ? row.target.indicator : row.task.title;
  const taskId = row.kind === "target" ? row.target.task : row.task.id;
  const values = new Map<EntryField, NormalisedEntry>();
  for (const field of inputFieldsOf(spec, row)) {
    const column = spec.layout.columns[field] ?? "";
    const address = `${column}${raw.row}`;
    const context: NormaliseContext = {
      expect: FIELD_EXPECT[field],
      measure: target && field === "value" ? target.measure : null,
      unitOfMeasure: target && field === "value" ? target.target.unitOfMeasure : null,
      targetValue: target && field === "value" ? targetReference(target.target) : null,
    };
    const expected = target && field === "value" ? target.targetLabel : "";
    const read = readCell(raw.cells[column], address, context, place, row.key, label, expected);
    values.set(field, read.entry);
    findings.push(...read.findings);
    entries.push({
      key: row.key,
      task: taskId,
      indicator: target ? target.target.indicator : null,
      field,
      kind: read.entry.kind,
      value: entryValue(read.entry),
      raw: read.raw,
      sheet: place.sheet,
      cell: address,
    });
  }
  if (!target) {
    const asks = row.kind === "task" && !row.heading;
    if (asks && (values.get("status")?.kind === "blank" || !values.has("status"))) {
      const cell = `${spec.layout.columns.status ?? ""}${raw.row}`;
      findings.push(makeFinding("check.missing_status", cellAt(place, cell, row.key), { label }));
    }
    return { entries, findings, missed: null, explained: false, reason: null };
  }
  const reason = noteReason(values.get("note"));
  const context = { spec, row: target, raw, values, place, reason, entries, findings };
  const figure = isRate(target.measure) ? rateFigure(context) : valueFigure(context);
  return { entries, findings, missed: figure, explained: reason !== null, reason };
}

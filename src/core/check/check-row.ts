import type { FindingCode } from "../findings/codes";
import { makeFinding } from "../findings/make-finding";
import type { Finding, FindingData } from "../findings/types";
import {
  RATE_MULTIPLIER,
  type EntryField,
  type SpecRow,
  type TargetRow,
  type TemplateSpec,
} from "../template/spec";
import { isRate } from "../template/row-fields";
import { inputFieldsOf } from "./locate-rows";
import { compareTarget, targetReference, type MissCode } from "./compare-target";
import { noteReason, EXPLAINABLE } from "./explain";
import { normaliseEntry, type NormaliseContext, type NormalisedEntry } from "./normalise-entry";
import type { Entry } from "./types";
import type { RawCell, RawRow } from "./unit-return";

/** Where the row is: the file and entry sheet, for findings. */
export interface RowPlace {
  readonly file: string;
  readonly sheet: string;
}

export interface RowCheck {
  readonly entries: readonly Entry[];
  readonly findings: readonly Finding[];
  /** For a target row: the code of a missed target (after normalisation), else null. */
  readonly missed: MissCode | null;
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

/** The value an entry carries in the JSON contract. */
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

/** Normalises one cell and turns the normaliser's notes and problems into findings at that cell. */
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

/**
 * Reads and checks one spec row: normalises its input cells, compares the figure with its target and checks
 * plausibility (numerator ≤ denominator, rate in range, counts whole and ≥ 0, 不适用 with a reason). A failing
 * figure with a reason in the row's note is kept as a warning carrying that reason.
 */
export function checkRow(
  spec: TemplateSpec,
  row: SpecRow,
  raw: RawRow | undefined,
  place: RowPlace,
): RowCheck {
  const entries: Entry[] = [];
  const findings: Finding[] = [];
  if (!raw) return { entries, findings, missed: null };
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
    if (values.get("status")?.kind === "blank" || !values.has("status")) {
      const cell = `${spec.layout.columns.status ?? ""}${raw.row}`;
      findings.push(makeFinding("check.missing_status", cellAt(place, cell, row.key), { label }));
    }
    return { entries, findings, missed: null };
  }
  const reason = noteReason(values.get("note"));
  const figure = isRate(target.measure)
    ? rateFigure(spec, target, raw, values, place, entries, findings, reason)
    : valueFigure(spec, target, raw, values, place, findings, reason);
  return { entries, findings, missed: figure };
}

function cellAt(place: RowPlace, cell: string, key: string) {
  return { kind: "cell" as const, file: place.file, sheet: place.sheet, cell, key };
}

/** A finding that a reason in the note turns from an error into a warning (explained exception). */
function flag(
  code: FindingCode,
  where: ReturnType<typeof cellAt>,
  data: FindingData,
  reason: string | null,
): Finding {
  if (reason !== null && EXPLAINABLE.has(code))
    return makeFinding(code, where, { ...data, reason }, "warning");
  return makeFinding(code, where, data);
}

/** Completeness of a figure: blank → missing; 不适用 → needs a reason. True when a number is there to check. */
function present(
  entry: NormalisedEntry | undefined,
  where: ReturnType<typeof cellAt>,
  data: FindingData,
  reason: string | null,
  findings: Finding[],
): entry is { kind: "number"; value: number } {
  if (!entry || entry.kind === "blank") {
    findings.push(makeFinding("check.missing_value", where, data));
    return false;
  }
  if (entry.kind === "notApplicable") {
    if (reason === null)
      findings.push(makeFinding("check.not_applicable_without_reason", where, { ...data, got: entry.text }));
    return false;
  }
  return entry.kind === "number";
}

function valueFigure(
  spec: TemplateSpec,
  row: TargetRow,
  raw: RawRow,
  values: Map<EntryField, NormalisedEntry>,
  place: RowPlace,
  findings: Finding[],
  reason: string | null,
): MissCode | null {
  const where = cellAt(place, `${spec.layout.columns.value ?? ""}${raw.row}`, row.key);
  const label = row.target.indicator;
  const entry = values.get("value");
  if (!present(entry, where, { label, field: "value" }, reason, findings)) return null;
  const value = entry.value;
  if (value < 0) findings.push(flag("check.negative", where, { label, field: "value", got: value }, reason));
  else if (row.measure === "count" && !Number.isInteger(value)) {
    findings.push(flag("check.not_whole", where, { label, field: "value", got: value }, reason));
  }
  const ambiguous = findings.some(
    (f) =>
      f.code === "check.percent_ambiguous" && f.location.kind === "cell" && f.location.cell === where.cell,
  );
  return ambiguous ? null : compare(row, value, where, findings, reason);
}

function compare(
  row: TargetRow,
  value: number,
  where: ReturnType<typeof cellAt>,
  findings: Finding[],
  reason: string | null,
): MissCode | null {
  const miss = compareTarget(row.target, value);
  if (miss) {
    const tolerance = row.target.op === "approx" ? row.target.tolerance : "";
    findings.push(
      flag(
        miss,
        where,
        { label: row.target.indicator, got: value, expected: row.targetLabel, tolerance },
        reason,
      ),
    );
  }
  return miss;
}

function rateFigure(
  spec: TemplateSpec,
  row: TargetRow,
  raw: RawRow,
  values: Map<EntryField, NormalisedEntry>,
  place: RowPlace,
  entries: Entry[],
  findings: Finding[],
  reason: string | null,
): MissCode | null {
  const { columns } = spec.layout;
  const label = row.target.indicator;
  const numWhere = cellAt(place, `${columns.numerator ?? ""}${raw.row}`, row.key);
  const denWhere = cellAt(place, `${columns.denominator ?? ""}${raw.row}`, row.key);
  const valueAddress = `${columns.value ?? ""}${raw.row}`;
  const valueWhere = cellAt(place, valueAddress, row.key);
  const valueCell = raw.cells[columns.value ?? ""];
  const num = values.get("numerator");
  if (num?.kind === "notApplicable") {
    if (reason === null)
      findings.push(makeFinding("check.not_applicable_without_reason", numWhere, { label, got: num.text }));
    pushValue(entries, row, place, valueAddress, valueCell, { kind: "notApplicable", text: num.text });
    return null;
  }
  const den = values.get("denominator");
  const hasNum = present(num, numWhere, { label, field: "numerator" }, reason, findings);
  const hasDen = present(den, denWhere, { label, field: "denominator" }, reason, findings);
  if (!hasNum || !hasDen) {
    pushValue(entries, row, place, valueAddress, valueCell, { kind: "blank" });
    return null;
  }
  for (const [field, n, where] of [
    ["numerator", num.value, numWhere],
    ["denominator", den.value, denWhere],
  ] as const) {
    if (n < 0) findings.push(flag("check.negative", where, { label, field, got: n }, reason));
  }
  if (den.value === 0) {
    findings.push(flag("check.zero_denominator", denWhere, { label }, reason));
    pushValue(entries, row, place, valueAddress, valueCell, { kind: "blank" });
    return null;
  }
  if (num.value > den.value) {
    findings.push(
      flag(
        "check.numerator_gt_denominator",
        numWhere,
        { label, numerator: num.value, denominator: den.value },
        reason,
      ),
    );
  }
  const multiplier = RATE_MULTIPLIER[row.target.unitOfMeasure ?? ""] ?? 100;
  const rate = Math.round((num.value / den.value) * multiplier * 100) / 100;
  if (rate < 0 || rate > multiplier)
    findings.push(flag("check.rate_out_of_range", valueWhere, { label, got: rate, max: multiplier }, reason));
  if (typeof valueCell?.value === "number" && Math.abs(valueCell.value - rate) > 0.01 + 1e-9) {
    findings.push(
      makeFinding("check.rate_value_mismatch", valueWhere, { label, got: valueCell.value, value: rate }),
    );
  }
  pushValue(entries, row, place, valueAddress, valueCell, { kind: "number", value: rate });
  return compare(row, rate, valueWhere, findings, reason);
}

/** The computed 完成值 of a rate row, as an entry at its formula cell. */
function pushValue(
  entries: Entry[],
  row: TargetRow,
  place: RowPlace,
  address: string,
  cell: RawCell | undefined,
  entry: NormalisedEntry,
): void {
  entries.push({
    key: row.key,
    task: row.target.task,
    indicator: row.target.indicator,
    field: "value",
    kind: entry.kind,
    value: entryValue(entry),
    raw: cell?.value ?? (cell?.formula ? `=${cell.formula}` : null),
    sheet: place.sheet,
    cell: address,
  });
}

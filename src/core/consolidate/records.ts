import type { Finding, Severity } from "../findings/types";
import type { SpecRow, TemplateSpec } from "../template/spec";
import type { Placed } from "./select";
import type { RecordList, RecordStatus, TidyRecord } from "./types";

/** Row key → task title and indicator, for labelling records. */
export function rowLabels(spec: TemplateSpec): ReadonlyMap<string, { task: string; indicator: string }> {
  const titles = new Map<string, string>();
  const labels = new Map<string, { task: string; indicator: string }>();
  for (const row of spec.rows as readonly SpecRow[]) {
    if (row.kind === "task") {
      titles.set(row.key, row.task.title);
      labels.set(row.key, { task: row.task.title, indicator: "" });
    } else {
      labels.set(row.key, { task: titles.get(row.taskKey) ?? "", indicator: row.target.indicator });
    }
  }
  return labels;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The worst severity of findings per sheet and cell (looked up without building a "填报表!D7" per entry). */
function cellSeverities(findings: readonly Finding[]): Map<string, Map<string, Severity>> | null {
  let worst: Map<string, Map<string, Severity>> | null = null;
  for (const f of findings) {
    if (f.location.kind !== "cell" || f.severity === "info") continue;
    worst ??= new Map();
    let sheet = worst.get(f.location.sheet);
    if (!sheet) worst.set(f.location.sheet, (sheet = new Map()));
    const was = sheet.get(f.location.cell);
    if (!was || RANK[f.severity] > RANK[was]) sheet.set(f.location.cell, f.severity);
  }
  return worst;
}

/**
 * Every answered entry of a return (blank cells are not figures) as a tidy record with its source (file, sheet, cell, SHA-256) and status: ok, warning or
 * error from the check findings on its cell, or superseded / rejected when the return was not summed.
 * @example tidyRecords(placed, labels)[0] // → { unit: "东湖区", key: "T1.1", indicator: "床位使用率", field: "value", value: 95, raw: "95%", status: "ok", … }
 */
export function tidyRecords(
  placed: Placed,
  labels: ReadonlyMap<string, { task: string; indicator: string }>,
): TidyRecord[] {
  return [...recordsOf(placed, labels)];
}

function* recordsOf(
  placed: Placed,
  labels: ReadonlyMap<string, { task: string; indicator: string }>,
): Generator<TidyRecord> {
  const r = placed.unitReturn;
  const fixed = fixedStatus(placed);
  const severities = fixed ? null : cellSeverities(r.findings);
  const unit = placed.unit ?? "";
  const { file, sha256 } = r;
  let lastKey = "";
  let label = labels.get("");
  for (const e of r.entries) {
    if (!isAnswered(e)) continue;
    // A row's fields follow one another: its label is looked up once.
    if (e.key !== lastKey) {
      lastKey = e.key;
      label = labels.get(e.key);
    }
    const severity = severities ? severities.get(e.sheet)?.get(e.cell) : undefined;
    const status: RecordStatus =
      fixed ?? (severity === "error" ? "error" : severity === "warning" ? "warning" : "ok");
    yield {
      unit,
      key: e.key,
      taskId: e.task,
      task: label?.task ?? "",
      indicator: label?.indicator ?? "",
      field: e.field,
      value: e.value,
      raw: e.raw === null ? "" : typeof e.raw === "string" ? e.raw : String(e.raw),
      status,
      file,
      sheet: e.sheet,
      cell: e.cell,
      sha256,
    };
  }
}

/**
 * Every answered entry of the placed returns as tidy records, made each time the list is gone through. `length`
 * is how many answered entries they have (see isAnswered), counted by the caller as it reads them.
 */
export function recordList(
  placed: readonly Placed[],
  labels: ReadonlyMap<string, { task: string; indicator: string }>,
  length: number,
): RecordList {
  return {
    length,
    *[Symbol.iterator]() {
      for (const p of placed) yield* recordsOf(p, labels);
    },
  };
}

/** Whether an entry is a figure or answer (a tidy record): blank cells are not. */
export const isAnswered = (e: Placed["unitReturn"]["entries"][number]): boolean =>
  !(e.kind === "blank" && (e.raw === null || e.raw === ""));

function fixedStatus(p: Placed): RecordStatus | null {
  switch (p.outcome) {
    case "superseded":
      return "superseded";
    case "rejected":
    case "no_unit":
      return "rejected";
    default:
      return null;
  }
}

import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { rowInputFields } from "../template/row-fields";
import type { EntryField, TemplateSpec } from "../template/spec";
import type { RawCell, RawRow, RawSheet } from "./unit-return";

export interface LocatedRows {
  /** The sheet row of every spec row found, by key. */
  readonly byKey: ReadonlyMap<string, RawRow>;
  readonly findings: readonly Finding[];
}

/**
 * Text of a cell as stored, trimmed, for keys and comparisons ("" when empty).
 * @example cellText({ address: "A9", value: " T1.2 ", numFmt: "General", locked: true }) // → "T1.2"
 */
export function cellText(cell: RawCell | undefined): string {
  if (!cell || cell.value === null) return "";
  return String(cell.value).trim();
}

/** Column letters of every input field of the layout. */
function inputColumns(spec: TemplateSpec): string[] {
  const fields: EntryField[] = ["value", "numerator", "denominator", "status", "note", "problems"];
  return fields.flatMap((f) => {
    const col = spec.layout.columns[f];
    return col ? [col] : [];
  });
}

/**
 * Finds every spec row on the entry sheet by the key in the layout's key column, never by position, and reports
 * rows added (no key), deleted (key missing), copied (key twice) and moved (keys out of order). When no key is
 * left at all, rows are read by their generated position, with a finding that says so.
 * @example locateRows(spec, sheet, "东湖区.xlsx") // → { byKey: Map { "T1" → row 8, "T1.1" → row 9, … }, findings: [] }
 */
export function locateRows(spec: TemplateSpec, sheet: RawSheet, file: string): LocatedRows {
  const { keyColumn, firstDataRow } = spec.layout;
  const known = new Set(spec.rows.map((r) => r.key));
  const byKey = new Map<string, RawRow>();
  const findings: Finding[] = [];
  const at = (row: number, key?: string) => ({
    kind: "cell" as const,
    file,
    sheet: sheet.name,
    cell: `${keyColumn}${row}`,
    ...(key ? { key } : {}),
  });
  const inputs = inputColumns(spec);
  const unkeyed: RawRow[] = [];
  for (const row of sheet.rows) {
    if (row.row < firstDataRow) continue;
    const key = cellText(row.cells[keyColumn]);
    if (key && known.has(key)) {
      const first = byKey.get(key);
      if (first)
        findings.push(
          makeFinding("check.duplicate_key", at(row.row, key), { key, row: row.row, first: first.row }),
        );
      else byKey.set(key, row);
    } else {
      unkeyed.push(row);
    }
  }
  if (byKey.size === 0 && spec.rows.length > 0) {
    findings.push(makeFinding("check.keys_destroyed", { kind: "file", file, sheet: sheet.name }));
    const rows = new Map(sheet.rows.map((r) => [r.row, r]));
    spec.rows.forEach((r, i) => {
      const row = rows.get(firstDataRow + i);
      if (row) byKey.set(r.key, row);
    });
    return { byKey, findings };
  }
  const recovered = recoverByPosition(spec, sheet, byKey, unkeyed);
  const recoveredRows = new Set(recovered.values());
  for (const [key, row] of recovered) {
    byKey.set(key, row);
    findings.push(makeFinding("check.key_missing", at(row.row, key), { key, row: row.row }));
  }
  for (const row of unkeyed) {
    if (recoveredRows.has(row)) continue;
    const content = inputs.map((c) => cellText(row.cells[c])).filter(Boolean);
    if (content.length) {
      findings.push(makeFinding("check.row_added", at(row.row), { row: row.row, got: content.join(" | ") }));
    }
  }
  for (const r of spec.rows) {
    if (byKey.has(r.key)) continue;
    const label = r.kind === "task" ? r.task.title : r.target.indicator;
    findings.push(
      makeFinding("check.row_deleted", { kind: "file", file, sheet: sheet.name }, { key: r.key, label }),
    );
  }
  const moved = countMoved(
    spec.rows.map((r) => r.key).filter((k) => byKey.has(k)),
    (k) => byKey.get(k)?.row ?? 0,
  );
  if (moved > 0)
    findings.push(
      makeFinding("check.rows_moved", { kind: "file", file, sheet: sheet.name }, { count: moved }),
    );
  return { byKey, findings };
}

/**
 * Rows whose key was cleared but which still sit at their generated position with their own label (indicator of
 * a target row, title of a task row): read by position rather than lost.
 */
function recoverByPosition(
  spec: TemplateSpec,
  sheet: RawSheet,
  byKey: ReadonlyMap<string, RawRow>,
  unkeyed: readonly RawRow[],
): Map<string, RawRow> {
  const { firstDataRow, fixedColumns } = spec.layout;
  const free = new Map(unkeyed.map((r) => [r.row, r]));
  const recovered = new Map<string, RawRow>();
  spec.rows.forEach((r, i) => {
    if (byKey.has(r.key)) return;
    const row = free.get(firstDataRow + i);
    if (!row || !fixedColumns) return;
    const label =
      r.kind === "task"
        ? cellText(row.cells[fixedColumns.task])
        : cellText(row.cells[fixedColumns.indicator]);
    const expected = r.kind === "task" ? r.task.title : r.target.indicator;
    if (label && label === expected.trim()) recovered.set(r.key, row);
  });
  return recovered;
}

/** How many keys are out of their spec order: keys minus the longest run that kept its order. */
function countMoved(keys: readonly string[], rowOf: (key: string) => number): number {
  const rows = keys.map(rowOf);
  const tails: number[] = [];
  for (const x of rows) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return rows.length - tails.length;
}

/**
 * Input fields of a spec row that have a column in the layout (rowInputFields, filtered by the layout).
 * @example inputFieldsOf(spec, rateRow) // → ["numerator", "denominator", "note"]
 */
export function inputFieldsOf(spec: TemplateSpec, row: TemplateSpec["rows"][number]): EntryField[] {
  return rowInputFields(row).filter((f) => spec.layout.columns[f] !== undefined);
}

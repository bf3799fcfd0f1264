import type { Finding } from "../findings/types";
import { rowInputFields } from "../template/row-fields";
import type { EntryField, TemplateSpec } from "../template/spec";
import { splitAddress } from "./a1";
import type { CheckResult } from "./types";

/**
 * Name of the 问题清单 sheet a correction notice puts in front of a return. A unit that sends the notice back
 * with the sheet still in it has not tampered with the template: the check ignores this sheet.
 */
export const NOTICE_SHEET = "问题清单";

/** A finding of a return and where it is in the notice (the fresh template), or null where it has no cell there. */
export interface PlacedFinding {
  readonly finding: Finding;
  readonly at: { readonly sheet: string; readonly cell: string } | null;
}

/** What a correction notice holds: the unit's typed values by cell of a fresh template, and its findings placed. */
export interface NoticePlan {
  readonly values: readonly { readonly cell: string; readonly value: number | string | boolean }[];
  readonly findings: readonly PlacedFinding[];
}

/**
 * The correction notice as a fresh template of the spec the return was read with (protection, unlocked inputs,
 * formulas and print setup as sent, whatever program saved the return) holding what the unit typed: every input
 * cell's stored value moved to its row's place (found by key: a unit may have inserted or sorted rows), and every
 * finding pointed at the same field there. A formula cell (完成值 of a rate, 是否达标) is the template's again; a
 * finding about a cell the template does not have (an added row) is listed without a place.
 * @example planNotice(spec, result).values[0] // → { cell: "E3", value: "李四" }
 */
export function planNotice(spec: TemplateSpec, result: CheckResult): NoticePlan {
  const L = spec.layout;
  const rowOf = new Map(spec.rows.map((r, i) => [r.key, { row: r, at: L.firstDataRow + i }]));
  const lockedUnit = result.identity?.unit ?? null;
  /** The fresh template's cell of a field of a row (or of the header), when it is an input there. */
  const inputCell = (key: string, field: EntryField): string | null => {
    if (key === "header") {
      const header = field !== "unit" || lockedUnit === null ? L.headerCells[field] : undefined;
      return header ?? null;
    }
    const place = rowOf.get(key);
    const column = L.columns[field];
    return place && column && rowInputFields(place.row).includes(field) ? `${column}${place.at}` : null;
  };
  const moved = new Map<string, string>();
  const values: NoticePlan["values"][number][] = [];
  for (const e of result.entries) {
    const place = rowOf.get(e.key);
    const column = L.columns[e.field];
    const to =
      e.key === "header" ? (L.headerCells[e.field] ?? null) : place && column ? `${column}${place.at}` : null;
    if (to) moved.set(`${e.sheet}!${e.cell}`, to);
    const input = inputCell(e.key, e.field);
    if (input && e.raw !== null) values.push({ cell: input, value: e.raw });
  }
  const findings = result.findings.map((finding): PlacedFinding => {
    const l = finding.location;
    if (l.kind !== "cell") return { finding, at: null };
    const byEntry = moved.get(`${l.sheet}!${l.cell}`);
    const byKey = l.key ? rowOf.get(l.key) : undefined;
    const header = Object.values(L.headerCells).includes(l.cell) ? l.cell : null;
    const cell = byEntry ?? (byKey ? `${splitAddress(l.cell).column}${byKey.at}` : header);
    return { finding, at: cell ? { sheet: L.entrySheet, cell } : null };
  });
  return { values, findings };
}

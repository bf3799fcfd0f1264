import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import type { TemplateSpec } from "../template/spec";
import { isRate } from "../template/row-fields";
import { cellText, inputFieldsOf } from "./locate-rows";
import { NOTICE_SHEET } from "./notice";
import type { RawRow, UnitReturn, WorkbookFormat } from "./unit-return";

/** A formula that reaches into another workbook: [1]Sheet!A1, '[book.xlsx]Sheet'!A1, or a path. */
const EXTERNAL_REFERENCE = /\[[^\]]+\]|\.xls[xmb]?\b|:\\|https?:/i;

/**
 * Whether a file of this format without sheet protection shows that someone removed it. The programs tried
 * (LibreOffice, Gnumeric) keep the protection of .xlsx and .xls; an .ods keeps it when LibreOffice saves it, but
 * Gnumeric writes .ods without any, so its absence there says nothing of the unit.
 * @example protectionTellsTampering("ods") // → false
 */
export function protectionTellsTampering(format: WorkbookFormat | undefined): boolean {
  return format !== "ods";
}

/** Spaces and line breaks do not count as a change to a locked label. */
const squash = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/**
 * Sheets renamed, added or removed against the spec's layout. The entry sheet found under another name is a
 * rename; an expected sheet missing while an unknown one appeared is taken as a rename too.
 * @example checkSheets(spec, { sheetNames: [{ name: "Sheet1" }, { name: "填报说明" }, …], entrySheet: { name: "Sheet1", … }, … })
 *   // → [check.sheet_renamed { expected: "填报表", got: "Sheet1" }]
 */
export function checkSheets(spec: TemplateSpec, unitReturn: UnitReturn): Finding[] {
  const { entrySheet, instructionsSheet, identitySheet, listsSheet } = spec.layout;
  const file = unitReturn.file;
  const names = unitReturn.sheetNames.map((s) => s.name);
  const expected = [entrySheet, instructionsSheet, identitySheet, listsSheet].filter((n) => n);
  const extra = names.filter((n) => !expected.includes(n) && n !== NOTICE_SHEET);
  const findings: Finding[] = [];
  for (const name of expected) {
    if (names.includes(name)) continue;
    const renamedEntry = name === entrySheet ? unitReturn.entrySheet?.name : undefined;
    const renamed = renamedEntry ?? (extra.length === 1 && name !== entrySheet ? extra[0] : undefined);
    if (renamed !== undefined) {
      extra.splice(extra.indexOf(renamed), 1);
      findings.push(
        makeFinding(
          "check.sheet_renamed",
          { kind: "file", file, sheet: renamed },
          { expected: name, got: renamed },
        ),
      );
    } else {
      const severity = name === entrySheet ? "error" : "warning";
      findings.push(makeFinding("check.sheet_missing", { kind: "file", file }, { sheet: name }, severity));
    }
  }
  for (const name of extra)
    findings.push(makeFinding("check.sheet_added", { kind: "file", file, sheet: name }, { sheet: name }));
  return findings;
}

/**
 * Changes under the protection: protection removed, locked labels (task, indicator, target) changed, the 完成值
 * formula of a rate replaced, formulas or external links in input cells.
 * @example checkTampering(spec, unitReturn, byKey) // I9 holds =[1]Sheet1!A1 → [check.external_link at 填报表!I9]
 */
export function checkTampering(
  spec: TemplateSpec,
  unitReturn: UnitReturn,
  byKey: ReadonlyMap<string, RawRow>,
): Finding[] {
  const sheet = unitReturn.entrySheet;
  if (!sheet) return [];
  const file = unitReturn.file;
  const findings: Finding[] = [];
  // Where the format cannot tell, a note says so; the locked labels below are compared cell by cell either way.
  if (!sheet.isProtected)
    findings.push(
      makeFinding(
        protectionTellsTampering(unitReturn.format)
          ? "check.protection_removed"
          : "check.protection_not_kept",
        { kind: "file", file, sheet: sheet.name },
        { sheet: sheet.name, format: unitReturn.format ?? "xlsx" },
      ),
    );
  const { columns, fixedColumns } = spec.layout;
  let externalInInput = false;
  for (const row of spec.rows) {
    const raw = byKey.get(row.key);
    if (!raw) continue;
    const at = (column: string) => ({
      kind: "cell" as const,
      file,
      sheet: sheet.name,
      cell: `${column}${raw.row}`,
      key: row.key,
    });
    const label = row.kind === "task" ? row.task.title : row.target.indicator;
    const locked: [string | undefined, string][] =
      row.kind === "task"
        ? [[fixedColumns?.task, row.task.title]]
        : [
            [fixedColumns?.indicator, row.target.indicator],
            [fixedColumns?.target, row.targetLabel],
          ];
    for (const [column, expected] of locked) {
      if (!column) continue;
      const got = cellText(raw.cells[column]);
      if (!got.includes(expected) && !squash(got).includes(squash(expected))) {
        findings.push(makeFinding("check.locked_cell_changed", at(column), { label, expected, got }));
      }
    }
    if (row.kind === "target" && isRate(row.measure) && columns.value) {
      const cell = raw.cells[columns.value];
      if (cell && cell.formula === undefined && cell.value !== null) {
        findings.push(
          makeFinding("check.locked_cell_changed", at(columns.value), {
            label,
            expected: "=分子/分母",
            got: String(cell.value),
          }),
        );
      }
    }
    for (const field of inputFieldsOf(spec, row)) {
      const column = columns[field] ?? "";
      const cell = raw.cells[column];
      if (cell?.formula === undefined) continue;
      if (EXTERNAL_REFERENCE.test(cell.formula)) {
        externalInInput = true;
        findings.push(makeFinding("check.external_link", at(column), { label, formula: cell.formula }));
      } else {
        findings.push(
          makeFinding("check.formula_in_input", at(column), {
            label,
            formula: cell.formula,
            got: String(cell.value ?? ""),
          }),
        );
      }
    }
  }
  if (unitReturn.hasExternalLinks && !externalInInput)
    findings.push(makeFinding("check.external_link", { kind: "file", file }, {}, "warning"));
  return findings;
}

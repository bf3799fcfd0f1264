import type { RawCell, RawRow, RawSheet, UnitReturn } from "../core/check/unit-return";
import { readIdentityRows } from "../core/template/identity";
import { IDENTITY_SHEET, type TemplateSpec } from "../core/template/spec";
import { cellAddress, columnLetter, parseCell } from "./a1";
import type { ExcelHost } from "./excel-batch";
import { readWorkbook, type SheetSnapshot, type WorkbookSnapshot } from "./read-workbook";

/**
 * Reads the open workbook as a return (the core's UnitReturn), so the same pure check engine as the CLI runs on
 * it. One batched pass: the two context.sync calls of readWorkbook, however many rows.
 */
export async function readOpenReturn(host: ExcelHost, file: string): Promise<UnitReturn> {
  return snapshotToReturn(await readWorkbook(host), file);
}

const ERROR_VALUE =
  /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** The same shape the exceljs return reader gives for a file. */
export function snapshotToReturn(snapshot: WorkbookSnapshot, file: string): UnitReturn {
  const identitySheet = snapshot.sheets.find((s) => s.name === IDENTITY_SHEET);
  const identityRows = identitySheet ? identityRowsOf(toRawSheet(identitySheet)) : null;
  // Office.js gives the custom document properties only asynchronously (workbook.properties.custom); the open
  // workbook's identity sheet is read as Excel shows it, so the sheet alone carries the identity here.
  const stored = identityRows ? readIdentityRows(identityRows) : null;
  return {
    file,
    sheetNames: snapshot.sheets.map((s) => ({ name: s.name, state: stateOf(s) })),
    identityRows,
    entrySheet: findEntrySheet(snapshot, stored?.ok ? stored.spec : null),
    // Office.js does not list a workbook's external links on ExcelApi 1.8; formulas that reach into another
    // workbook are still caught cell by cell by the check engine.
    hasExternalLinks: false,
  };
}

const stateOf = (s: SheetSnapshot): RawSheet["state"] =>
  s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible";

function toRawSheet(s: SheetSnapshot): RawSheet {
  const origin = s.origin ? parseCell(s.origin) : { row: 0, column: 0 };
  const rows: RawRow[] = [];
  s.values.forEach((values, i) => {
    const cells: Record<string, RawCell> = {};
    values.forEach((value, j) => {
      const formula = s.formulas[i]?.[j];
      const hasFormula = typeof formula === "string" && formula.startsWith("=");
      if ((value === "" || value === null) && !hasFormula) return;
      const isError = typeof value === "string" && ERROR_VALUE.test(value);
      cells[columnLetter(origin.column + j)] = {
        address: cellAddress(origin.row + i, origin.column + j),
        value: isError || value === "" ? null : value,
        ...(isError ? { error: value as string } : {}),
        ...(hasFormula ? { formula: formula.slice(1) } : {}),
        numFmt: s.numberFormats[i]?.[j] ?? "General",
        // Office.js gives lock state per range, not per cell, before ExcelApi 1.9; the check engine reads the
        // layout of the stored spec instead, so every cell is reported with Excel's default.
        locked: true,
      };
    });
    if (Object.keys(cells).length) rows.push({ row: origin.row + i + 1, cells });
  });
  return { name: s.name, state: stateOf(s), isProtected: s.protected, rows };
}

/** The identity sheet's rows as [column A, column B] in sheet order (the core reads them). */
function identityRowsOf(sheet: RawSheet): [string, string][] {
  const text = (v: RawCell["value"] | undefined): string => (v === null || v === undefined ? "" : String(v));
  return sheet.rows.map((row) => [text(row.cells.A?.value), text(row.cells.B?.value)]);
}

/** The entry sheet by the name in the stored spec, or (renamed) the sheet whose key column holds the spec's keys. */
function findEntrySheet(snapshot: WorkbookSnapshot, spec: TemplateSpec | null): RawSheet | null {
  if (!spec) return null;
  const named = snapshot.sheets.find((s) => s.name === spec.layout.entrySheet);
  if (named) return toRawSheet(named);
  const keys = new Set(spec.rows.map((r) => r.key));
  const column = spec.layout.keyColumn;
  const candidates = snapshot.sheets.filter((s) => s.name !== IDENTITY_SHEET).map(toRawSheet);
  return candidates.find((s) => s.rows.some((r) => keys.has(String(r.cells[column]?.value ?? "")))) ?? null;
}

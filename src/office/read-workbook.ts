import { cellAddress, parseRange, rangeAddress } from "./a1";
import type { ExcelHost } from "./excel-batch";
import { excelErrorCode } from "./excel-error";
import { planReads, splitPiece, READ_CELL_BUDGET, type Area, type ReadPiece } from "./read-plan";
import type { CellValue } from "./sheet-plan";

/** One sheet of the open workbook as plain data: what the check engine needs, read in one pass. */
export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: "Visible" | "Hidden" | "VeryHidden";
  readonly protected: boolean;
  /** Address of the used range's top-left cell, e.g. "A1" (values[0][0] is that cell); null for an empty sheet. */
  readonly origin: string | null;
  readonly values: readonly (readonly CellValue[])[];
  /** Formulas as typed ("=B2/C2"), or the value for constants. */
  readonly formulas: readonly (readonly CellValue[])[];
  readonly numberFormats: readonly (readonly string[])[];
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** Workbook-level defined names and what they refer to ("=填报表!$C$3"). */
  readonly names: readonly { readonly name: string; readonly formula: string }[];
}

interface Rows {
  values: CellValue[][];
  formulas: CellValue[][];
  numberFormats: string[][];
}

/**
 * Reads every sheet (hidden and veryHidden ones too: the template's identity lives there) with values,
 * formulas and number formats, plus the defined names. Three context.sync calls for any ordinary workbook: the
 * sheets and names, then each sheet's used range and protection, then the cells. What one request asks for is
 * bounded (READ_CELL_BUDGET cells, ./read-plan.ts): a sheet used down to row 100,000 is read in several requests,
 * and a request whose answer Excel on the web finds over 5 MB is asked again in halves.
 */
export async function readWorkbook(
  host: ExcelHost,
  cellBudget: number = READ_CELL_BUDGET,
): Promise<WorkbookSnapshot> {
  return host.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    await context.sync();
    const used = worksheets.items.map((sheet) => {
      sheet.protection.load("protected");
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load("address");
      return range;
    });
    await context.sync();
    const areas = used.map((range) => (range.isNullObject ? null : areaOf(range.address)));
    const rows = await readCells(context, worksheets.items, areas, planReads(areas, cellBudget));
    const sheets = worksheets.items.map((sheet, i): SheetSnapshot => {
      const area = areas[i];
      const read = rows.get(i);
      return {
        name: sheet.name,
        visibility: sheet.visibility as SheetSnapshot["visibility"],
        protected: sheet.protection.protected,
        origin: area ? cellAddress(area.row, area.column) : null,
        values: read?.values ?? [],
        formulas: read?.formulas ?? [],
        numberFormats: read?.numberFormats ?? [],
      };
    });
    return { sheets, names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })) };
  });
}

/** "'填报表'!B3:K40" → rows 2…39, columns 1…10. */
function areaOf(address: string): Area {
  const { start, end } = parseRange(address);
  return {
    row: start.row,
    column: start.column,
    rows: end.row - start.row + 1,
    columns: end.column - start.column + 1,
  };
}

/**
 * The cells of every piece, one request per planned group. A group Excel refuses to answer in one response is
 * asked again in two requests, the first and the second halves of its pieces, down to single rows.
 */
async function readCells(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  areas: readonly (Area | null)[],
  requests: readonly ReadPiece[][],
): Promise<Map<number, Rows>> {
  const out = new Map<number, Rows>();
  const queue = [...requests];
  while (queue.length) {
    const pieces = queue.shift()!;
    const ranges = pieces.map((p) => {
      const range = sheets[p.sheet]!.getRange(rangeAddress(p.row, p.column, p.rows, p.columns));
      range.load("values,formulas,numberFormat");
      return range;
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one bounded request per group, see above
      await context.sync();
    } catch (error) {
      const halves = pieces.map(splitPiece);
      if (excelErrorCode(error) !== "ResponsePayloadSizeLimitExceeded" || halves.every((h) => !h))
        throw error;
      const firsts = pieces.map((p, i) => halves[i]?.[0] ?? p);
      const seconds = halves.flatMap((h) => (h ? [h[1]] : []));
      queue.unshift(firsts, seconds);
      continue;
    }
    pieces.forEach((p, i) => {
      const rows = out.get(p.sheet) ?? { values: [], formulas: [], numberFormats: [] };
      out.set(p.sheet, rows);
      const at = p.row - areas[p.sheet]!.row;
      const range = ranges[i]!;
      (range.values as CellValue[][]).forEach((r, j) => (rows.values[at + j] = r));
      (range.formulas as CellValue[][]).forEach((r, j) => (rows.formulas[at + j] = r));
      (range.numberFormat as string[][]).forEach((r, j) => (rows.numberFormats[at + j] = r));
    });
  }
  return out;
}

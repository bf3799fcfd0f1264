import type { Worksheet } from "exceljs";
import { fitCell } from "../../core/consolidate/text-cut";
import type { FindingList, SummaryModel } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";
import { cellAddress, columnLetter, joinCells, parseRange } from "../../office/a1";
import type { CellLook, PlanCell, SheetPlan } from "../../office/sheet-plan";
import type { BulkRows } from "../../xlsx/summary/bulk-rows";
import { buildSummarySkeleton } from "../../xlsx/summary/write-summary";
import { cellLook, numberFormatOf, workbookToSheetPlans } from "../shell/xlsx-to-sheet-plans";

/** How a sample cell of a bulk sheet looks: every cell of its column (or, for `alt` cells, of the second sample) takes it. */
interface SampleStyle {
  readonly look: CellLook | null;
  readonly format: string | null;
}

/**
 * The summary's sheets as sheet plans for the open workbook. The big sheets' rows (明细 of 200 returns has hundreds
 * of thousands of cells) do not go through exceljs's object model: the skeleton (headings and one styled sample
 * row, as the file writer uses it) is turned into plans, and each bulk sheet gets its rows in place of its sample
 * rows, every cell with the look and number format of its sample cell, as the file has them. Building every row
 * as exceljs cells and reading them back took most of the pane's consolidation time.
 */
export async function summarySheetPlans(
  model: SummaryModel,
  options: { readonly filledOn: string; readonly findings?: FindingList | readonly Finding[] },
): Promise<SheetPlan[]> {
  const { workbook, bulks } = await buildSummarySkeleton(model, options);
  const samples = new Map(
    bulks.map((b) => [b.sheet, sampleStyles(workbook.getWorksheet(b.sheet), b)] as const),
  );
  return workbookToSheetPlans(workbook).map((plan) => {
    const bulk = bulks.find((b) => b.sheet === plan.name);
    return bulk ? withBulkRows(plan, bulk, samples.get(bulk.sheet)!) : plan;
  });
}

type Samples = readonly [plain: readonly SampleStyle[], alt: readonly SampleStyle[]];

/** The looks and formats of the sample rows, by 0-based column: the first sample, and the second (or the first again). */
function sampleStyles(ws: Worksheet | undefined, bulk: BulkRows): Samples {
  const read = (r: number): SampleStyle[] => {
    const styles: SampleStyle[] = [];
    ws?.getRow(r).eachCell({ includeEmpty: true }, (cell, c) => {
      styles[c - 1] = { look: cellLook(cell), format: numberFormatOf(cell) };
    });
    return styles;
  };
  const first = read(bulk.firstRow);
  return [first, (bulk.samples ?? 1) === 2 ? read(bulk.firstRow + 1) : first];
}

/** `plan` with the bulk rows in place of its sample rows (0-based rows from `start`). */
function withBulkRows(plan: SheetPlan, bulk: BulkRows, [plain, alt]: Samples): SheetPlan {
  const start = bulk.firstRow - 1;
  const sampleEnd = start + (bulk.samples ?? 1);
  const rows: PlanCell[][] = [];
  const isAlt: boolean[][] = [];
  for (const cells of bulk.rows()) {
    const row: PlanCell[] = [];
    const alts: boolean[] = [];
    cells.forEach((cell, c) => {
      const altCell = cell !== null && typeof cell === "object";
      const value = altCell ? cell.value : cell;
      row[c] = typeof value === "string" ? fitCell(value) : value;
      alts[c] = altCell;
    });
    rows.push(row);
    isAlt.push(alts);
  }
  const outsideSamples = (address: string): boolean => {
    const { start: a, end: b } = parseRange(address);
    return b.row < start || a.row >= sampleEnd;
  };
  const looks = [...(plan.looks ?? []).filter((l) => outsideSamples(l.address))];
  const cellFormats = [...(plan.cellFormats ?? []).filter((f) => outsideSamples(f.address))];
  const width = Math.max(plain.length, ...rows.map((r) => r.length));
  const segments = new Map<string, { look: CellLook; columns: number[] }>();
  for (let c = 0; c < width; c++) {
    // Runs of rows in this column that take the same sample (plain or alt).
    for (let r = 0; r < rows.length;) {
      const kind = isAlt[r]![c] === true;
      let end = r;
      while (end + 1 < rows.length && (isAlt[end + 1]![c] === true) === kind) end++;
      const style = (kind ? alt : plain)[c];
      if (style?.look) {
        const key = `${r}:${end}:${JSON.stringify(style.look)}`;
        const group = segments.get(key) ?? { look: style.look, columns: [] };
        group.columns.push(c);
        segments.set(key, group);
      }
      if (style?.format)
        for (let i = r; i <= end; i++)
          if (typeof rows[i]![c] === "number")
            cellFormats.push({ address: cellAddress(start + i, c), format: style.format });
      r = end + 1;
    }
  }
  for (const [key, { look, columns }] of segments) {
    const [r0, r1] = key.split(":").map(Number) as [number, number];
    const cells = columns.map((c) => `${columnLetter(c)}${start + r0 + 1}`);
    for (const range of joinCells(cells)) {
      const { start: a, end: b } = parseRange(range);
      looks.push({
        address: `${columnLetter(a.column)}${start + r0 + 1}:${columnLetter(b.column)}${start + r1 + 1}`,
        look,
      });
    }
  }
  return {
    ...plan,
    rows: [...plan.rows.slice(0, start), ...rows, ...plan.rows.slice(sampleEnd)],
    looks,
    cellFormats,
  };
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { consolidateReturns } from "../../src/core/consolidate/consolidate";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import { cellAddress, columnLetter, parseRange } from "../../src/office/a1";
import type { ExcelHost } from "../../src/office/excel-batch";
import { writeSheets } from "../../src/office/write-sheets";
import type { CellLook, SheetPlan } from "../../src/office/sheet-plan";
import { summarySheetPlans } from "../../src/taskpane/consolidate/summary-sheet-plans";
import { workbookToSheetPlans } from "../../src/taskpane/shell/xlsx-to-sheet-plans";
import { checkInputFile } from "../../src/xlsx/return/checked-input";
import { buildSummaryWorkbook } from "../../src/xlsx/summary/write-summary";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { fillReturn, plausibleFills } from "../consolidate/fill-return";
import { FakeExcel, newSheet } from "../office/fake-excel";

const UNITS = ["东湖区卫健委", "西湖区卫健委", "青山湖区卫健委", "南昌县卫健委"];

/** A summary of three returns (one unit missing), figures that meet and miss their targets. */
async function summaryModel() {
  const json: unknown = JSON.parse(
    readFileSync(path.join(__dirname, "../fixtures/tasklists/003_b1280b1a44e49c58.json"), "utf8"),
  );
  const list = readTaskListJson(json);
  if (!list.ok) throw new Error("fixture");
  const built = buildTemplateSpec(list.taskList, { period: "2024年上半年", units: UNITS });
  if (!built.ok) throw new Error("spec");
  const spec = built.spec;
  const inputs = await Promise.all(
    UNITS.slice(0, 3).map(async (unit, i) => {
      const bytes = await fillReturn(await renderTemplate(spec, unit), spec, plausibleFills(spec, i + 1));
      return checkInputFile(
        { file: `${unit}.xlsx`, bytes, fileTime: "2024-07-08T09:00:00", findings: [], sha256: "" },
        { today: "2024-07-10", units: UNITS },
      );
    }),
  );
  const result = consolidateReturns(inputs, { units: UNITS });
  return { model: result.summaries[0]!, findings: [...result.findings] };
}

/** Every cell's look (later looks add to earlier ones, as Office applies them) and number format. */
function perCell(plan: SheetPlan) {
  const looks = new Map<string, CellLook>();
  for (const { address, look } of plan.looks ?? []) {
    const { start, end } = parseRange(address);
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.column; c <= end.column; c++) {
        const a = cellAddress(r, c);
        looks.set(a, { ...looks.get(a), ...look });
      }
  }
  const formats = new Map((plan.cellFormats ?? []).map((f) => [f.address, f.format]));
  return { looks, formats };
}

describe("the summary's sheets for the open workbook", () => {
  test("bulk rows put into the skeleton's plans equal the whole workbook read cell by cell", async () => {
    const { model, findings } = await summaryModel();
    const options = { filledOn: "2024-07-10", findings };
    const fast = await summarySheetPlans(model, options);
    const slow = workbookToSheetPlans(await buildSummaryWorkbook(model, options));
    expect(fast.map((p) => p.name)).toEqual(slow.map((p) => p.name));
    for (const [i, plan] of fast.entries()) {
      const other = slow[i]!;
      const { looks, cellFormats, rows, ...rest } = plan;
      const { looks: otherLooks, cellFormats: otherFormats, rows: otherRows, ...otherRest } = other;
      expect([plan.name, rows]).toEqual([plan.name, otherRows]);
      expect([plan.name, rest]).toEqual([plan.name, otherRest]);
      const [a, b] = [perCell(plan), perCell(other)];
      // Cells that hold something look and read as in the whole workbook (an empty cell at the end of a short row
      // may take its column's look here).
      for (const [r, row] of rows.entries())
        for (const [c, value] of row.entries()) {
          if (value === null) continue;
          const at = cellAddress(r, c);
          expect([plan.name, at, a.looks.get(at), a.formats.get(at)]).toEqual([
            plan.name,
            at,
            b.looks.get(at),
            b.formats.get(at),
          ]);
        }
      expect(looks!.length).toBeLessThanOrEqual(Math.max(otherLooks!.length, 40));
      expect(cellFormats!.length).toBe(otherFormats!.length);
    }
    expect(fast.find((p) => p.name === "明细")!.rows.length).toBeGreaterThan(100);
    // A unit that missed a target is light red in 汇总 (the second sample row's look).
    const missed = [...perCell(fast.find((p) => p.name === "汇总")!).looks.values()];
    expect(missed.filter((l) => l.fill === "#FFC7CE").length).toBeGreaterThan(0);
  });

  test("are printed and coloured in the open workbook as in the file: pages, repeated names, 是否达标 colours", async () => {
    const { model, findings } = await summaryModel();
    const plans = await summarySheetPlans(model, { filledOn: "2024-07-10", findings });
    const fake = new FakeExcel([newSheet("Sheet1")]);
    const result = await writeSheets(fake.host("1.9") as unknown as ExcelHost, plans);
    expect(result.ok).toBe(true);
    const summary = fake.sheet("汇总")!;
    const firstUnit = columnLetter(plans.find((p) => p.name === "汇总")!.rows[1]!.indexOf(UNITS[0]!));
    expect(summary.pageLayout).toMatchObject({
      orientation: "Landscape",
      printTitleRows: "$1:$2",
      printTitleColumns: "$A:$C",
    });
    expect(summary.pageLayout["zoom"]).toEqual({ scale: expect.any(Number) });
    expect((summary.pageLayout["zoom"] as { scale: number }).scale).toBeGreaterThanOrEqual(80);
    expect(summary.pageLayout["verticalPageBreaks"]).toContain(`${firstUnit}1`);
    expect(summary.conditionalFormats.map((c) => c.formula)).toEqual(
      expect.arrayContaining(['=LEFT(S3,3)="未达标"', '=LEFT(S3,2)="达标"']),
    );
    expect(summary.conditionalFormats.find((c) => c.formula === '=LEFT(S3,3)="未达标"')!.fill).toBe(
      "#FFC7CE",
    );
  });
});

import { clearHighlights, highlightCells, selectCell } from "../../src/office/cells";
import type { ExcelHost } from "../../src/office/excel-batch";
import { readWorkbook } from "../../src/office/read-workbook";
import type { CellValue, SheetPlan } from "../../src/office/sheet-plan";
import {
  insertSheetsFromFile,
  openAsNewWorkbook,
  canInsertSheetsFromFile,
} from "../../src/office/workbook-file";
import { writeSheets } from "../../src/office/write-sheets";
import { FakeExcel, newSheet } from "./fake-excel";

const hostOf = (fake: FakeExcel, version?: string): ExcelHost => fake.host(version) as unknown as ExcelHost;

/** A summary-like sheet: a header row, then `rows` rows of unit text, a count and a rate. */
function makePlan(rows: number, overrides: Partial<SheetPlan> = {}): SheetPlan {
  const body: CellValue[][] = Array.from({ length: rows }, (_, i) => [
    `县区${i + 1}`,
    i * 3,
    (i % 100) / 100,
  ]);
  return {
    name: "汇总",
    rows: [["单位", "数量", "达标率"], ...body],
    headerRows: 1,
    numberFormats: { 2: "0.0%" },
    ...overrides,
  };
}

describe("writeSheets", () => {
  test.each([10, 2_000])("writes %i rows as whole arrays with the same three syncs", async (rows) => {
    const fake = new FakeExcel();
    const result = await writeSheets(hostOf(fake), [makePlan(rows)]);
    expect(result).toEqual({ ok: true, sheets: ["汇总"] });
    expect(fake.syncCount).toBe(3);
    expect(fake.cell("汇总", `A${rows + 1}`).value).toBe(`县区${rows}`);
    expect(fake.cell("汇总", `B${rows + 1}`).value).toBe((rows - 1) * 3);
    expect(fake.cell("汇总", "C3").numberFormat).toBe("0.0%");
    expect(fake.sheet("汇总")!.frozenRows).toBe(1);
  });

  test("text a unit typed stays text: formulas, leading zeros and numeric strings are not parsed", async () => {
    const fake = new FakeExcel();
    const rows = [
      ["=SUM(A1:A9)", "001", "+86 138", "95%", "@备注"],
      [1, 2, 3, 4, 5],
    ];
    await writeSheets(hostOf(fake), [{ name: "明细", rows }]);
    for (const [i, text] of ["=SUM(A1:A9)", "001", "+86 138", "95%", "@备注"].entries()) {
      const cell = fake.cell("明细", `${"ABCDE"[i]}1`);
      expect(cell).toMatchObject({ value: text, formula: null, numberFormat: "@" });
    }
    expect(fake.cell("明细", "A2")).toMatchObject({ value: 1, numberFormat: "General" });
  });

  test("the fake is faithful: without the text format a typed formula would become a formula", async () => {
    const fake = new FakeExcel();
    const ctx = fake.context();
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["=1+1"]];
    await ctx.sync();
    expect(fake.cell("Sheet1", "A1").formula).toBe("=1+1");
  });

  test("a sheet name already in use gets a free one; existing sheets are never overwritten", async () => {
    const existing = newSheet("汇总");
    const fake = new FakeExcel([existing]);
    const result = await writeSheets(hostOf(fake), [makePlan(3), makePlan(2, { name: "汇总" })]);
    expect(result).toEqual({ ok: true, sheets: ["汇总 (2)", "汇总 (3)"] });
    expect(existing.cells.size).toBe(0);
  });

  test("a protected workbook structure is reported, nothing written", async () => {
    const fake = new FakeExcel();
    fake.workbook.structureProtected = true;
    expect(await writeSheets(hostOf(fake), [makePlan(3)])).toEqual({
      ok: false,
      reason: "workbook_protected",
    });
    expect(fake.workbook.sheets).toHaveLength(1);
    expect(fake.syncCount).toBe(1);
  });

  test("data over Excel on the web's 5 MB request limit is split into requests that each fit", async () => {
    const fake = new FakeExcel();
    const long = "进展情况说明".repeat(60);
    const plan: SheetPlan = { name: "明细", rows: Array.from({ length: 12_000 }, (_, i) => [i, long, long]) };
    await writeSheets(hostOf(fake), [plan]);
    expect(fake.syncCount).toBeGreaterThan(3);
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(fake.cell("明细", "A12000").value).toBe(11_999);
    expect(fake.cell("明细", "C12000").value).toBe(long);
  });

  test("validation, unlocked inputs, protection, hidden sheets and the chart are written in the last sync", async () => {
    const fake = new FakeExcel();
    const plan = makePlan(5, {
      validations: [
        {
          address: "B2:B6",
          rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
          error: { title: "输入有误", message: "请填写不小于 0 的整数" },
        },
      ],
      unlocked: ["B2:B6"],
      protect: true,
      chart: { source: "A1:C6", title: "各单位达标率", anchor: "E2", type: "ColumnClustered" },
    });
    await writeSheets(hostOf(fake), [plan, { name: "_lists", rows: [["已完成"]], visibility: "VeryHidden" }]);
    const sheet = fake.sheet("汇总")!;
    expect(sheet.validations).toEqual([
      expect.objectContaining({
        address: "B2:B6",
        errorAlert: expect.objectContaining({ message: "请填写不小于 0 的整数" }),
      }),
    ]);
    expect(fake.cell("汇总", "B4").locked).toBe(false);
    expect(fake.cell("汇总", "A4").locked).toBe(true);
    expect(sheet.protected).toBe(true);
    expect(sheet.charts).toEqual([
      { type: "ColumnClustered", source: "A1:C6", title: "各单位达标率", anchor: "E2" },
    ]);
    expect(fake.sheet("_lists")!.visibility).toBe("VeryHidden");
    expect(fake.syncCount).toBe(3);
  });

  test("formulas are written as formulas; names, merges and fills follow a sheet that had to be renamed", async () => {
    const fake = new FakeExcel([newSheet("填报表"), newSheet("_lists")]);
    const entry: SheetPlan = {
      name: "填报表",
      rows: [["标题"], ["分子", "分母", "完成值"], [30, 40, { formula: 'IF(B3=0,"",A3/B3)' }]],
      merges: ["A1:C1"],
      fills: [{ address: "A3:B3", color: "#FFF2CC" }],
      names: [{ name: "rk_value", address: "$C$3" }],
      validations: [{ address: "D3", rule: { list: { inCellDropDown: true, source: "=_lists!$A$1:$A$4" } } }],
      frozenRows: 2,
    };
    const lists: SheetPlan = { name: "_lists", rows: [["已完成"], ["按计划推进"], ["滞后"], ["未启动"]] };
    const result = await writeSheets(hostOf(fake), [entry, lists]);
    expect(result).toEqual({ ok: true, sheets: ["填报表 (2)", "_lists (2)"] });
    expect(fake.cell("填报表 (2)", "C3")).toMatchObject({
      formula: '=IF(B3=0,"",A3/B3)',
      numberFormat: "General",
    });
    expect(fake.cell("填报表 (2)", "A2")).toMatchObject({ value: "分子", numberFormat: "@" });
    expect(fake.sheet("填报表 (2)")).toMatchObject({ merges: ["A1:C1"], frozenRows: 2 });
    expect(fake.cell("填报表 (2)", "B3").fill).toBe("#FFF2CC");
    expect(fake.workbook.names).toEqual([{ name: "rk_value", formula: "='填报表 (2)'!$C$3" }]);
    expect(fake.sheet("填报表 (2)")!.validations[0]!.rule).toEqual({
      list: { inCellDropDown: true, source: "='_lists (2)'!$A$1:$A$4" },
    });
    expect(fake.sheet("_lists")!.cells.size).toBe(0);
    expect(fake.syncCount).toBe(3);
  });
});

/** A protected return: 填报表 with a few values and a veryHidden identity sheet. */
function makeReturn(rows: number): FakeExcel {
  const fake = new FakeExcel([newSheet("填报表"), newSheet("_identity")]);
  const ctx = fake.context();
  const entry = ctx.workbook.worksheets.getItem("填报表");
  entry.getRange(`A1:C${rows}`).values = Array.from({ length: rows }, (_, i) => [`T${i + 1}`, i, "=B1*2"]);
  ctx.workbook.worksheets.getItem("_identity").getRange("A1:B1").values = [["templateId", "rk-1"]];
  ctx.workbook.worksheets.getItem("_identity").visibility = "VeryHidden";
  entry.protection.protect({ allowFormatColumns: true });
  fake.workbook.names.push({ name: "rk_unit", formula: "=填报表!$C$3" });
  return fake;
}

describe("readWorkbook", () => {
  test.each([5, 3_000])("reads %i rows of every sheet, hidden ones too, in three syncs", async (rows) => {
    const fake = makeReturn(rows);
    await fake.sync();
    fake.syncCount = 0;
    const snapshot = await readWorkbook(hostOf(fake));
    expect(fake.syncCount).toBe(3);
    const entry = snapshot.sheets.find((s) => s.name === "填报表")!;
    expect(entry).toMatchObject({ protected: true, origin: "A1", visibility: "Visible" });
    expect(entry.values).toHaveLength(rows);
    expect(entry.values[rows - 1]).toEqual([`T${rows}`, rows - 1, "#FORMULA(=B1*2)"]);
    expect(entry.formulas[0]![2]).toBe("=B1*2");
    expect(snapshot.sheets.find((s) => s.name === "_identity")).toMatchObject({ visibility: "VeryHidden" });
    expect(snapshot.names).toEqual([{ name: "rk_unit", formula: "=填报表!$C$3" }]);
  });
});

describe("cells", () => {
  test("selectCell activates the sheet and selects the cell; a missing sheet is false", async () => {
    const fake = makeReturn(3);
    await fake.sync();
    expect(await selectCell(hostOf(fake), { sheet: "填报表", cell: "B2" })).toBe(true);
    expect(fake.workbook).toMatchObject({ activeSheet: "填报表", selection: "填报表!B2" });
    expect(await selectCell(hostOf(fake), { sheet: "不存在", cell: "B2" })).toBe(false);
  });

  test("highlight and clear keep protection and the fills that were there, in three syncs each", async () => {
    const fake = makeReturn(40);
    await fake.sync();
    fake.sheet("填报表")!.cells.get("1,1")!.fill = "#DDEBF7";
    fake.syncCount = 0;
    const cells = Array.from({ length: 30 }, (_, i) => ({
      sheet: "填报表",
      cell: `B${i + 2}`,
      severity: "error" as const,
    }));
    cells.push({ sheet: "已删除", cell: "A1", severity: "error" });
    const record = await highlightCells(hostOf(fake), cells);
    expect(fake.syncCount).toBe(3);
    expect(fake.cell("填报表", "B2").fill).toBe("#FFC7CE");
    expect(fake.cell("填报表", "B31").fill).toBe("#FFC7CE");
    expect(record.cells).toHaveLength(30);
    expect(fake.sheet("填报表")).toMatchObject({
      protected: true,
      protectionOptions: { allowFormatColumns: true },
    });

    fake.syncCount = 0;
    await clearHighlights(hostOf(fake), record);
    expect(fake.syncCount).toBe(3);
    expect(fake.cell("填报表", "B2").fill).toBe("#DDEBF7");
    expect(fake.cell("填报表", "B3").fill).toBeNull();
    expect(fake.sheet("填报表")!.protected).toBe(true);
  });
});

describe("workbook files", () => {
  test("a new workbook opens through Excel.createWorkbook without a sync", async () => {
    const fake = new FakeExcel();
    await openAsNewWorkbook(hostOf(fake), "UEsDBA==");
    expect(fake.workbook.createdWorkbooks).toEqual(["UEsDBA=="]);
    expect(fake.syncCount).toBe(0);
  });

  test("inserting a file's sheets is feature-detected (ExcelApi 1.13) and takes one sync", async () => {
    const fake = new FakeExcel();
    expect(canInsertSheetsFromFile(hostOf(fake, "1.8"))).toBe(false);
    expect(canInsertSheetsFromFile(hostOf(fake, "1.13"))).toBe(true);
    await insertSheetsFromFile(hostOf(fake, "1.13"), "UEsDBA==");
    expect(fake.workbook.insertedFiles).toEqual(["UEsDBA=="]);
    expect(fake.syncCount).toBe(1);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import { buildWorkbookModel } from "../../src/core/template/workbook-model";
import type { ExcelHost } from "../../src/office/excel-batch";
import { IncompleteWriteError, excelErrorCode } from "../../src/office/excel-error";
import { modelToSheetPlans } from "../../src/office/render-model";
import type { SheetPlan } from "../../src/office/sheet-plan";
import { writeSheets } from "../../src/office/write-sheets";
import { FakeExcel, FakeOfficeError, newSheet } from "./fake-excel";

// A write into the open workbook is all or nothing: a template inserted a second time is refused before anything is
// written (one sync), and a write Excel refuses part way is undone (two more syncs), so the workbook is as it was.

const hostOf = (fake: FakeExcel): ExcelHost => fake.host("1.9") as unknown as ExcelHost;

/** The sheets of sample plan 000's template, as the pane inserts them. */
function templateSheets(): SheetPlan[] {
  const json: unknown = JSON.parse(
    readFileSync(path.join(__dirname, "../fixtures/tasklists/000_64af8b8e620b9456.json"), "utf8"),
  );
  const list = readTaskListJson(json);
  if (!list.ok) throw new Error("fixture task list does not read");
  const built = buildTemplateSpec(list.taskList, { period: "2024年上半年", units: ["东湖区卫健委"] });
  if (!built.ok) throw new Error("spec");
  return modelToSheetPlans(buildWorkbookModel(built.spec, null));
}

/** Everything the fake workbook holds, as plain data, to compare before and after. */
const stateOf = (fake: FakeExcel): string =>
  JSON.stringify(fake.workbook, (_, v: unknown) => (v instanceof Map ? [...v.entries()] : v));

/** A workbook with a sheet of the clerk's own, some of it typed. */
function clerksWorkbook(): FakeExcel {
  const own = newSheet("我的表");
  own.cells.set("0,0", {
    value: "已有数据", formula: null, numberFormat: "General", fill: null, bold: false, locked: true, look: {},
  }); // prettier-ignore
  return new FakeExcel([own]);
}

describe("a template inserted a second time", () => {
  test("is refused in one sync, naming what is already there, with nothing written", async () => {
    const fake = clerksWorkbook();
    const plans = templateSheets();
    const first = await writeSheets(hostOf(fake), plans);
    expect(first.ok).toBe(true);
    const before = stateOf(fake);
    fake.syncCount = 0;

    const second = await writeSheets(hostOf(fake), plans);
    expect(second).toEqual({
      ok: false,
      reason: "names_taken",
      names: expect.arrayContaining(["_rk_identity", "rk_period", "rk_unit"]),
    });
    expect(fake.syncCount).toBe(1);
    expect(stateOf(fake)).toBe(before);
    expect(fake.workbook.sheets.map((s) => s.name).filter((n) => n.includes("(2)"))).toEqual([]);
  });

  test("a name taken in another case counts as taken, as in Excel", async () => {
    const fake = clerksWorkbook();
    fake.workbook.names.push({ name: "RK_PERIOD", formula: "=我的表!$A$1" });
    const outcome = await writeSheets(hostOf(fake), templateSheets());
    expect(outcome).toEqual({ ok: false, reason: "names_taken", names: ["rk_period"] });
    expect(fake.workbook.sheets).toHaveLength(1);
  });

  test("a summary inserted twice still gets free names: only fixed names and defined names are refused", async () => {
    const fake = clerksWorkbook();
    const summary: SheetPlan = {
      name: "汇总",
      rows: [
        ["单位", "数量"],
        ["东湖区", 3],
      ],
    };
    await writeSheets(hostOf(fake), [summary]);
    expect(await writeSheets(hostOf(fake), [summary])).toEqual({ ok: true, sheets: ["汇总 (2)"] });
  });
});

describe("a write Excel refuses part way", () => {
  test.each([
    ["the values", 2, "GeneralException", 5],
    ["the formats, validation and names", 3, "InvalidArgument", 40],
    ["the last defined name", 3, "ItemAlreadyExists", Number.MAX_SAFE_INTEGER],
  ])(
    "at %s is undone: the sheets and names it added are removed and Excel's error is passed on",
    async (_, nth, code, afterOps) => {
      const fake = clerksWorkbook();
      const before = stateOf(fake);
      const plans = templateSheets();
      // MAX_SAFE_INTEGER: every operation of the sync is applied, then it fails (the names were all added).
      fake.failSync(nth, code, afterOps);
      const error: unknown = await writeSheets(hostOf(fake), plans).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FakeOfficeError);
      expect(excelErrorCode(error)).toBe(code);
      expect(stateOf(fake)).toBe(before);
      // 1 read, the values, (the finishing sync), then 2 to undo.
      expect(fake.syncCount).toBe(nth + 2);
    },
  );

  test("the undo reaches very hidden and protected sheets", async () => {
    const fake = clerksWorkbook();
    const plans = templateSheets();
    expect(plans.some((p) => p.visibility === "VeryHidden")).toBe(true);
    expect(plans.some((p) => p.protect)).toBe(true);
    fake.failSync(3, "GeneralException", Number.MAX_SAFE_INTEGER);
    await expect(writeSheets(hostOf(fake), plans)).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["我的表"]);
    expect(fake.workbook.names).toEqual([]);
  });

  test("when the undo is refused too, the error names the sheets that may be left", async () => {
    const fake = clerksWorkbook();
    fake.failSync(2, "GeneralException", 5);
    // The undo's first sync (the third in all) fails as well.
    const originalSync = fake.sync.bind(fake);
    fake.sync = async () => {
      if (fake.syncCount === 2) throw new FakeOfficeError("GeneralException", "still failing");
      return originalSync();
    };
    const error: unknown = await writeSheets(hostOf(fake), templateSheets()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IncompleteWriteError);
    expect((error as IncompleteWriteError).sheets).toEqual([
      "填报说明",
      "填报表",
      "_rk_lists",
      "_rk_identity",
    ]);
    expect(excelErrorCode((error as IncompleteWriteError).cause)).toBe("GeneralException");
  });
});

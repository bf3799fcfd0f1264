import ExcelJS from "exceljs";
import type { ExcelHost } from "../../src/office/excel-batch";
import { writeSheets } from "../../src/office/write-sheets";
import { workbookToSheetPlans } from "../../src/taskpane/shell/xlsx-to-sheet-plans";
import { FakeExcel, newSheet } from "../office/fake-excel";

/** A small template-like workbook, saved and loaded again as the pane would get it from the renderer's bytes. */
async function makeTemplateFile(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const entry = wb.addWorksheet("填报表", { views: [{ state: "frozen", ySplit: 2 }] });
  entry.mergeCells("A1:D1");
  entry.getCell("A1").value = "2024年工作要点 填报表";
  entry.getRow(2).values = ["指标", "分子", "分母", "完成值", "进展情况"];
  entry.getRow(3).values = [
    "覆盖率",
    null,
    null,
    { formula: 'IF(C3=0,"",B3/C3)' } as ExcelJS.CellFormulaValue,
    null,
  ];
  entry.getCell("D3").numFmt = "0.0%";
  for (const c of ["A2", "B2", "C2", "D2", "E2"]) entry.getCell(c).font = { bold: true };
  entry.getColumn(1).width = 20;
  for (const address of ["B3", "C3", "E3"]) {
    const cell = entry.getCell(address);
    cell.protection = { locked: false };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  }
  // exceljs has dataValidations.add at run time but not in its type declarations.
  const validations = (
    entry as unknown as { dataValidations: { add: (a: string, v: ExcelJS.DataValidation) => void } }
  ).dataValidations;
  validations.add("B3:C3", {
    type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true,
    showErrorMessage: true, errorTitle: "输入有误", error: "请填写不小于 0 的整数",
    showInputMessage: true, promptTitle: "分子", prompt: "填写整数",
  }); // prettier-ignore
  validations.add("E3", { type: "list", formulae: ["_lists!$A$1:$A$4"], allowBlank: true });
  await entry.protect("", { formatColumns: true });
  const lists = wb.addWorksheet("_lists", { state: "hidden" });
  ["已完成", "按计划推进", "滞后", "未启动"].forEach((s, i) => (lists.getCell(`A${i + 1}`).value = s));
  const identity = wb.addWorksheet("_rk_identity", { state: "veryHidden" });
  identity.getRow(1).values = ["templateId", "rk-0001"];
  identity.getRow(2).values = ["spec", '{"kind":"report-kit/template"}'];
  wb.definedNames.add("'_rk_identity'!$B$1", "rk_templateId");
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(await wb.xlsx.writeBuffer());
  return loaded;
}

describe("a rendered workbook inserted as sheets of the open one (ExcelApi 1.8 path)", () => {
  test("values, formulas, validation, inputs, protection, hidden sheets and names arrive, in three syncs", async () => {
    const plans = workbookToSheetPlans(await makeTemplateFile());
    expect(plans.map((p) => [p.name, p.visibility])).toEqual([
      ["填报表", "Visible"], ["_lists", "Hidden"], ["_rk_identity", "VeryHidden"],
    ]); // prettier-ignore

    const fake = new FakeExcel([newSheet("填报表")]); // a sheet of that name is already there
    const result = await writeSheets(fake.host() as unknown as ExcelHost, plans);
    expect(result).toEqual({ ok: true, sheets: ["填报表 (2)", "_lists", "_rk_identity"] });
    expect(fake.syncCount).toBe(3);

    const at = (cell: string) => fake.cell("填报表 (2)", cell);
    expect(at("A1")).toMatchObject({ value: "2024年工作要点 填报表", numberFormat: "@" });
    expect(at("D3")).toMatchObject({ formula: '=IF(C3=0,"",B3/C3)', numberFormat: "0.0%" });
    expect([at("B3").locked, at("E3").locked, at("A3").locked]).toEqual([false, false, true]);
    expect(at("B3").fill).toBe("#FFF2CC");
    expect([at("A2").bold, at("E2").bold, at("A3").bold]).toEqual([true, true, false]);
    const sheet = fake.sheet("填报表 (2)")!;
    expect(sheet).toMatchObject({ protected: true, frozenRows: 2, merges: ["A1:D1"] });
    expect(sheet.validations).toEqual(
      expect.arrayContaining([
        {
          address: "B3:C3",
          rule: { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
          prompt: { showPrompt: true, title: "分子", message: "填写整数" },
          errorAlert: { showAlert: true, style: "Stop", title: "输入有误", message: "请填写不小于 0 的整数" },
        },
        { address: "E3", rule: { list: { inCellDropDown: true, source: "=_lists!$A$1:$A$4" } } },
      ]),
    );
    expect(fake.cell("_rk_identity", "B2").value).toBe('{"kind":"report-kit/template"}');
    expect(fake.sheet("_rk_identity")!.visibility).toBe("VeryHidden");
    expect(fake.workbook.names).toEqual([{ name: "rk_templateId", formula: "='_rk_identity'!$B$1" }]);
  });
});

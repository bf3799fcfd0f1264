import { readFileSync } from "node:fs";
import path from "node:path";
import { checkReturn } from "../../src/core/check/check-return";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import type { TemplateSpec } from "../../src/core/template/spec";
import { buildWorkbookModel } from "../../src/core/template/workbook-model";
import type { ExcelHost } from "../../src/office/excel-batch";
import { readOpenReturn } from "../../src/office/read-return";
import { modelToSheetPlans } from "../../src/office/render-model";
import { writeSheets } from "../../src/office/write-sheets";
import { FakeExcel, newSheet } from "./fake-excel";

/** The template of a sample plan, as the core builds it. */
function makeSpec(fixture = "000_64af8b8e620b9456.json"): TemplateSpec {
  const json: unknown = JSON.parse(
    readFileSync(path.join(__dirname, "../fixtures/tasklists", fixture), "utf8"),
  );
  const list = readTaskListJson(json);
  if (!list.ok) throw new Error("fixture task list does not read");
  const built = buildTemplateSpec(list.taskList, {
    period: "2024年上半年",
    units: ["东湖区卫健委", "西湖区卫健委"],
  });
  if (!built.ok) throw new Error(JSON.stringify(built.findings));
  return built.spec;
}

const hostOf = (fake: FakeExcel, version = "1.8"): ExcelHost => fake.host(version) as unknown as ExcelHost;

describe("a template written into the open workbook by the Office adapter", () => {
  test("renders every sheet of the core's workbook model in three syncs, with inputs, validation and protection", async () => {
    const spec = makeSpec();
    const model = buildWorkbookModel(spec, "东湖区卫健委");
    const fake = new FakeExcel([newSheet("Sheet1")]);
    const result = await writeSheets(hostOf(fake, "1.9"), modelToSheetPlans(model));
    expect(result).toEqual({ ok: true, sheets: model.sheets.map((s) => s.name) });
    expect(fake.syncCount).toBe(3);

    const entry = model.sheets.find((s) => s.name === spec.layout.entrySheet)!;
    const written = fake.sheet(entry.name)!;
    expect(written.protected).toBe(true);
    expect(written.validations.length).toBeGreaterThan(0);
    for (const cell of entry.cells) {
      const got = fake.cell(entry.name, cell.address);
      if (cell.formula) expect(got.formula).toBe(`=${cell.formula}`);
      else if (typeof cell.value === "string")
        expect(got).toMatchObject({ value: cell.value, numberFormat: "@" });
      else if (typeof cell.value === "number") expect(got.value).toBe(cell.value);
      expect(got.locked).toBe(cell.style !== "input" && cell.style !== "inputDate");
    }
    expect(written.conditionalFormats.map((c) => c.formula)).toEqual(
      expect.arrayContaining([expect.stringMatching(/="达标"$/)]),
    );
    expect(written.pageLayout).toMatchObject({ orientation: "Landscape" });
    expect(fake.sheet(spec.layout.identitySheet)!.visibility).toBe("VeryHidden");
    expect(fake.workbook.names.map((n) => n.name).sort()).toEqual(
      model.definedNames.map((n) => n.name).sort(),
    );
  });

  test("the same check engine reads it back as a return: identity, unit and every row found, in three syncs", async () => {
    const spec = makeSpec();
    const fake = new FakeExcel([]);
    await writeSheets(hostOf(fake), modelToSheetPlans(buildWorkbookModel(spec, "东湖区卫健委")));
    fake.syncCount = 0;
    const unitReturn = await readOpenReturn(hostOf(fake), "当前工作簿");
    expect(fake.syncCount).toBe(3);
    const result = checkReturn(unitReturn, null, { today: "2024-07-05" });
    expect(result.identity).toMatchObject({ templateId: spec.templateId, unit: "东湖区卫健委" });
    expect(result.findings.map((f) => f.code)).not.toContain("check.not_our_template");
    expect(result.findings.map((f) => f.code)).not.toContain("check.identity_damaged");
    // A blank return: every target row is reported as missing a value, at a cell of its own row on the entry sheet.
    const missing = result.findings.filter((f) => f.code === "check.missing_value");
    const targetKeys = spec.rows.filter((r) => r.kind === "target").map((r) => r.key);
    const keysOf = missing.map((f) => (f.location.kind === "cell" ? f.location.key : null));
    expect(new Set(keysOf)).toEqual(new Set(targetKeys));
    for (const f of missing)
      expect(f.location).toMatchObject({ kind: "cell", sheet: spec.layout.entrySheet });
  });

  test("a figure a clerk typed outside its target range is found at its cell", async () => {
    const spec = makeSpec();
    const fake = new FakeExcel([]);
    await writeSheets(hostOf(fake), modelToSheetPlans(buildWorkbookModel(spec, "东湖区卫健委")));
    const { entrySheet, keyColumn, columns } = spec.layout;
    const row = [...fake.sheet(entrySheet)!.cells.entries()].find(
      ([k, c]) => k.endsWith(",0") && c.value === "T9.1" && keyColumn === "A",
    )![0];
    const cell = `${columns.value}${Number(row.split(",")[0]) + 1}`;
    const context = fake.context();
    context.workbook.worksheets.getItem(entrySheet).getRange(cell).values = [[2]]; // the target is 3-5次
    await context.sync();
    const result = checkReturn(await readOpenReturn(hostOf(fake), "当前工作簿"), null, {
      today: "2024-07-05",
    });
    const atCell = result.findings.filter((f) => f.location.kind === "cell" && f.location.cell === cell);
    expect(atCell.map((f) => [f.code, f.severity])).toEqual([["check.outside_range", "warning"]]);
    expect(result.entries.find((e) => e.key === "T9.1" && e.field === "value")).toMatchObject({
      value: 2,
      cell,
    });
  });
});

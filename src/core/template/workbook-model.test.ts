import { buildTemplateSpec } from "./build-spec";
import { rowInputFields } from "./row-fields";
import { CELL_STYLES } from "./sheet-model";
import type { TemplateSpec } from "./spec";
import { makeTarget, makeTask, makeTaskList } from "./test-builders";
import { buildWorkbookModel } from "./workbook-model";

const long = "县域医共体内各成员单位统一开展的检查检验结果互认".repeat(8);
const built = buildTemplateSpec(
  makeTaskList({
    tasks: [makeTask(), makeTask({ id: "2", title: long })],
    targets: [
      makeTarget(),
      makeTarget({ task: "2", indicator: long, unitOfMeasure: "家", op: "between", min: 3, max: 5 } as never),
    ],
  }),
  { period: "2024年上半年", units: Array.from({ length: 60 }, (_, i) => `第${i + 1}人民医院`) },
);
const spec = (built.ok ? built.spec : null) as TemplateSpec;

describe("buildWorkbookModel", () => {
  const blank = buildWorkbookModel(spec, null);
  const entry = blank.sheets.find((s) => s.name === spec.layout.entrySheet);
  const styleAt = (address: string) => entry?.cells.find((c) => c.address === address)?.style;

  it("keeps the unit list for the blank template's dropdown only: a personalised copy has its unit filled in", () => {
    const lists = (unit: string | null) =>
      buildWorkbookModel(spec, unit).sheets.find((s) => s.name === spec.layout.listsSheet)!.cells;
    expect(
      lists(null)
        .filter((c) => c.address.startsWith("B"))
        .map((c) => c.value),
    ).toEqual(spec.units);
    expect(lists("第1人民医院").map((c) => c.value)).toEqual(["已完成", "按计划推进", "滞后", "未启动"]);
  });

  it("has the four sheets with their visibility", () => {
    expect(blank.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["填报说明", "visible"],
      ["填报表", "visible"],
      ["_rk_lists", "hidden"],
      ["_rk_identity", "veryHidden"],
    ]);
  });

  it("unlocks and validates exactly the input cells of every row", () => {
    const L = spec.layout;
    const validated = new Set(entry?.dataValidations.map((v) => v.range));
    spec.rows.forEach((row, i) => {
      for (const [field, col] of Object.entries(L.columns)) {
        const address = `${col}${L.firstDataRow + i}`;
        const style = styleAt(address);
        const input = rowInputFields(row).includes(field as never);
        expect([address, style && !CELL_STYLES[style].locked, validated.has(address)]).toEqual([
          address,
          input,
          input,
        ]);
      }
    });
  });

  it("keeps Excel's limits: prompt titles ≤ 32, messages ≤ 255, formulas ≤ 255, no inline lists", () => {
    for (const v of entry?.dataValidations ?? []) {
      expect(v.prompt.title.length).toBeLessThanOrEqual(32);
      expect(v.error.title.length).toBeLessThanOrEqual(32);
      expect(v.prompt.message.length).toBeLessThanOrEqual(255);
      expect(v.error.message.length).toBeLessThanOrEqual(255);
      for (const f of v.formulas) expect(f.length).toBeLessThanOrEqual(255);
      if (v.type === "list") expect(v.formulas[0]).toMatch(/^'_rk_lists'!\$[AB]\$1:\$[AB]\$\d+$/);
    }
  });

  it("pre-fills and locks 填报单位 in a copy, offers the unit list in the blank template", () => {
    const unitCell = spec.layout.headerCells.unit ?? "";
    const copy = buildWorkbookModel(spec, "第3人民医院").sheets[1];
    expect(copy?.cells.find((c) => c.address === unitCell)).toEqual({
      address: unitCell,
      value: "第3人民医院",
      style: "info",
    });
    expect(copy?.dataValidations.some((v) => v.range === unitCell)).toBe(false);
    expect(entry?.dataValidations.find((v) => v.range === unitCell)?.formulas).toEqual([
      "'_rk_lists'!$B$1:$B$60",
    ]);
  });

  it("gives long wrapped texts taller rows", () => {
    const heights = entry?.rowHeights ?? {};
    const first = spec.layout.firstDataRow;
    expect(heights[first + 2] ?? 0).toBeGreaterThan(heights[first] ?? 0);
  });

  it("says how figures are typed in 填报说明", () => {
    const text = blank.sheets[0]?.cells.map((c) => c.value).join("\n") ?? "";
    expect(text).toContain("95% 填 95");
    expect(text).toContain("不适用");
    expect(text).toContain(spec.templateId);
  });
});

import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { SCOPE_NAMES, SCOPE_SET_BY_HAND } from "../../src/core/plan/target-meaning";
import type { Scope, Target } from "../../src/core/plan/types";
import type { TemplateSpec } from "../../src/core/template/spec";
import { readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import type { FakeExcel } from "../office/fake-excel";
import { seedPlan, startHarness, type Harness } from "./harness";

// The review list in the built task pane (Debian's Chromium, the host shim over the fake Excel): each target
// shows whom it applies to and why, the clerk changes the scope and the roll-up method, and the template the
// pane creates carries that choice in its stored spec and in the 目标 cell.
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => harness?.close());

// Sample plan 000: 重症医学科人员培训次数 3-5次 (each unit holds the trainings; summed) and 新增互联网医院数 1-2家
// (“我市”: the city's goal; summed).
const PLAN = seedPlan("000_64af8b8e620b9456.txt");
const TRAINING = "重症医学科人员培训次数";
const HOSPITALS = "新增互联网医院数";
const parsed = (indicator: string): Target =>
  parsePlan(PLAN).taskList.targets.find((t) => t.indicator === indicator)!;

const pageErrors = (page: Page): string[] => (page as unknown as { pageErrors: string[] }).pageErrors;
const editorOf = (page: Page, indicator: string): Locator =>
  page.getByRole("group", { name: new RegExp(`${indicator}$`) });

/** What the editor of a target shows: the chosen scope and method (value and text) and the scope's description. */
async function shown(editor: Locator) {
  const scope = editor.getByLabel(/^(适用范围|Applies to)$/);
  const method = editor.getByLabel(/^(汇总方式|Roll-up)$/);
  const selectedText = (l: Locator) =>
    l.evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
  return {
    scope: await scope.inputValue(),
    scopeText: await selectedText(scope),
    // The reason is the scope field's hint, which Fluent ties to the select as its accessible description.
    reason: await scope.evaluate((e) =>
      (e.getAttribute("aria-describedby") ?? "")
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ")
        .trim(),
    ),
    method: await method.inputValue(),
    methodText: await selectedText(method),
  };
}

/** The created workbook's spec rows of the two targets, and the text of their 目标 cells in 填报表. */
async function readCreated(base64: string) {
  const bytes = new Uint8Array(Buffer.from(base64, "base64"));
  const identity = await readTemplateIdentity(bytes, "new.xlsx");
  if (!identity.ok) throw new Error("the created workbook carries no identity");
  const rows = identity.spec.rows.flatMap((r) => (r.kind === "target" ? [r] : []));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("填报表")!;
  const goalColumn = findHeaderColumn(sheet, "目标");
  const goalCell = (key: string): string => {
    let text = "";
    sheet.eachRow((row) => {
      if (row.getCell(1).text === key) text = row.getCell(goalColumn).text;
    });
    return text;
  };
  const of = (indicator: string) => {
    const row = rows.find((r) => r.target.indicator === indicator)!;
    return { row, goalCell: goalCell(row.key) };
  };
  return { spec: identity.spec, training: of(TRAINING), hospitals: of(HOSPITALS) };
}

function findHeaderColumn(sheet: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= 10; r++)
    for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getCell(r, c).text === header) return c;
  throw new Error(`no ${header} column in ${sheet.name}`);
}

const targetRowKey = (spec: TemplateSpec, indicator: string): string =>
  spec.rows.find((r) => r.kind === "target" && r.target.indicator === indicator)!.key;

describe("scope and roll-up method in the review list", () => {
  test("the clerk changes them (mouse and keyboard); the created template carries them, as the screen shows", async () => {
    const page = await harness.open();
    await page.getByLabel("工作要点全文").fill(PLAN);
    await page.getByRole("button", { name: "识别任务和指标" }).click();
    const training = editorOf(page, TRAINING);
    const hospitals = editorOf(page, HOSPITALS);
    await training.waitFor();

    // As read from the plan: the scope, its reason in Chinese, and the method.
    await expect(shown(training)).resolves.toEqual({
      scope: "each",
      scopeText: "每单位：每个单位都应达到",
      reason: `判断依据：${parsed(TRAINING).scopeReason.zh}`,
      method: "sum",
      methodText: "合计（各单位相加）",
    });
    await expect(shown(hospitals)).resolves.toMatchObject({
      scope: "total",
      reason: "判断依据：“我市”：全区域整体目标",
      method: "sum",
    });

    // The city's new internet hospitals become a goal for each unit, with the mouse.
    await hospitals.getByLabel("适用范围").selectOption("each");
    // The trainings become an area total and a mean, with the keyboard only: Tab from the unit-of-measure field
    // reaches the scope (after the two range fields), then the method; arrows change a native select.
    await training.getByLabel("计量单位").focus();
    await page.keyboard.press("Tab"); // 下限
    await page.keyboard.press("Tab"); // 上限
    await page.keyboard.press("Tab");
    await expect(training.getByLabel("适用范围").evaluate((e) => e === document.activeElement)).resolves.toBe(
      true,
    );
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");

    const byHand = `判断依据：${SCOPE_SET_BY_HAND.zh}`;
    const onScreen = { training: await shown(training), hospitals: await shown(hospitals) };
    expect(onScreen.training).toEqual({
      scope: "total",
      scopeText: "全区域：全区域整体目标",
      reason: byHand,
      method: "mean",
      methodText: "平均值（不相加）",
    });
    expect(onScreen.hospitals).toMatchObject({ scope: "each", reason: byHand, method: "sum" });

    // The template in a new workbook: its stored spec and its 目标 cells have the clerk's choice.
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    await page.getByRole("button", { name: "在新工作簿中生成模板" }).click();
    await page.getByText("模板已在新工作簿中打开。").waitFor();
    const createdFiles = await page.evaluate(
      () => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.workbook.createdWorkbooks,
    );
    expect(createdFiles).toHaveLength(1);
    const created = await readCreated(createdFiles[0]!);
    expect(created.training.row.target).toMatchObject({
      op: "between",
      min: 3,
      max: 5,
      scope: "total",
      scopeReason: SCOPE_SET_BY_HAND,
      method: "mean",
    });
    expect(created.hospitals.row.target).toMatchObject({
      scope: "each",
      scopeReason: SCOPE_SET_BY_HAND,
      method: "sum",
    });
    // The 目标 cell shows the target with the name of its scope (where the name goes is build-spec's business).
    expect(created.training.goalCell).toBe(created.training.row.targetLabel);
    expect(created.hospitals.goalCell).toBe(created.hospitals.row.targetLabel);
    expect(created.training.goalCell).toContain("3-5次");
    expect(created.hospitals.goalCell).toContain("1-2家");
    // What the screen shows is what the template says: the chosen option's text starts with the scope's name
    // that the 目标 cell carries, and only that one.
    for (const [screen, cell] of [
      [onScreen.training, created.training.goalCell],
      [onScreen.hospitals, created.hospitals.goalCell],
    ] as const) {
      const name = SCOPE_NAMES[screen.scope as Scope].zh;
      const other = SCOPE_NAMES[screen.scope === "each" ? "total" : "each"].zh;
      expect(screen.scopeText.startsWith(`${name}：`)).toBe(true);
      expect(cell).toContain(name);
      expect(cell).not.toContain(other);
    }
    expect(created.training.goalCell).toContain(SCOPE_NAMES.total.zh);
    expect(created.hospitals.goalCell).toContain(SCOPE_NAMES.each.zh);

    // The same choice in sheets written into the open workbook by the Office adapter.
    await page.getByRole("button", { name: "作为工作表插入当前工作簿" }).click();
    await page.getByText(/模板已生成：/).waitFor();
    const inserted = await page.evaluate(
      ({ keys }) => {
        const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
        const sheet = fake.sheet("填报表")!;
        const cells = [...sheet.cells.entries()];
        const header = cells.find(([, c]) => c.value === "目标")![0].split(",")[1];
        return keys.map((key) => {
          const row = cells.find(([k, c]) => k.endsWith(",0") && c.value === key)![0].split(",")[0];
          return sheet.cells.get(`${row},${header}`)?.value;
        });
      },
      { keys: [targetRowKey(created.spec, TRAINING), targetRowKey(created.spec, HOSPITALS)] },
    );
    expect(inserted).toEqual([created.training.goalCell, created.hospitals.goalCell]);
    expect(pageErrors(page)).toEqual([]);
  });

  test("in English the scope, its reason and the methods are in English", async () => {
    const page = await harness.open("?lang=en-US");
    await page.getByLabel("Plan text").fill(PLAN);
    await page.getByRole("button", { name: "Find tasks and targets" }).click();
    const hospitals = editorOf(page, HOSPITALS);
    await hospitals.waitFor();
    await expect(shown(hospitals)).resolves.toEqual({
      scope: "total",
      scopeText: "area total: the area as a whole",
      reason: `Why: ${parsed(HOSPITALS).scopeReason.en}`,
      method: "sum",
      methodText: "sum (units added up)",
    });
    await hospitals.getByLabel("Applies to").selectOption("each");
    await expect(shown(hospitals)).resolves.toMatchObject({ scope: "each", reason: "Why: set by hand" });
    expect(pageErrors(page)).toEqual([]);
  });
});

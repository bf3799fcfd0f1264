import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import type { TemplateSpec } from "../../src/core/template/spec";
import { readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { run } from "../cli/run-cli";
import { fillReturn, plausibleFills } from "../consolidate/fill-return";
import { seedPlan, startHarness, type Harness } from "./harness";

// The Template tab with the previous period's summary (Debian's Chromium, the host shim over the fake Excel): each
// unit's copy in the zip shows its own 上半年 figures, as `template --previous` writes them; a summary of a period
// that is not earlier is refused in words.
let harness: Harness;
const dir = mkdtempSync(path.join(tmpdir(), "rk-e2e-previous-"));
const PLAN = seedPlan("000_64af8b8e620b9456.txt");
const UNITS = ["东湖区卫健委", "西湖区卫健委"];
const RATE = "三级公立医院公共卫生首席专家设置率";

function specFor(period: string): TemplateSpec {
  const built = buildTemplateSpec(parsePlan(PLAN).taskList, { period, units: UNITS });
  if (!built.ok) throw new Error("spec");
  return built.spec;
}
const rateKey = (spec: TemplateSpec) =>
  spec.rows.find((r) => r.kind === "target" && r.target.indicator === RATE)!.key;

beforeAll(async () => {
  // 上半年: both units report (西湖区 a rate of 45/60), consolidated by the CLI's code.
  const half = specFor("2024年上半年");
  for (const [i, unit] of UNITS.entries()) {
    const fills = [
      ...plausibleFills(half, i + 1),
      { key: rateKey(half), field: "numerator" as const, value: 45 },
      { key: rateKey(half), field: "denominator" as const, value: 60 },
    ];
    writeFileSync(
      path.join(dir, `${unit}.xlsx`),
      await fillReturn(await renderTemplate(half, unit), half, fills),
    );
  }
  const r = await run(["consolidate", dir, "-o", path.join(dir, "out", "汇总.xlsx"), "--workers", "1"]);
  expect(r.code).toBeLessThan(2);
  harness = await startHarness();
}, 180_000);
afterAll(async () => {
  await harness?.close();
  rmSync(dir, { recursive: true, force: true });
});

const pageErrors = (page: Page): string[] => (page as unknown as { pageErrors: string[] }).pageErrors;

describe("template creation with the previous period's summary", () => {
  test("each unit's copy shows its own previous figures; a period not later than the summary's is refused", async () => {
    const page = await harness.open();
    await page.getByLabel("工作要点全文").fill(PLAN);
    await page.getByRole("button", { name: "识别任务和指标" }).click();
    await page.getByLabel(/^报告期/).fill("2024年度");
    await page.getByRole("tabpanel").getByLabel("填报单位名录").fill(UNITS.join("\n"));
    await page.getByTestId("previous-file").setInputFiles({
      name: "上半年汇总.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: readFileSync(path.join(dir, "out", "汇总.xlsx")),
    });
    await page.getByText("上期 2024年上半年：2 个单位有上期值").waitFor();

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载各单位模板 (.zip)" }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const copy = Object.entries(zip).find(([name]) => name.includes("西湖区卫健委"))![1];
    const identity = await readTemplateIdentity(copy, "copy.xlsx");
    if (!identity.ok) throw new Error("the copy carries no identity");
    const spec = identity.spec;
    // The same template as without the previous period (its id), and the period before it carries.
    expect(spec.templateId).toBe(specFor("2024年度").templateId);
    expect(spec.previous?.period.label).toBe("2024年上半年");
    expect(identity.identity.previous?.[rateKey(spec)]).toEqual({
      value: 75,
      numerator: 45,
      denominator: 60,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(copy) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("填报表")!;
    const P = spec.layout.previousColumns!;
    let row = 0;
    ws.eachRow((r, n) => (r.getCell(spec.layout.keyColumn).value === rateKey(spec) ? (row = n) : undefined));
    expect(
      [P.numerator, P.denominator, P.value].map((c) => ws.getCell(`${c}${spec.layout.headerRow}`).value),
    ).toEqual(["上期分子", "上期分母", "上期值"]);
    expect([P.numerator, P.denominator, P.value].map((c) => ws.getCell(`${c}${row}`).value)).toEqual([
      45, 60, 75,
    ]);

    // 上半年 cannot follow its own summary: said in words, nothing downloaded.
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    await page.getByRole("button", { name: "下载各单位模板 (.zip)" }).click();
    await page
      .getByText(/不能用“上半年汇总\.xlsx”作为上期汇总表：其报告期 2024年上半年 不早于本期 2024年上半年/)
      .waitFor();
    expect(pageErrors(page)).toEqual([]);
  }, 120_000);
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import type { Page } from "playwright-core";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import { readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { fillReturn, plausibleFills } from "../consolidate/fill-return";
import type { FakeExcel } from "../office/fake-excel";
import { docsPath, seedPlan, startHarness, type Harness } from "./harness";

// The built task pane in Debian's Chromium, outside Office: a host shim stands in for office.js over the same
// fake Excel the adapter tests use. One browser for the whole file.
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => harness?.close());

const PLAN = seedPlan("000_64af8b8e620b9456.txt");
const fakeIn = (page: Page) =>
  page.evaluate(() => {
    const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
    return {
      syncs: fake.syncCount,
      created: fake.workbook.createdWorkbooks.length,
      sheets: fake.workbook.sheets.map((s) => s.name),
    };
  });
/** Waits (up to 5 s) until `read` gives `expected`, then asserts it. */
async function poll<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let got = await read();
  for (let i = 0; i < 50 && got !== expected; i++) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  expect(got).toBe(expected);
}
const pageErrors = (page: Page): string[] => (page as unknown as { pageErrors: string[] }).pageErrors;

const xmlEscape = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A minimal .docx, one paragraph per line, as Word stores it. */
function makeDocx(lines: readonly string[]): Buffer {
  const body = lines
    .map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(l)}</w:t></w:r></w:p>`)
    .join("");
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return Buffer.from(
    zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
      ),
    }),
  );
}

describe("task pane in a browser", () => {
  test("flow 1: paste a plan, review and edit the task list, set period and units, create the template", async () => {
    const page = await harness.open();
    const expected = parsePlan(PLAN).taskList;
    expect(expected.targets.length).toBeGreaterThan(2);

    await page.getByLabel("工作要点全文").fill(PLAN);
    await page.getByRole("button", { name: "识别任务和指标" }).click();
    const heading = page.getByRole("heading", { name: /任务清单/ });
    await expect(heading.textContent()).resolves.toBe(
      `任务清单：${expected.tasks.length} 项任务，${expected.targets.length} 个量化指标`,
    );
    const targets = page.getByTestId("target");
    expect(await targets.count()).toBe(expected.targets.length);

    // Fix an operator and its values: the first target becomes a range.
    const first = targets.first();
    await first.getByLabel("运算符").selectOption("between");
    await first.getByLabel("下限").fill("80");
    await first.getByLabel("上限").fill("90");
    await expect(first.getByLabel("下限").inputValue()).resolves.toBe("80");
    // Remove a false target, then add a missing one to the first task.
    await targets
      .nth(1)
      .getByRole("button", { name: /删除指标/ })
      .click();
    expect(await targets.count()).toBe(expected.targets.length - 1);
    await page
      .getByRole("button", { name: /添加指标/ })
      .first()
      .click();
    expect(await targets.count()).toBe(expected.targets.length);
    await expect(heading.textContent()).resolves.toContain(`${expected.targets.length} 个量化指标`);
    await heading.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -60));
    await page.screenshot({ path: docsPath("taskpane-plan.png") });

    // Bad options come back from the template core as findings that name the problem and the row.
    await page.getByLabel(/^报告期/).fill("明年");
    await page.getByRole("tabpanel").getByLabel("填报单位名录").fill("东湖区卫健委\n东湖区卫健委\n");
    await page.getByRole("button", { name: "在新工作簿中生成模板" }).click();
    const errors = page.getByTestId("findings-error");
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toMatch(/无法识别报告期“明年”[\s\S]*第 2 行/);

    await page.getByLabel(/^报告期/).fill("2024年上半年");
    await page
      .getByRole("tabpanel")
      .getByLabel("填报单位名录")
      .fill("东湖区卫健委\n西湖区卫健委\n南昌县卫健委\n");
    await expect(page.getByText("共 3 个单位").count()).resolves.toBe(1);
    await page.screenshot({ path: docsPath("taskpane-create.png") });

    // 1. A new workbook: Excel.createWorkbook gets the exceljs-rendered file, which carries the edited list.
    await page.getByRole("button", { name: "在新工作簿中生成模板" }).click();
    await errors.waitFor({ state: "detached" });
    await page.getByText("模板已在新工作簿中打开。").waitFor();
    const created = await page.evaluate(
      () => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.workbook.createdWorkbooks,
    );
    expect(created).toHaveLength(1);
    const identity = await readTemplateIdentity(
      new Uint8Array(Buffer.from(created[0]!, "base64")),
      "new.xlsx",
    );
    if (!identity.ok) throw new Error("the created workbook carries no identity");
    expect(identity.identity).toMatchObject({ period: "2024年上半年", unit: null });
    const specTargets = identity.spec.rows.flatMap((r) => (r.kind === "target" ? [r.target] : []));
    expect(specTargets).toHaveLength(expected.targets.length);
    expect(specTargets).toContainEqual(expect.objectContaining({ op: "between", min: 80, max: 90 }));
    expect(specTargets).toContainEqual(expect.objectContaining({ indicator: "新指标", op: ">=", value: 0 }));
    expect(identity.spec.units).toEqual(["东湖区卫健委", "西湖区卫健委", "南昌县卫健委"]);

    // 2. Sheets of the open workbook, written by the Office adapter from the same model, in three syncs.
    const before = await fakeIn(page);
    await page.getByRole("button", { name: "作为工作表插入当前工作簿" }).click();
    await page.getByText(/模板已生成：填报说明、填报表/).waitFor();
    const after = await fakeIn(page);
    expect(after.sheets).toEqual(["Sheet1", "填报说明", "填报表", "_rk_lists", "_rk_identity"]);
    expect(after.syncs - before.syncs).toBe(3);

    // 3. Every unit's copy in a zip, downloaded.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载各单位模板 (.zip)" }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const suffixes = Object.keys(zip).map((name) => /-([^-]+)\.xlsx$/.exec(name)?.[1]);
    expect(suffixes.sort()).toEqual(["模板", "东湖区卫健委", "西湖区卫健委", "南昌县卫健委"].sort());
    const copy = Object.entries(zip).find(([name]) => name.includes("西湖区卫健委"))![1];
    const copyIdentity = await readTemplateIdentity(copy, "copy.xlsx");
    expect(copyIdentity.ok && copyIdentity.identity.unit).toBe("西湖区卫健委");
    expect(pageErrors(page)).toEqual([]);
  });

  test("a .docx plan opened from the file picker is decoded in the browser (mammoth, loaded on first use)", async () => {
    const page = await harness.open();
    const lines = PLAN.split(/\r?\n/).filter((l) => l.trim());
    const expected = parsePlan(lines.join("\n")).taskList;
    await page.getByTestId("plan-file").setInputFiles({
      name: "工作要点.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: makeDocx(lines),
    });
    const heading = page.getByRole("heading", { name: /任务清单/ });
    await expect(heading.textContent()).resolves.toBe(
      `任务清单：${expected.tasks.length} 项任务，${expected.targets.length} 个量化指标`,
    );
    await expect(page.getByLabel("工作要点全文").inputValue()).resolves.toContain(lines[5]!.slice(0, 20));
    expect(pageErrors(page)).toEqual([]);
  });

  test("a PDF plan and an old Word .doc plan opened from the file picker are read in the browser (pdf.js, word-extractor)", async () => {
    const expected = parsePlan(PLAN).taskList;
    const heading = `任务清单：${expected.tasks.length} 项任务，${expected.targets.length} 个量化指标`;
    // The plan printed by this Chromium: A4, paragraphs indented, page numbers in the footer.
    const printer = await harness.browser.newPage();
    const paragraphs = PLAN.split(/\r?\n/).map((l) => `<p>${xmlEscape(l) || "&nbsp;"}</p>`);
    await printer.setContent(
      `<html><body style="font:16pt/1.5 'Noto Serif CJK SC'"><style>p{margin:0;text-indent:2em}</style>${paragraphs.join("")}</body></html>`,
    );
    const pdf = await printer.pdf({
      format: "A4",
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate:
        '<div style="font-size:10pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
      margin: { top: "25mm", bottom: "25mm", left: "26mm", right: "26mm" },
    });
    await printer.close();
    // The same plan saved as Word 97-2003 by LibreOffice.
    const dir = mkdtempSync(path.join(tmpdir(), "rk-e2e-doc-"));
    writeFileSync(path.join(dir, "plan.txt"), PLAN);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/lo`,
        "--headless",
        "--convert-to",
        "doc",
        "--outdir",
        dir,
        path.join(dir, "plan.txt"),
      ],
      { timeout: 120_000, stdio: "ignore" },
    );
    for (const [name, mimeType, buffer] of [
      ["工作要点.pdf", "application/pdf", pdf],
      ["工作要点.doc", "application/msword", readFileSync(path.join(dir, "plan.doc"))],
    ] as const) {
      const page = await harness.open();
      // pdf.js is not loaded with the pane, only when a PDF is picked.
      const pdfjsLoaded = () =>
        (page as unknown as { requests: string[] }).requests.some((u) => /\/chunks\/pdf[.-]/.test(u));
      expect(pdfjsLoaded()).toBe(false);
      await page.getByTestId("plan-file").setInputFiles({ name, mimeType, buffer });
      // (The heading, or the findings that say why there is none.)
      const shown = page.getByRole("heading", { name: /任务清单/ }).or(page.getByTestId("findings-error"));
      await expect(shown.textContent().then((t) => [name, t])).resolves.toEqual([name, heading]);
      expect([name, pdfjsLoaded()]).toEqual([name, name.endsWith(".pdf")]);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    }
  }, 180_000);

  test("a scanned PDF plan is refused in the pane with the finding, in Chinese", async () => {
    const printer = await harness.browser.newPage();
    await printer.setContent(
      `<canvas id="c" width="600" height="200"></canvas><script>document.getElementById("c").getContext("2d").fillRect(10, 10, 300, 100);</script>`,
    );
    const pdf = await printer.pdf({ format: "A4" });
    await printer.close();
    const page = await harness.open();
    await page
      .getByTestId("plan-file")
      .setInputFiles({ name: "扫描件.pdf", mimeType: "application/pdf", buffer: pdf });
    const errors = page.getByTestId("findings-error");
    await errors.waitFor();
    await expect(errors.textContent()).resolves.toContain("是扫描件或图片");
    expect(pageErrors(page)).toEqual([]);
  });

  test("flow 2: check the open workbook, go to a finding's cell, highlight and clear", async () => {
    const page = await harness.open();
    await page.getByLabel("工作要点全文").fill(PLAN);
    await page.getByRole("button", { name: "识别任务和指标" }).click();
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    await page.getByRole("button", { name: "作为工作表插入当前工作簿" }).click();
    await page.getByText(/模板已生成/).waitFor();
    // A clerk fills one figure outside its target range (3-5次 for each unit, sample plan 000's task 9): a missed
    // target is a warning (news, not bad data).
    const cell = await page.evaluate(async () => {
      const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
      const sheet = fake.sheet("填报表")!;
      const keyRow = [...sheet.cells.entries()].find(([k, c]) => k.endsWith(",0") && c.value === "T9.1")![0];
      const address = `I${Number(keyRow.split(",")[0]) + 1}`;
      const context = fake.context();
      context.workbook.worksheets.getItem("填报表").getRange(address).values = [[2]];
      await context.sync();
      return address;
    });

    await page.getByRole("tab", { name: "校验" }).click();
    const before = await fakeIn(page);
    await page.getByRole("button", { name: "校验当前工作簿" }).click();
    const warnings = page.getByTestId("findings-warning");
    await warnings.waitFor();
    expect((await fakeIn(page)).syncs - before.syncs).toBe(3); // sheets, used ranges, then the cells in one request
    const finding = warnings.getByRole("button", { name: new RegExp(`^填报表!${cell} `) });
    expect(await finding.count()).toBe(1);
    await expect(page.getByRole("status").first().textContent()).resolves.toMatch(
      /^错误 \d+ 项，警告 \d+ 项，提示 \d+ 项$/,
    );
    await finding.focus();
    await page.keyboard.press("Enter");
    const selection = () =>
      page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.workbook.selection);
    await poll(selection, `填报表!${cell}`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: docsPath("taskpane-check.png") });

    await page.getByRole("button", { name: "标出问题单元格" }).click();
    const fillOf = () =>
      page.evaluate(
        (c) => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.cell("填报表", c).fill,
        cell,
      );
    await poll(fillOf, "#FFEB9C");
    await page.getByRole("button", { name: "清除标记" }).click();
    await poll(fillOf, "#FFF2CC"); // the input cell's own yellow comes back
    expect(pageErrors(page)).toEqual([]);
  });

  test("flow 3: pick real returns (.xlsx and a .zip), consolidate in the worker, insert the summary with a chart", async () => {
    const list = readTaskListJson(
      JSON.parse(
        readFileSync(path.join(__dirname, "../fixtures/tasklists/000_64af8b8e620b9456.json"), "utf8"),
      ),
    );
    if (!list.ok) throw new Error("fixture");
    const units = ["东湖区卫健委", "西湖区卫健委", "青山湖区卫健委", "南昌县卫健委"];
    const built = buildTemplateSpec(list.taskList, { period: "2024年上半年", units });
    if (!built.ok) throw new Error("spec");
    const spec = built.spec;
    const filled = async (unit: string, seed: number) =>
      fillReturn(await renderTemplate(spec, unit), spec, plausibleFills(spec, seed));
    const dir = mkdtempSync(path.join(tmpdir(), "rk-returns-"));
    const write = (name: string, bytes: Uint8Array) => {
      writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const files = [
      write("东湖区卫健委.xlsx", await filled("东湖区卫健委", 1)),
      write(
        "县区报送.zip",
        zipSync({
          "西湖区.xlsx": await filled("西湖区卫健委", 2),
          "青山湖区.xlsx": await filled("青山湖区卫健委", 3),
        }),
      ),
      write("扫描件.xlsx", strToU8("%PDF-1.4 a scanned form, renamed")),
    ];

    const page = await harness.open();
    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByTestId("return-files").setInputFiles(files);
    await page.getByText("已选择 3 个文件").waitFor();
    await page.getByRole("tabpanel").getByLabel("填报单位名录").fill(units.join("\n"));
    await page.getByRole("button", { name: "开始汇总" }).click();
    await page.getByRole("progressbar", { name: /正在汇总 \d\/3/ }).waitFor(); // the worker reports, the pane stays live
    await page.getByText("已汇总 3 份报送，覆盖 3 个单位。").waitFor({ timeout: 60_000 });
    const findings = await page.getByRole("tabpanel").locator("[data-testid^=findings-]").allTextContents();
    expect(findings.join("\n")).toMatch(/扫描件\.xlsx|PDF/);
    expect(findings.join("\n")).toContain("南昌县卫健委");

    const before = await fakeIn(page);
    await page.getByRole("button", { name: "插入汇总工作表" }).click();
    await page.getByText(/^已插入：/).waitFor();
    const after = await fakeIn(page);
    expect(after.sheets.slice(1)).toEqual(
      expect.arrayContaining(["汇总", "达标率图", "明细", "进展", "报送情况", "问题清单"]),
    );
    expect(after.syncs - before.syncs).toBe(3);
    const chart = await page.evaluate(() => {
      const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
      const sheet = fake.sheet("达标率图")!;
      return { charts: sheet.charts, units: [2, 3, 4, 5].map((r) => fake.cell("达标率图", `A${r}`).value) };
    });
    expect(chart.charts).toEqual([
      expect.objectContaining({ type: "ColumnClustered", source: "A1:B5", title: "各单位指标达标率" }),
    ]);
    expect(chart.units).toEqual(units);
    await page.screenshot({ path: docsPath("taskpane-consolidate.png") });

    await page.getByRole("button", { name: "在新工作簿中打开汇总" }).click();
    const created = await page.evaluate(async () => {
      const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
      for (let i = 0; i < 50 && !fake.workbook.createdWorkbooks.length; i++)
        await new Promise((r) => setTimeout(r, 100));
      return fake.workbook.createdWorkbooks;
    });
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load(Buffer.from(created[0]!, "base64") as unknown as ArrayBuffer);
    expect(summary.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["汇总", "明细", "报送情况"]),
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载汇总 (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("汇总.xlsx");
    expect(readFileSync((await download.path())!).equals(Buffer.from(created[0]!, "base64"))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
  });

  test("English and dark theme follow Office's display language and theme", async () => {
    const page = await harness.open("?lang=en-US&theme=dark");
    await expect(page.getByRole("tab", { name: "Template" }).count()).resolves.toBe(1);
    const background = await page
      .locator(".fui-FluentProvider")
      .first()
      .evaluate((e) => getComputedStyle(e).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 80);
    await page.getByLabel("Plan text").fill(PLAN);
    await page.getByRole("button", { name: "Find tasks and targets" }).click();
    await page.getByRole("heading", { name: /Task list/ }).waitFor();
    await page.screenshot({ path: docsPath("taskpane-dark-en.png") });
  });

  test("keyboard: the tabs are reachable and switch with the arrow keys", async () => {
    const page = await harness.open();
    await page.getByRole("tab", { name: "生成模板" }).focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("tab", { name: "校验" }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.getByRole("tabpanel", { name: "校验" }).count()).resolves.toBe(1);
    await expect(page.getByRole("button", { name: "校验当前工作簿" }).isVisible()).resolves.toBe(true);
  });
});

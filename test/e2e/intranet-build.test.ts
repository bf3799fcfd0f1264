import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "acorn";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { run } from "../cli/run-cli";
import { emailWith, filledReturn, fixtureSpec, rewrittenBySheetJs, zipOf } from "../consolidate/fixtures";
import type { FakeExcel } from "../office/fake-excel";
import { docsPath, seedPlan, startHarness, type Harness } from "./harness";

// The intranet build (--office-js local) in Chromium with every outside address refused. Where the pane cannot start
// it says why, in Chinese and English, instead of staying blank: an old web view (Internet Explorer 11 or EdgeHTML,
// simulated by user agent or by taking away what the bundle needs), or office.js unreachable (the CDN build's page
// differs only in office.js's address, so it is this page with the address put back). Where it starts, long work
// runs in workers (no Excel is needed to write copies, so Microsoft's office.js from beside the pane serves), and the
// pane does what the command line does with the same inputs (with the host shim standing in for Excel).
let harness: Harness;
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
beforeAll(async () => {
  harness = await startHarness(["--office-js", "local"]);
  const html = readFileSync(path.join(harness.dist, "taskpane.html"), "utf8");
  const cdnHtml = html.replace('src="office-js/office.js"', `src="${CDN}"`);
  expect(cdnHtml).not.toBe(html);
  writeFileSync(path.join(harness.dist, "taskpane-cdn.html"), cdnHtml);
}, 180_000);
afterAll(async () => harness?.close());

const bundleRequested = (requests: readonly string[]) =>
  requests.some((u) => u.endsWith("/taskpane/index.js"));
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
/** Internet Explorer 11 as the bundle sees it: no module scripts and no ES2020 syntax (`?.`, `??`, `import()`). */
const WITHOUT_MODERN_ENGINE = `
  delete HTMLScriptElement.prototype.noModule;
  const RealFunction = window.Function;
  window.Function = function (...args) {
    if (/\\?\\.|\\?\\?|import\\(/.test(String(args[args.length - 1]))) throw new SyntaxError("Expected identifier");
    return RealFunction(...args);
  };`;

describe("the pane starts or says why not", () => {
  test("the boot script that decides is ES5, which Internet Explorer 11 parses", () => {
    const boot = readFileSync(path.join(harness.dist, "taskpane", "boot.js"), "utf8");
    expect(() => parse(boot, { ecmaVersion: 5 })).not.toThrow();
    expect(readFileSync(path.join(harness.dist, "taskpane.html"), "utf8")).not.toContain('type="module"');
  });

  test("intranet build: office.js from beside the pane, Microsoft's CDN refused, and the pane starts", async () => {
    const page = await harness.newPage({ officeJs: "refused" });
    await page.goto(`${harness.url}/taskpane.html`);
    await page.getByRole("tab", { name: "生成模板" }).waitFor();
    expect(page.requests).toContain(`${harness.url}/office-js/office.js`);
    expect(page.requests.filter((u) => u.includes("appsforoffice.microsoft.com"))).toEqual([]);
    expect(page.pageErrors).toEqual([]);
  });

  test("CDN build with the CDN unreachable: explained in Chinese (no 'Office is not defined', no blank pane)", async () => {
    const page = await harness.newPage({ officeJs: "refused" });
    await page.goto(`${harness.url}/taskpane-cdn.html`);
    const message = page.locator('[data-boot-problem="office_js_missing"]');
    await message.waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "无法加载 Office 组件（office.js）",
    );
    const text = (await message.textContent())!;
    expect(text).toContain("appsforoffice.microsoft.com");
    expect(text).toContain("npm run build:prod -- --office-js local");
    expect(text).toContain("Office's library (office.js) could not be loaded");
    expect(bundleRequested(page.requests)).toBe(false);
    expect(page.pageErrors).toEqual([]);
  });

  test("intranet build whose office-js folder was not deployed: says so", async () => {
    const page = await harness.newPage();
    await page.route("**/office-js/office.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${harness.url}/taskpane.html`);
    const message = page.locator('[data-boot-problem="office_js_missing"]');
    await message.waitFor();
    await expect(message.textContent()).resolves.toMatch(/应与报表助手部署在同一台服务器[\s\S]*office-js/);
    expect(page.pageErrors).toEqual([]);
  });

  test.each([
    ["EdgeHTML (Office 2019 without WebView2), by its user agent", { userAgent: EDGE_HTML }],
    [
      "Internet Explorer 11 (volume-licensed Office), by what the engine lacks",
      { initScript: WITHOUT_MODERN_ENGINE },
    ],
  ])("an old web view: %s: what to use instead, and the bundle is not loaded", async (_, options) => {
    const page = await harness.newPage({ ...options, officeJs: "refused" });
    await page.route("**/office-js/office.js", (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`${harness.url}/taskpane.html`);
    const message = page.locator('[data-boot-problem="old_webview"]');
    await message.waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(
      "此版本的 Excel 无法运行报表助手",
    );
    const [zh, en] = await message.locator("section").allTextContents();
    expect(zh).toMatch(/Excel 网页版[\s\S]*Microsoft 365 或 Office 2021 及以上[\s\S]*命令行 report-kit/);
    expect(en).toMatch(/Excel on the web[\s\S]*Office 2021 or later[\s\S]*command line/);
    await expect(page.title()).resolves.toBe("此版本的 Excel 无法运行报表助手");
    expect(bundleRequested(page.requests)).toBe(false);
    expect(page.pageErrors).toEqual([]);
    if ("userAgent" in options) await page.screenshot({ path: docsPath("taskpane-old-excel.png") });
  });
});

describe("long work runs off the pane's thread, with progress", () => {
  test("200 units' copies: written and zipped in a worker, a progress bar meanwhile, the pane never frozen", async () => {
    const page = await harness.newPage({ officeJs: "refused" });
    await page.goto(`${harness.url}/taskpane.html`);
    await page.getByLabel("工作要点全文").fill(seedPlan("003_b1280b1a44e49c58.txt"));
    await page.getByRole("button", { name: "识别任务和指标" }).click();
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    const units = Array.from({ length: 200 }, (_, i) => `第${i + 1}号县区卫生健康委员会`);
    await page.getByRole("tabpanel").getByLabel("填报单位名录").fill(units.join("\n"));
    // Every progress text the pane shows, and the longest main-thread task (Chromium's Long Tasks API).
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; longest: number };
      w.seen = [];
      w.longest = 0;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"]');
        if (bar) w.seen.push(bar.getAttribute("aria-label") ?? "");
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ entryTypes: ["longtask"] });
    });
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: "下载各单位模板 (.zip)" }).click(),
    ]);
    const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const elapsed = Date.now() - started;
    expect(Object.keys(zip)).toHaveLength(201);
    const { seen, longest } = await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; longest: number };
      return { seen: w.seen, longest: w.longest };
    });
    expect(seen).toContain("正在准备各单位模板…");
    expect(seen.some((t) => /^正在生成各单位模板 \d+\/201$/.test(t))).toBe(true);
    expect(page.requests.some((u) => u.endsWith("/taskpane/copies-worker.js"))).toBe(true);
    expect(longest).toBeLessThan(elapsed / 2);
    await page.getByText("已打包 200 个单位的模板。").waitFor();
    await expect(page.getByRole("progressbar").count()).resolves.toBe(0);
    expect(page.pageErrors).toEqual([]);
  });
});

describe("same job, same answer as the command line", () => {
  const UNITS = ["甲县", "乙县", "丙县", "丁县"];
  const UNITS_CSV = `单位名称,联系人\n${UNITS.map((u) => `${u},张三`).join("\n")}\n`;

  test("汇总 reads an .eml, a zip and an .ods as the CLI does; a pasted units.csv's heading is no unit; a unit list file opens", async () => {
    const spec = fixtureSpec(UNITS);
    const page = await harness.open();
    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByTestId("return-files").setInputFiles([
      {
        name: "乙县报表.eml",
        mimeType: "message/rfc822",
        buffer: Buffer.from(emailWith("乙县.xlsx", await filledReturn(spec, "乙县", 2, "2024-07-08"))),
      },
      {
        name: "county.zip",
        mimeType: "application/zip",
        buffer: Buffer.from(zipOf({ "甲县.xlsx": await filledReturn(spec, "甲县", 1, "2024-07-05") })),
      },
      {
        // An .ods: the worker imports SheetJS for it.
        name: "丙县.ods",
        mimeType: "application/vnd.oasis.opendocument.spreadsheet",
        buffer: Buffer.from(rewrittenBySheetJs(await filledReturn(spec, "丙县", 3, "2024-07-06"))),
      },
    ]);
    await page.getByTestId("consolidate-units").fill(UNITS_CSV);
    await page.getByRole("button", { name: "开始汇总" }).click();
    await page.getByText("已汇总 3 份报送，覆盖 3 个单位。").waitFor({ timeout: 60_000 });
    const findings = (
      await page.getByRole("tabpanel").locator("[data-testid^=findings-]").allTextContents()
    ).join("\n");
    expect(findings).toMatch(/丁县/);
    expect(findings).toContain("OpenDocument 电子表格（.ods");
    expect(findings).not.toMatch(/单位名称/);
    // A unit list file, read by the CLI's reader (GBK, as Excel saves CSV on Chinese Windows, heading dropped).
    await page.getByTestId("consolidate-units-file").setInputFiles({
      name: "units.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([
        0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0xbc, 0xd7, 0xcf, 0xd8, 0x0a,
      ]),
    });
    // The file is read asynchronously: wait (up to 10 s) for the list to change, then compare.
    const units = page.getByTestId("consolidate-units");
    for (let i = 0; i < 100 && (await units.inputValue()) === UNITS_CSV; i++) await page.waitForTimeout(100);
    await expect(units.inputValue()).resolves.toBe("甲县");
    expect(page.pageErrors).toEqual([]);
  });

  test("校验 writes the correction notice (退回意见) that `check --notice` writes for the same file", async () => {
    const spec = fixtureSpec(UNITS);
    const key = spec.rows.find((r) => r.kind === "target" && r.measure === "count")!.key;
    const bytes = await filledReturn(spec, "丙县", 3, "2024-07-06", [{ key, field: "value", value: "若干" }]);
    const folder = mkdtempSync(path.join(tmpdir(), "rk-notice-"));
    writeFileSync(path.join(folder, "丙县.xlsx"), bytes);
    await run(["check", path.join(folder, "丙县.xlsx"), "--notice", path.join(folder, "notices")]);
    const cliNotice = new Uint8Array(readFileSync(path.join(folder, "notices", "丙县-退回意见.xlsx")));

    const page = await harness.open();
    await page.evaluate(
      (file) => {
        (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.documentFile = new Uint8Array(file);
      },
      [...bytes],
    );
    await page.getByRole("tab", { name: "校验" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "生成退回意见" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("丙县-退回意见.xlsx");
    await page.getByText(/^退回意见已生成：丙县-退回意见.xlsx/).waitFor();
    const paneNotice = new Uint8Array(readFileSync((await download.path())!));
    const list = async (notice: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(notice as unknown as ArrayBuffer);
      expect(wb.worksheets[0]!.name).toBe("问题清单");
      return wb.worksheets[0]!.getSheetValues().map((row) => JSON.stringify(row));
    };
    const [pane, cli] = [await list(paneNotice), await list(cliNotice)];
    expect(pane).toEqual(cli);
    expect(pane.join("\n")).toContain("check.not_a_number");
    expect(page.pageErrors).toEqual([]);
  });
});

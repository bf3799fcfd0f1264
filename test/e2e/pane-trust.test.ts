import type { Page } from "playwright-core";
import { parsePlan } from "../../src/core/plan/parse-plan";
import type { Target } from "../../src/core/plan/types";
import { readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import type { FakeExcel } from "../office/fake-excel";
import { auditPage } from "./a11y-audit";
import { seedPlan, startHarness, type Harness } from "./harness";

// A pane a clerk can trust, in the built pane in Debian's Chromium over the fake Excel (the host shim): what the
// review list shows is what goes into the template, every action ends in a result or a message in words (Excel's
// refusals, a worker that fails, a sheet that is gone), a failed insert leaves the workbook as it was, and the pane
// passes an accessibility audit and can be crossed by keyboard.
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => harness?.close());

const PLAN = seedPlan("000_64af8b8e620b9456.txt");
const pageErrors = (page: Page): string[] => (page as unknown as { pageErrors: string[] }).pageErrors;
/** Runs `f` on the page's fake Excel. */
const onFake = <T, A = undefined>(page: Page, f: (fake: FakeExcel, arg: A) => T, arg?: A): Promise<T> =>
  page.evaluate(
    ([source, a]) => {
      const fake = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
      return (0, eval)(source)(fake, a) as T;
    },
    [f.toString(), arg] as const,
  );
const workbookState = (page: Page) =>
  onFake(page, (fake) => ({
    syncs: fake.syncCount,
    sheets: fake.workbook.sheets.map((s) => s.name),
    names: fake.workbook.names.map((n) => n.name),
  }));

async function parse(page: Page, text = PLAN): Promise<void> {
  await page.getByLabel("工作要点全文").fill(text);
  await page.getByRole("button", { name: "识别任务和指标" }).click();
  await page.getByRole("heading", { name: /任务清单/ }).waitFor();
}

/** Every field of every target's editor, as the screen shows it: label → value (select: the chosen value). */
const fieldsOnScreen = (page: Page) =>
  page.getByTestId("target").evaluateAll((editors) =>
    editors.map((editor) =>
      Object.fromEntries(
        [...editor.querySelectorAll("label[for]")].map((label) => {
          const control = document.getElementById(label.getAttribute("for")!) as HTMLInputElement;
          return [label.textContent!.replace(/\s*\*$/, "").trim(), control.value];
        }),
      ),
    ),
  );

/** The same fields of a target of the created template, as the screen would show them. */
const fieldsOf = (t: Target): Record<string, string> => ({
  指标: t.indicator,
  运算符: t.op,
  ...(t.op === "between" ? { 下限: String(t.min), 上限: String(t.max) } : { 目标值: String(t.value) }),
  计量单位: t.unitOfMeasure ?? "",
  适用范围: t.scope,
  汇总方式: t.method,
  // (A mean's editor asks what it is weighted by: blank for a plain mean.)
  ...(t.method === "mean" ? { "加权依据（可选）": t.weight ?? "" } : {}),
});

describe("what the pane shows is what goes into the file", () => {
  test("after removing and adding targets, every field on screen equals the created template's target", async () => {
    const page = await harness.open();
    await parse(page);
    const parsed = parsePlan(PLAN).taskList.targets;
    const editors = page.getByTestId("target");
    const byIndicator = (indicator: string) =>
      page.getByRole("group", { name: new RegExp(`${indicator.replace(/[()]/g, "\\$&")}$`) });

    // Task 12 has two targets, 100% then 60%: remove the first; the editor now first in the task must show 60.
    const [first, second] = parsed.filter((t) => t.task === "12") as [Target, Target];
    expect([first.op === ">=" && first.value, second.op === ">=" && second.value]).toEqual([100, 60]);
    await byIndicator(first.indicator)
      .getByRole("button", { name: /删除指标/ })
      .click();
    await expect(byIndicator(second.indicator).getByLabel("目标值").inputValue()).resolves.toBe("60");

    // Add a target to the first task, before every other (each editor moves down one place); give it a value, a unit.
    await page
      .getByRole("button", { name: /添加指标/ })
      .first()
      .click();
    const added = byIndicator("新指标");
    await added.getByLabel("目标值").fill("7");
    await added.getByLabel("计量单位").fill("家");
    // A range edited, then a target removed before it, then one added to the last task.
    const training = byIndicator("重症医学科人员培训次数");
    await training.getByLabel("上限").fill("6");
    await byIndicator(parsed[0]!.indicator)
      .getByRole("button", { name: /删除指标/ })
      .click();
    await page
      .getByRole("button", { name: /添加指标/ })
      .last()
      .click();
    // A half-typed number goes back to the number in the file when the field is left.
    await training.getByLabel("下限").fill("");
    await training.getByLabel("上限").focus();
    await expect(training.getByLabel("下限").inputValue()).resolves.toBe("3");

    await expect(editors.count()).resolves.toBe(parsed.length);
    const onScreen = await fieldsOnScreen(page);
    expect(onScreen).toHaveLength(parsed.length);
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    await page.getByRole("button", { name: "在新工作簿中生成模板" }).click();
    await page.getByText("模板已在新工作簿中打开。").waitFor();
    const [created] = await onFake(page, (fake) => fake.workbook.createdWorkbooks);
    const identity = await readTemplateIdentity(new Uint8Array(Buffer.from(created!, "base64")), "new.xlsx");
    if (!identity.ok) throw new Error("the created workbook carries no identity");
    const inFile = identity.spec.rows.flatMap((r) => (r.kind === "target" ? [fieldsOf(r.target)] : []));
    expect(onScreen).toEqual(inFile);
    expect(inFile).toContainEqual(expect.objectContaining({ 指标: "新指标", 目标值: "7", 计量单位: "家" }));
    expect(inFile).toContainEqual(expect.objectContaining({ 指标: second.indicator, 目标值: "60" }));
    expect(inFile).toContainEqual(expect.objectContaining({ 下限: "3", 上限: "6" }));
    expect(pageErrors(page)).toEqual([]);
  });
});

describe("every action ends in a result or a message, and a failed insert leaves the workbook as it was", () => {
  test("inserting the template a second time is refused in one round trip, naming what is there; no (2) sheets", async () => {
    const page = await harness.open();
    await parse(page);
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    const insert = page.getByRole("button", { name: "作为工作表插入当前工作簿" });
    await insert.click();
    await page.getByText(/^模板已生成/).waitFor();
    const before = await workbookState(page);
    await insert.click();
    const refusal = page.getByText(/^当前工作簿中已有同名的模板工作表或名称/);
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toMatch(/_rk_identity、rk_/);
    const after = await workbookState(page);
    expect(after.syncs - before.syncs).toBe(1);
    expect({ ...after, syncs: 0 }).toEqual({ ...before, syncs: 0 });
    expect(after.sheets.filter((s) => s.includes("(2)"))).toEqual([]);
  });

  test("an insert Excel refuses part way is undone, and Excel's English code is said in Chinese", async () => {
    const page = await harness.open();
    await parse(page);
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    const before = await workbookState(page);
    // The third request (formats, validation, names) fails after a few of its calls, as Excel fails a batch.
    await onFake(page, (fake) => fake.failSync(3, "GeneralException", 10));
    await page.getByRole("button", { name: "作为工作表插入当前工作簿" }).click();
    const message = page.getByText(/^Excel 内部出错/);
    await message.waitFor();
    await expect(message.textContent()).resolves.toMatch(/请稍后重试.*（Excel 错误代码：GeneralException）$/);
    const after = await workbookState(page);
    expect(after.sheets).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
    expect(after.syncs - before.syncs).toBe(3 + 2); // read, values, the failed one; then 2 to undo
    await expect(page.getByRole("button", { name: "作为工作表插入当前工作簿" }).isEnabled()).resolves.toBe(
      true,
    );
    expect(pageErrors(page)).toEqual([]);
  });

  test("a cell being edited in Excel, and a finding on a sheet that no longer exists, are said in words", async () => {
    const page = await harness.open();
    await parse(page);
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    await page.getByRole("button", { name: "作为工作表插入当前工作簿" }).click();
    await page.getByText(/^模板已生成/).waitFor();
    await page.getByRole("tab", { name: "校验" }).click();
    const checkButton = page.getByRole("button", { name: "校验当前工作簿" });
    const panel = page.getByRole("tabpanel", { name: "校验" });

    await onFake(page, (fake) => fake.failSync(1, "InvalidOperationInCellEditMode"));
    await checkButton.click();
    await panel.getByText(/^Excel 正在编辑单元格.*按 Enter 或 Esc 结束编辑后重试/).waitFor();

    // A blank template has its missing figures as findings on 填报表's cells.
    await checkButton.click();
    const cellFinding = panel.getByRole("button", { name: /^填报表!/ }).first();
    await cellFinding.waitFor();
    const where = /^(填报表![A-Z]+\d+)/.exec((await cellFinding.textContent())!)![1];
    await onFake(page, (fake) => (fake.sheet("填报表")!.name = "已改名"));
    await cellFinding.click();
    await panel
      .getByText(`工作表“填报表”已不存在（可能已被删除或重命名），无法转到 ${where}。请重新校验当前工作簿。`)
      .waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  test("the consolidation worker ends in a message whether it does not load, throws, or never answers", async () => {
    const page = await harness.open();
    await page.getByRole("tab", { name: "汇总" }).click();
    const panel = page.getByRole("tabpanel", { name: "汇总" });
    // The worker is replaced, so the bytes need not be a return.
    await page.getByTestId("return-files").setInputFiles({
      name: "东湖区卫健委.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("PK"),
    });
    /** Starts 开始汇总 with window.Worker made to run `source` (a URL in the pane, or a script). */
    const consolidateWith = async (source: string) => {
      await page.evaluate((src) => {
        const url = src.startsWith("taskpane/")
          ? src
          : URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
        const Real = (window as unknown as { RealWorker?: typeof Worker }).RealWorker ?? window.Worker;
        Object.assign(window, {
          RealWorker: Real,
          Worker: class extends Real {
            constructor() {
              super(url);
            }
          },
        });
      }, source);
      await panel.getByRole("button", { name: "开始汇总" }).click();
    };
    const endsWith = async (text: RegExp) => {
      await panel.getByText(text).waitFor({ timeout: 10_000 });
      await expect(panel.getByRole("progressbar").count()).resolves.toBe(0);
      await expect(panel.getByRole("button", { name: "开始汇总" }).isEnabled()).resolves.toBe(true);
    };

    // Not at "正在汇总 0/1" for ever: a script that does not load…
    await consolidateWith("taskpane/no-such-worker.js");
    await endsWith(/^汇总模块未能加载，没有进行汇总。/);
    // …a worker that throws, with what it said…
    await consolidateWith('throw new Error("boom in the worker");');
    await endsWith(/^汇总过程中出错.*boom in the worker/);
    // …and one that never answers, which the clerk can cancel.
    await consolidateWith("self.onmessage = () => {};");
    await panel.getByRole("progressbar", { name: /正在汇总 0\/1/ }).waitFor();
    await panel.getByRole("button", { name: "取消汇总" }).click();
    await endsWith(/^已取消汇总。$/);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe("accessibility", () => {
  test("every tab passes the audit: unique ids, named controls and panels, one main landmark and heading", async () => {
    const page = await harness.open();
    await parse(page);
    // The template is created too, so that the plan tab and its create section have findings and notices on show.
    await page.getByLabel(/^报告期/).fill("明年");
    await page.getByRole("button", { name: "在新工作簿中生成模板" }).click();
    await page.getByTestId("findings-error").first().waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.getByLabel(/^报告期/).fill("2024年上半年");
    await page.getByRole("button", { name: "作为工作表插入当前工作簿" }).click();
    await page.getByText(/^模板已生成/).waitFor();

    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "校验当前工作簿" }).click();
    await page.getByRole("tabpanel", { name: "校验" }).getByTestId("findings-error").waitFor();
    expect(await auditPage(page)).toEqual([]);
    await page.getByRole("tab", { name: "汇总" }).click();
    expect(await auditPage(page)).toEqual([]);
    for (const name of ["生成模板", "校验", "汇总"])
      await expect(page.getByRole("tabpanel", { name, includeHidden: true }).count()).resolves.toBe(1);
    await expect(
      page.getByRole("main").getByRole("heading", { level: 1, name: "报表助手" }).count(),
    ).resolves.toBe(1);
  });

  test("the audit finds what it looks for", async () => {
    const page = await harness.browser.newPage();
    await page.setContent(
      '<html lang="zh-CN"><main><h1>报表助手</h1><div id="tab-plan"></div><div id="tab-plan"></div>' +
        '<input type="text"><div role="tabpanel"></div><button></button><div aria-labelledby="gone"></div></main></html>',
    );
    expect(await auditPage(page)).toEqual([
      "duplicate id (2×): tab-plan",
      "aria-labelledby points at a missing id: <div> ",
      "control without a name: <input> ",
      "control without a name: <button> ",
      "tab panel without a name: <div> ",
    ]);
    await page.close();
  });

  test("a keyboard user skips a long task list: from 识别任务和指标 to 报告期 in a few key presses", async () => {
    const page = await harness.open();
    await parse(page);
    const tabStops = async (until: () => Promise<boolean>, limit: number) => {
      let n = 0;
      while (!(await until()) && n < limit) {
        await page.keyboard.press("Tab");
        n++;
      }
      return n;
    };
    const period = page.getByLabel(/^报告期/);
    const isFocused = (l: ReturnType<Page["getByLabel"]>) => l.evaluate((e) => e === document.activeElement);
    const skip = page.getByRole("link", { name: "跳过任务清单，转到报告期" });
    // Without the link, Tab goes through every field of every target (counted in the page, not pressed).
    const between = await page.evaluate(() => {
      const tabbable = [
        ...document.querySelectorAll<HTMLElement>("input, select, textarea, button, a[href]"),
      ].filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.checkVisibility());
      const from = tabbable.findIndex((e) => e.textContent === "识别任务和指标");
      const to = tabbable.findIndex((e) => e === document.querySelector("[data-testid=period]"));
      return to - from;
    });
    expect(between).toBeGreaterThan(40);
    // With it: a few Tabs to the link, then Enter.
    await page.getByRole("button", { name: "识别任务和指标" }).focus();
    const toLink = await tabStops(() => isFocused(skip), 10);
    expect(toLink).toBeLessThanOrEqual(3);
    await page.keyboard.press("Enter");
    await expect(isFocused(period)).resolves.toBe(true);
  });
});

describe("the pane in English", () => {
  test("counts are singular for one, and the page's language and title follow the pane", async () => {
    const page = await harness.open("?lang=en-US");
    await page
      .getByLabel("Plan text")
      .fill("2024年工作要点\n一、推进互认\n1.检查检验结果互认率达到95%以上。");
    await page.getByRole("button", { name: "Find tasks and targets" }).click();
    await page.getByRole("heading", { name: "Task list: 1 task, 1 target" }).waitFor();
    await expect(page.evaluate(() => [document.documentElement.lang, document.title])).resolves.toEqual([
      "en-US",
      "Report Kit",
    ]);
    await page.getByRole("tabpanel").getByLabel("Unit list").fill("东湖区卫健委");
    await page.getByText("1 unit", { exact: true }).waitFor();
    expect(await auditPage(page)).toEqual([]);
  });
});

import type { Locator, Page } from "playwright-core";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { REVIEW_LABELS } from "../../src/core/plan/target-meaning";
import type { ReviewReason, Target } from "../../src/core/plan/types";
import { startHarness, type Harness } from "./harness";

// The review list in the built task pane (Debian's Chromium, the host shim over the fake Excel): targets the reader
// was unsure of are listed first under 请核对 with their reasons and a link to each, and marked in their task; the
// clerk settles one by choosing its operator and another with 清除核对标记, by keyboard, and the count follows.
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 120_000);
afterAll(async () => harness?.close());

// Two plain targets first, then two to check: 60% with no 以上 (op_implicit; 全市 says whom it applies to) and a count
// with no word of scope (scope_default).
const PLAN = [
  "2024年全市医疗服务工作要点",
  "一、改善就医感受",
  "1.提升电子病历应用水平。各二级以上公立医院电子病历应用水平分级评价达到4级以上。",
  "2.加强急救网络建设。全市急救站点达到20个以上。",
  "3.推进预约诊疗。到2024年底，全市二级以上医院门诊预约诊疗率60%。",
  "二、加强人才培养",
  "4.开展骨干医师培训。培训骨干医师200名以上。",
].join("\n");
const parsed = parsePlan(PLAN).taskList;
const toCheck = parsed.targets.filter((t) => t.review.length > 0);
const [booking, doctors] = toCheck as [Target, Target];
const labelOf = (t: Target): string => {
  const task = parsed.tasks.find((k) => k.id === t.task)!;
  return `${task.path.join("")} ${t.indicator}`;
};

const pageErrors = (page: Page): string[] => (page as unknown as { pageErrors: string[] }).pageErrors;
const editorOf = (page: Page, t: Target): Locator =>
  page.getByRole("group", { name: new RegExp(`${t.indicator}$`) });
const isFocused = (l: Locator) => l.evaluate((e) => e === document.activeElement);
/** The text a target's editor is described by (its marker), as a screen reader gets it with the group. */
const description = (l: Locator) =>
  l.evaluate((e) =>
    (e.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? "") : ""))
      .join(""),
  );
const reasonsOf = (l: Locator) => l.getByTestId("review-marker").getByRole("listitem").allTextContents();
const zh = (reasons: readonly ReviewReason[]) => reasons.map((r) => REVIEW_LABELS[r].zh);

describe("targets to check in the review list", () => {
  test("the plan is read with two targets to check, after two plain ones", () => {
    expect(parsed.targets).toHaveLength(4);
    expect(parsed.targets.slice(0, 2).map((t) => t.review)).toEqual([[], []]);
    expect(booking).toMatchObject({ indicator: "二级以上医院门诊预约诊疗率", op: ">=", value: 60 });
    expect(booking.review).toEqual(["op_implicit"]);
    expect(doctors).toMatchObject({ indicator: "骨干医师人数", op: ">=", value: 200 });
    expect(doctors.review).toEqual(["scope_default"]);
  });

  test("listed first and marked with their reasons; settled by operator and by 清除核对标记, with the keyboard", async () => {
    const page = await harness.open();
    await page.getByLabel("工作要点全文").fill(PLAN);
    await page.getByRole("button", { name: "识别任务和指标" }).click();
    const summary = page.getByTestId("review-summary");
    const title = summary.getByRole("heading");
    await expect(title.textContent()).resolves.toBe("有 2 个指标请核对");
    // The count is a live region: a clerk who settles one hears how many are left.
    await expect(summary.getByRole("status").count()).resolves.toBe(1);

    // First: the section comes before the tasks, and lists the two in the plan's order, each with its reasons.
    const tasks = page.getByRole("list", { name: /^任务清单/ });
    await expect(
      summary.evaluate(
        (s, list) => Boolean(s.compareDocumentPosition(list!) & Node.DOCUMENT_POSITION_FOLLOWING),
        await tasks.elementHandle(),
      ),
    ).resolves.toBe(true);
    const items = summary.getByTestId("review-item");
    await expect(items.getByRole("link").allTextContents()).resolves.toEqual([
      labelOf(booking),
      labelOf(doctors),
    ]);
    await expect(items.nth(0).getByRole("listitem").allTextContents()).resolves.toEqual(zh(booking.review));
    await expect(items.nth(1).getByRole("listitem").allTextContents()).resolves.toEqual(zh(doctors.review));

    // In their tasks: the two are marked with 请核对 and their reasons, in words, described to a screen reader;
    // the plain ones are not.
    await expect(page.getByTestId("review-marker").count()).resolves.toBe(2);
    for (const t of [booking, doctors]) {
      const editor = editorOf(page, t);
      await expect(
        editor.getByTestId("review-marker").getByText("请核对", { exact: true }).isVisible(),
      ).resolves.toBe(true);
      await expect(reasonsOf(editor)).resolves.toEqual(zh(t.review));
      await expect(description(editor)).resolves.toBe(`请核对${zh(t.review).join("")}`);
    }
    for (const t of parsed.targets.slice(0, 2))
      await expect(editorOf(page, t).getByTestId("review-marker").count()).resolves.toBe(0);

    // Keyboard: the link to 门诊预约诊疗率 takes focus to its editor; Tab reaches 清除核对标记, the indicator and the
    // operator; the clerk goes through 不高于 and back to 不低于: the operator is now theirs, the doubt settled.
    const bookingEditor = editorOf(page, booking);
    await items.nth(0).getByRole("link").focus();
    await page.keyboard.press("Enter");
    await expect(isFocused(bookingEditor)).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await expect(isFocused(bookingEditor.getByRole("button", { name: /^清除核对标记/ }))).resolves.toBe(true);
    await page.keyboard.press("Tab"); // 指标
    await page.keyboard.press("Tab"); // 运算符
    const op = bookingEditor.getByLabel("运算符");
    await expect(isFocused(op)).resolves.toBe(true);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowUp");
    await expect(op.inputValue()).resolves.toBe(">=");
    await expect(isFocused(op)).resolves.toBe(true); // the marker went, the select stayed
    await expect(bookingEditor.getByTestId("review-marker").count()).resolves.toBe(0);
    await expect(bookingEditor.getAttribute("aria-describedby")).resolves.toBeNull();
    await expect(title.textContent()).resolves.toBe("有 1 个指标请核对");
    await expect(items.getByRole("link").allTextContents()).resolves.toEqual([labelOf(doctors)]);

    // 骨干医师人数 is right as read: link, Tab to 清除核对标记, Enter. Focus stays on its editor.
    const doctorsEditor = editorOf(page, doctors);
    await items.nth(0).getByRole("link").focus();
    await page.keyboard.press("Enter");
    await expect(isFocused(doctorsEditor)).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await expect(
      isFocused(doctorsEditor.getByRole("button", { name: `清除核对标记: ${labelOf(doctors)}` })),
    ).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(doctorsEditor.getByTestId("review-marker").count()).resolves.toBe(0);
    await expect(isFocused(doctorsEditor)).resolves.toBe(true);
    await expect(title.textContent()).resolves.toBe("没有需要核对的指标。");
    await expect(items.count()).resolves.toBe(0);
    // What it says is unchanged: still at least 200 名, for the whole area as read.
    await expect(doctorsEditor.getByLabel("运算符").inputValue()).resolves.toBe(">=");
    await expect(doctorsEditor.getByLabel("目标值").inputValue()).resolves.toBe("200");
    await expect(doctorsEditor.getByLabel("适用范围").inputValue()).resolves.toBe(doctors.scope);
    expect(pageErrors(page)).toEqual([]);
  });

  test("in English the count, the marker, its reasons and the button are in English", async () => {
    const page = await harness.open("?lang=en-US");
    await page.getByLabel("Plan text").fill(PLAN);
    await page.getByRole("button", { name: "Find tasks and targets" }).click();
    const title = page.getByTestId("review-summary").getByRole("heading");
    await expect(title.textContent()).resolves.toBe("2 targets to check");
    const editor = editorOf(page, doctors);
    await expect(
      editor.getByTestId("review-marker").getByText("Check this", { exact: true }).count(),
    ).resolves.toBe(1);
    await expect(reasonsOf(editor)).resolves.toEqual(doctors.review.map((r) => REVIEW_LABELS[r].en));
    await editor.getByRole("button", { name: /^Mark as checked/ }).click();
    await expect(title.textContent()).resolves.toBe("1 target to check");
    expect(pageErrors(page)).toEqual([]);
  });
});

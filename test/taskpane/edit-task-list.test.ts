import { REVIEW_LABELS, SCOPE_SET_BY_HAND } from "../../src/core/plan/target-meaning";
import type { ReviewReason, Target, Task, TaskList } from "../../src/core/plan/types";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import {
  addTarget,
  markChecked,
  removeTarget,
  replaceTarget,
  withIndicator,
  withMethod,
  withNumber,
  withOp,
  withScope,
  withUnitOfMeasure,
  withWeight,
} from "../../src/taskpane/plan/edit-task-list";
import { targetLabel, targetsToCheck } from "../../src/taskpane/plan/targets-to-check";
import { pickLang, STRINGS } from "../../src/taskpane/strings";
import { themeFor } from "../../src/taskpane/theme";

const makeTask = (over: Partial<Task> = {}): Task => ({
  id: "1",
  path: ["一", "1"],
  title: "任务",
  responsible: [],
  line: 1,
  ...over,
});
const makeTarget = (over: Partial<Target> = {}): Target =>
  ({
    task: "1",
    text: "达到95%以上",
    indicator: "覆盖率",
    op: ">=",
    value: 95,
    unitOfMeasure: "%",
    deadline: null,
    scope: "each",
    scopeReason: { zh: "比率指标：每个单位都应达到", en: "a rate: every unit must reach it" },
    method: "ratio",
    review: [],
    ...over,
  }) as Target;
const makeList = (
  targets: Target[],
  tasks: Task[] = [makeTask(), makeTask({ id: "2", path: ["一", "2"] })],
): TaskList => ({
  title: "2024年工作要点",
  year: 2024,
  tasks,
  targets,
});

describe("editing targets", () => {
  test("≥ 95 becomes a range 95–95, and back to ≤ takes the upper bound", () => {
    const range = withOp(makeTarget(), "between");
    expect(range).toMatchObject({ op: "between", min: 95, max: 95, indicator: "覆盖率", unitOfMeasure: "%" });
    expect(withOp(withNumber(range, "max", 98), "<=")).toMatchObject({ op: "<=", value: 98 });
    expect(withOp(withNumber(range, "min", 90), ">=")).toMatchObject({ op: ">=", value: 90 });
  });

  test("左右 gets its tolerance from the value, and keeps it in step when the value changes", () => {
    const about = withOp(makeTarget({ value: 90 }), "approx");
    expect(about).toMatchObject({ op: "approx", value: 90, tolerance: 4.5 });
    expect(withNumber(about, "value", 80)).toMatchObject({ value: 80, tolerance: 4 });
  });

  test("an unfinished number (NaN) or a field the operator lacks leaves the target unchanged", () => {
    const t = makeTarget();
    expect(withNumber(t, "value", NaN)).toBe(t);
    expect(withNumber(t, "min", 3)).toBe(t);
  });

  test("remove, replace and add keep targets in task order", () => {
    const list = makeList([makeTarget({ indicator: "A" }), makeTarget({ task: "2", indicator: "B" })]);
    expect(removeTarget(list, 0).targets.map((t) => t.indicator)).toEqual(["B"]);
    expect(
      replaceTarget(list, 1, makeTarget({ task: "2", indicator: "C" })).targets.map((t) => t.indicator),
    ).toEqual(["A", "C"]);
    expect(addTarget(list, "1", "新指标").targets.map((t) => t.indicator)).toEqual(["A", "新指标", "B"]);
    const firstOfTask1 = addTarget(makeList([makeTarget({ task: "2", indicator: "B" })]), "1", "新指标");
    expect(firstOfTask1.targets.map((t) => [t.task, t.indicator])).toEqual([
      ["1", "新指标"],
      ["2", "B"],
    ]);
    expect(list.targets).toHaveLength(2); // inputs are not mutated
  });
});

describe("scope and roll-up method", () => {
  test("changing the scope says it was set by hand; the numbers, operator and method stay", () => {
    const t = makeTarget();
    const total = withScope(t, "total");
    expect(total).toEqual({ ...t, scope: "total", scopeReason: SCOPE_SET_BY_HAND });
    expect(withScope(total, "each")).toMatchObject({ scope: "each", scopeReason: SCOPE_SET_BY_HAND });
    expect(t.scope).toBe("each"); // not mutated
  });

  test("choosing the scope a target already has keeps the plan's reason", () => {
    const t = makeTarget();
    expect(withScope(t, "each")).toBe(t);
  });

  test("changing the method keeps the scope and its reason; the same method leaves the target as it was", () => {
    const t = makeTarget();
    expect(withMethod(t, "mean")).toEqual({ ...t, method: "mean" });
    expect(withMethod(t, "ratio")).toBe(t);
  });

  test("a weight is kept for a mean only: blank clears it, another method drops it, the template asks for it", () => {
    const mean = withMethod(makeTarget(), "mean");
    const weighted = withWeight(mean, " 常住人口 ");
    expect(weighted.weight).toBe("常住人口");
    expect(withWeight(weighted, "  ")).not.toHaveProperty("weight");
    expect(withMethod(weighted, "sum")).not.toHaveProperty("weight");
    const built = buildTemplateSpec(makeList([{ ...weighted, unitOfMeasure: "岁" }]), {
      period: "2024年上半年",
    });
    if (!built.ok) throw new Error("spec");
    const row = built.spec.rows.find((r) => r.kind === "target");
    expect(row?.kind === "target" && row.target.weight).toBe("常住人口");
  });

  test("a new operator keeps the clerk's scope and method", () => {
    const t = withMethod(withScope(makeTarget(), "total"), "mean");
    expect(withOp(t, "between")).toMatchObject({
      scope: "total",
      scopeReason: SCOPE_SET_BY_HAND,
      method: "mean",
    });
    expect(withOp(t, "approx")).toMatchObject({
      scope: "total",
      scopeReason: SCOPE_SET_BY_HAND,
      method: "mean",
    });
  });

  test("the template built from the edited list carries the choice: 全区域 in the 目标 label, and the method", () => {
    const list = makeList([makeTarget({ indicator: "A" }), makeTarget({ task: "2", indicator: "B" })]);
    const edited = replaceTarget(list, 1, withMethod(withScope(list.targets[1]!, "total"), "mean"));
    const built = buildTemplateSpec(edited, { period: "2024年上半年", units: [] });
    if (!built.ok) throw new Error("spec");
    const rows = built.spec.rows.flatMap((r) => (r.kind === "target" ? [r] : []));
    expect(rows.map((r) => [r.target.indicator, r.target.scope, r.target.method])).toEqual([
      ["A", "each", "ratio"],
      ["B", "total", "mean"],
    ]);
    // The 目标 label names the scope (每单位 / 全区域) beside ≥95%.
    expect(rows[0]!.targetLabel).toMatch(/每单位/);
    expect(rows[0]!.targetLabel).not.toMatch(/全区域/);
    expect(rows[1]!.targetLabel).toMatch(/全区域/);
    expect(rows[1]!.targetLabel).not.toMatch(/每单位/);
    expect(rows[1]!.targetLabel).toContain("≥95%");
    expect(rows[1]!.target.scopeReason).toEqual(SCOPE_SET_BY_HAND);
  });

  test("the reason is shown in the pane's language", () => {
    expect(STRINGS.zh.scopeReason(SCOPE_SET_BY_HAND)).toBe("判断依据：人工指定");
    expect(STRINGS.en.scopeReason(SCOPE_SET_BY_HAND)).toBe("Why: set by hand");
    expect(STRINGS.zh.scopeLabels.total).toMatch(/^全区域/);
    expect(STRINGS.zh.methodLabels.ratio).toMatch(/^Σ分子\/Σ分母/);
  });
});

describe("targets to check (请核对)", () => {
  const ALL: readonly ReviewReason[] = [
    "op_implicit", "direction_from_indicator", "name_from_context", "from_table", "unit_unrecognised",
    "deadline_from_paragraph", "scope_default",
  ]; // prettier-ignore
  const unsure = makeTarget({ review: [...ALL] });

  test("mark as checked clears every reason and keeps what the target says; a target with none is left as it was", () => {
    const checked = markChecked(unsure);
    expect(checked).toEqual({ ...unsure, review: [] });
    expect(unsure.review).toHaveLength(ALL.length); // not mutated
    const plain = makeTarget();
    expect(markChecked(plain)).toBe(plain);
  });

  test.each([
    ["choosing an operator", (t: Target) => withOp(t, "<="), ["op_implicit", "direction_from_indicator"]],
    ["choosing another scope", (t: Target) => withScope(t, "total"), ["scope_default"]],
    [
      "writing the indicator's name",
      (t: Target) => withIndicator(t, "门诊预约诊疗率"),
      ["name_from_context"],
    ],
    ["writing the unit of measure", (t: Target) => withUnitOfMeasure(t, "天"), ["unit_unrecognised"]],
  ] as const)("%s settles only the doubts it answers", (_, edit, settled) => {
    const after = edit(unsure).review;
    expect(after).toEqual(ALL.filter((r) => !(settled as readonly string[]).includes(r)));
  });

  test("choosing the scope a target already has settles nothing: the clerk may not have looked", () => {
    const t = makeTarget({ review: ["scope_default"] });
    expect(withScope(t, "each").review).toEqual(["scope_default"]);
  });

  test("the indicator and the unit of measure are written as typed; a blank unit is none", () => {
    expect(withIndicator(unsure, "门诊预约诊疗率").indicator).toBe("门诊预约诊疗率");
    expect(withUnitOfMeasure(unsure, " 天 ").unitOfMeasure).toBe("天");
    expect(withUnitOfMeasure(unsure, "  ").unitOfMeasure).toBeNull();
  });

  test("the list to check holds only targets with reasons, in task order, each with its index and task", () => {
    const tasks = [makeTask({ id: "1", path: ["一", "1"] }), makeTask({ id: "2", path: ["二", "2"] })];
    const list = makeList(
      [
        makeTarget({ task: "2", indicator: "骨干医师人数", review: ["scope_default"] }),
        makeTarget({ task: "1", indicator: "电子病历应用水平" }),
        makeTarget({ task: "1", indicator: "门诊预约诊疗率", review: ["op_implicit"] }),
        makeTarget({ task: "9", indicator: "无所属任务", review: ["from_table"] }),
      ],
      tasks,
    );
    const found = targetsToCheck(list);
    expect(found.map(({ index, task, target }) => [index, targetLabel(task, target)])).toEqual([
      [2, "一1 门诊预约诊疗率"],
      [0, "二2 骨干医师人数"],
    ]);
    const settled = replaceTarget(list, 2, markChecked(list.targets[2]!));
    expect(targetsToCheck(settled).map((c) => c.index)).toEqual([0]);
    expect(targetsToCheck(makeList([makeTarget()]))).toEqual([]);
  });

  test("each reason is shown in the pane's language, from the core's labels", () => {
    for (const reason of ALL) {
      expect(STRINGS.zh.reviewReason(reason)).toBe(REVIEW_LABELS[reason].zh);
      expect(STRINGS.en.reviewReason(reason)).toBe(REVIEW_LABELS[reason].en);
    }
    expect(STRINGS.zh.reviewTitle(2)).toBe("有 2 个指标请核对");
    expect(STRINGS.en.reviewTitle(1)).toBe("1 target to check");
    expect(STRINGS.en.reviewTitle(3)).toBe("3 targets to check");
  });
});

describe("language and theme", () => {
  test.each([
    ["zh-CN", "zh"], ["zh-TW", "zh"], ["ZH-hk", "zh"], [undefined, "zh"], ["en-US", "en"], ["fr-FR", "en"],
  ] as const)("display language %s → %s", (display, lang) => expect(pickLang(display)).toBe(lang)); // prettier-ignore

  test("both languages have every string", () => {
    expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.zh).sort());
    expect(STRINGS.zh.checkSummary(1, 2, 3)).toBe("错误 1 项，警告 2 项，提示 3 项");
  });

  test("a dark Office background gives the dark theme; both use the Chinese font stack", () => {
    const dark = themeFor("#1F1F1F");
    const light = themeFor("#FFFFFF");
    expect(dark.colorNeutralBackground1).not.toBe(light.colorNeutralBackground1);
    expect(themeFor(undefined).colorNeutralBackground1).toBe(light.colorNeutralBackground1);
    expect(dark.fontFamilyBase).toMatch(/^"Microsoft YaHei UI".*PingFang SC.*Noto Sans CJK SC/);
  });
});

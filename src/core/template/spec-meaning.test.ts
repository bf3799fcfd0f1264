import { makeFinding } from "../findings/make-finding";
import type { Target } from "../plan/types";
import { buildTemplateSpec, type TemplateOptions } from "./build-spec";
import type { TaskList } from "../plan/types";
import type { TargetRow, TemplateSpec } from "./spec";
import { changeData, specChanges } from "./spec-diff";
import { collapseSpace, specMeaning, templateIdOf } from "./spec-meaning";
import { makeTarget, makeTask, makeTaskList } from "./test-builders";

function build(
  list: TaskList = makeTaskList(),
  options: TemplateOptions = { period: "2024年上半年" },
): TemplateSpec {
  const r = buildTemplateSpec(list, options);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r.spec;
}

const list = (): TaskList =>
  makeTaskList({
    tasks: [
      makeTask({ id: "1", title: "推进检查检验结果互认共享", responsible: ["医政科"], line: 5 }),
      makeTask({ id: "2", path: ["一", "2"], title: "提升临床重点专科建设质效", line: 9 }),
    ],
    targets: [
      makeTarget({ task: "1" }),
      makeTarget({ task: "2", indicator: "孕产妇死亡率", op: "<=", value: 12, unitOfMeasure: "/10万" }),
    ],
  });

/** The same list with one target changed. */
const withTarget = (i: number, over: Partial<Target>): TaskList => {
  const l = list();
  return { ...l, targets: l.targets.map((t, n) => (n === i ? ({ ...t, ...over } as Target) : t)) };
};

describe("collapseSpace", () => {
  it("drops spaces in Chinese text and keeps one between Latin words or digits", () => {
    expect(collapseSpace("  创新医防协同、 医防融合\n机制 ")).toBe("创新医防协同、医防融合机制");
    expect(collapseSpace("COVID  19\u3000疫苗 接种率")).toBe("COVID 19疫苗接种率");
  });
});

describe("the template id: a hash of what the template means", () => {
  it("is the same whatever lines the tasks came from, however the plan was spaced, whatever the target's text", () => {
    const a = build(list());
    const l = list();
    const spaced: TaskList = {
      ...l,
      title: ` ${l.title}\u3000`,
      tasks: l.tasks.map((t) => ({ ...t, line: 0, title: ` ${t.title.slice(0, 4)}  ${t.title.slice(4)}\n` })),
      targets: l.targets.map((t) => ({ ...t, text: `（${t.text}）` })),
    };
    expect(build(spaced).templateId).toBe(a.templateId);
    expect(a.templateId).toBe(templateIdOf(a));
    expect(a.templateId).toMatch(/^rk-[0-9a-f]{12}$/);
  });

  it("is the same with another submission deadline, contact or unit list: they are not what is asked", () => {
    const a = build(list(), { period: "2024年上半年" });
    const b = build(list(), {
      period: "2024年上半年",
      deadline: "2024-07-10",
      contact: "医政科 张三",
      units: ["东湖区卫健委"],
    });
    expect(b.templateId).toBe(a.templateId);
  });

  it("changes with a target's value, comparison or unit, a task's title, a row, the period", () => {
    const id = build(list()).templateId;
    const others = [
      build(withTarget(0, { value: 90 })),
      build(withTarget(0, { op: "<=" })),
      build(withTarget(1, { unitOfMeasure: "‰" })),
      build(withTarget(1, { deadline: "2024-06-30" })),
      build({ ...list(), tasks: list().tasks.map((t, i) => (i === 0 ? { ...t, title: "推进互认" } : t)) }),
      build({ ...list(), targets: list().targets.slice(1) }),
      build(list(), { period: "2024年度" }),
    ].map((s) => s.templateId);
    for (const other of others) expect(other).not.toBe(id);
    expect(new Set(others).size).toBe(others.length);
  });

  it("changes with a target's scope or roll-up method: how the commission judges is part of what it means", () => {
    const spec = build(list());
    const row = spec.rows[1] as TargetRow;
    const scope = (row.target as { scope?: string }).scope === "total" ? "each" : "total";
    const judged = {
      ...spec,
      rows: spec.rows.map((r, i) => (i === 1 ? { ...row, target: { ...row.target, scope } as Target } : r)),
    };
    expect(templateIdOf(judged)).not.toBe(spec.templateId);
  });
});

describe("specChanges", () => {
  const spec = build(list());
  const edit = (key: string, over: Partial<Target>): TemplateSpec => ({
    ...spec,
    rows: spec.rows.map((r) =>
      r.key === key && r.kind === "target" ? { ...r, target: { ...r.target, ...over } as Target } : r,
    ),
  });

  it("names a lowered target by row key, authority value and the other's", () => {
    expect(specChanges(specMeaning(spec), specMeaning(edit("T1.1", { value: 80 })))).toEqual([
      { key: "T1.1", field: "target", expected: "≥95", got: "≥80" },
    ]);
  });

  it("names rows removed and added, a task title and an indicator", () => {
    const other: TemplateSpec = {
      ...spec,
      rows: [
        ...spec.rows
          .filter((r) => r.key !== "T2.1")
          .map((r) =>
            r.kind === "task" && r.key === "T1"
              ? { ...r, task: { ...r.task, title: "推进互认" } }
              : r.kind === "target"
                ? { ...r, target: { ...r.target, indicator: `${r.target.indicator}（三级医院）` } }
                : r,
          ),
        { ...(spec.rows[1] as TargetRow), key: "T1.2" },
      ],
    };
    expect(specChanges(specMeaning(spec), specMeaning(other)).map((c) => [c.key, c.field])).toEqual([
      ["T1", "title"],
      ["T1.1", "indicator"],
      ["T2.1", "row"],
      ["T1.2", "row"],
    ]);
  });

  it("leaves out scope and method when asked (an authority changes them on its own)", () => {
    const other = edit("T1.1", { scope: "total", method: "mean" } as Partial<Target>);
    expect(specChanges(specMeaning(spec), specMeaning(other), { ignoreJudging: true })).toEqual([]);
    expect(specChanges(specMeaning(spec), specMeaning(other)).map((c) => c.field)).toEqual(
      expect.arrayContaining(["method"]),
    );
  });

  it("is worded in the finding: the first three spelled out, the rest counted", () => {
    const changes = specChanges(
      specMeaning(spec),
      specMeaning({
        ...spec,
        plan: { ...spec.plan, title: "另一份要点" },
        period: { ...spec.period, label: "2024年度" },
        rows: [],
      }),
    );
    const f = makeFinding("check.spec_changed", { kind: "file", file: "东湖区.xlsx" }, changeData(changes));
    expect(f.severity).toBe("error");
    expect(f.message.zh).toBe(
      `报表中保存的模板内容与下发的模板不一致（共 ${changes.length} 处），已按下发的模板校验：` +
        `工作要点名称：下发的模板为“${spec.plan.title}”，本报表为“另一份要点”；` +
        "报告期：下发的模板为“2024年上半年”，本报表为“2024年度”；" +
        `T1 行“推进检查检验结果互认共享”：下发的模板有，本报表没有；等 ${changes.length} 处`,
    );
    const one = makeFinding(
      "check.spec_changed",
      { kind: "file", file: "a.xlsx" },
      changeData(changes.slice(3, 4)),
    );
    expect(one.message.en).toBe(
      'The template stored in this return differs from the one sent (1 difference(s)); checked against the one sent: T1.1 row "互认率": in the template sent, not in this return',
    );
  });
});

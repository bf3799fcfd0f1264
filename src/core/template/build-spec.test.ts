import { buildTemplateSpec } from "./build-spec";
import { templateFileName, templateFileNames, safeFileName } from "./file-name";
import { identityRows, readIdentityRows } from "./identity";
import { measureOf } from "./measure";
import { rowInputFields } from "./row-fields";
import { IDENTITY_CHUNK, type TargetRow, type TemplateSpec } from "./spec";
import { makeTarget, makeTask, makeTaskList } from "./test-builders";
import { checkUnitList } from "./units";

function build(...args: Parameters<typeof buildTemplateSpec>): TemplateSpec {
  const r = buildTemplateSpec(...args);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r.spec;
}

describe("buildTemplateSpec", () => {
  it("puts each target row under its task with keys T<id> and T<id>.<n>", () => {
    const list = makeTaskList({
      tasks: [makeTask({ id: "1" }), makeTask({ id: "2", title: "提升临床重点专科建设质效" })],
      targets: [
        makeTarget({ task: "2" }),
        makeTarget({
          task: "1",
          indicator: "床位数",
          op: "between",
          min: 3,
          max: 5,
          unitOfMeasure: "家",
        } as never),
        makeTarget({ task: "2", indicator: "孕产妇死亡率", op: "<=", value: 12, unitOfMeasure: "/10万" }),
      ],
    });
    const spec = build(list, { period: "2024年上半年" });
    expect(spec.rows.map((r) => r.key)).toEqual(["T1", "T1.1", "T2", "T2.1", "T2.2"]);
    expect(spec.rows.filter((r): r is TargetRow => r.kind === "target").map((r) => r.targetLabel)).toEqual([
      "全区域 3-5家",
      "每单位 ≥95%",
      "全区域 ≤12/10万",
    ]);
    expect(spec.layout.lastDataRow - spec.layout.firstDataRow + 1).toBe(5);
  });

  it("labels approx and ratio targets", () => {
    const list = makeTaskList({
      targets: [
        makeTarget({
          op: "approx",
          value: 2,
          tolerance: 0.1,
          unitOfMeasure: "ratio",
          indicator: "医护比",
        } as never),
      ],
    });
    const row = build(list).rows[1] as TargetRow;
    expect(row.targetLabel).toBe("每单位 约1:2");
    expect(row.measure).toBe("ratio");
  });

  it("gives the same template id for the same plan, period and rows, another for another period", () => {
    const a = build(makeTaskList(), { period: "2024年上半年", units: ["甲医院"] });
    const b = build(makeTaskList(), { period: "2024年上半年", units: ["乙医院"] });
    const c = build(makeTaskList(), { period: "2024年第三季度" });
    expect(a.templateId).toMatch(/^rk-[0-9a-f]{12}$/);
    expect(b.templateId).toBe(a.templateId);
    expect(c.templateId).not.toBe(a.templateId);
  });

  it("defaults the period to the plan year's 年度", () => {
    expect(build(makeTaskList()).period.label).toBe("2024年度");
  });

  it("refuses an unknown period, a bad deadline and a list without tasks, with every finding", () => {
    const r = buildTemplateSpec(makeTaskList({ tasks: [], targets: [] }), {
      period: "2024年第5季度",
      deadline: "明天",
    });
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.code)).toEqual([
      "template.no_tasks",
      "template.period_unknown",
      "template.deadline_invalid",
    ]);
    expect(r.findings[1]?.message.zh).toContain("2024年第5季度");
  });

  it("needs a period when the plan has no year", () => {
    const r = buildTemplateSpec(makeTaskList({ year: null }));
    expect(r.findings.map((f) => f.code)).toEqual(["template.period_missing"]);
  });

  it("warns when the period is not in the plan's year", () => {
    const r = buildTemplateSpec(makeTaskList(), { period: "2025年上半年" });
    expect(r.ok).toBe(true);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([["template.period_other_year", "warning"]]);
  });
});

describe("checkUnitList", () => {
  it("names the row of a blank and of a repeated unit", () => {
    const r = checkUnitList(["东湖区卫健委", " ", "西湖区卫健委", "东湖区卫健委　"], {
      file: "units.csv",
      firstRow: 2,
    });
    expect(r.units).toEqual(["东湖区卫健委", "西湖区卫健委"]);
    expect(r.findings.map((f) => [f.code, f.data])).toEqual([
      ["template.unit_blank", { row: 3 }],
      ["template.unit_duplicate", { row: 5, first: 2, name: "东湖区卫健委" }],
    ]);
    expect(r.findings[1]?.message.zh).toBe("单位名录第 5 行“东湖区卫健委”与第 2 行重复");
  });

  it("stops the spec when the unit list has errors", () => {
    expect(buildTemplateSpec(makeTaskList(), { units: ["甲", "甲"] }).ok).toBe(false);
  });
});

describe("measures and inputs", () => {
  it.each([
    ["%", "rate"],
    ["‰", "rate"],
    ["/10万", "rate"],
    ["家", "count"],
    ["级", "level"],
    ["ratio", "ratio"],
    ["张/千人", "amount"],
    [null, "amount"],
  ] as const)("%p is a %s", (unit, measure) => expect(measureOf(unit)).toBe(measure));

  it("asks numerator and denominator for a rate, the value otherwise", () => {
    const spec = build(makeTaskList({ targets: [makeTarget(), makeTarget({ unitOfMeasure: "家" })] }));
    expect(spec.rows.map(rowInputFields)).toEqual([
      ["status", "note", "problems"],
      ["numerator", "denominator", "note"],
      ["value", "note"],
    ]);
  });
});

describe("identity rows", () => {
  it("round-trip the spec through chunks of at most IDENTITY_CHUNK characters", () => {
    const tasks = Array.from({ length: 400 }, (_, i) =>
      makeTask({ id: String(i + 1), title: `任务${i}`.repeat(20) }),
    );
    const spec = build(makeTaskList({ tasks, targets: [] }));
    const rows = identityRows(spec, "东湖区卫健委");
    expect(rows.filter(([k]) => k === "spec").length).toBeGreaterThan(1);
    expect(rows.every(([, v]) => String(v).length <= IDENTITY_CHUNK)).toBe(true);
    const back = readIdentityRows(rows);
    expect(back.ok && back.spec).toEqual(spec);
    expect(back.ok && back.identity.unit).toBe("东湖区卫健委");
  });

  it("reports a missing chunk", () => {
    const rows = identityRows(build(makeTaskList()), null).filter(([k]) => k !== "spec");
    expect(readIdentityRows(rows)).toEqual({ ok: false, reason: "specChunks" });
  });
});

describe("file names", () => {
  it.each([
    ['a\\b/c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"],
    ["  ..人民医院.. ", "人民医院"],
    ["CON", "_CON"],
    ["lpt1.txt", "_lpt1.txt"],
    ["", "_"],
    ["\u0001\u0002", "__"],
  ])("%p → %p", (name, safe) => expect(safeFileName(name)).toBe(safe));

  it("caps long names and keeps copies apart", () => {
    expect([...safeFileName("院".repeat(200))].length).toBe(80);
    const spec = build(makeTaskList(), { units: ["甲/乙", "甲:乙", "Abc", "abc"] });
    const names = [...templateFileNames(spec).values()];
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(5);
    expect(templateFileName(spec, null)).toBe("2024年医疗管理工作要点-2024年度-模板.xlsx");
  });
});

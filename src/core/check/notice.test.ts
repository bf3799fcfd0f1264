import { makeFinding } from "../findings/make-finding";
import { buildTemplateSpec } from "../template/build-spec";
import { makeTarget, makeTask, makeTaskList } from "../template/test-builders";
import { planNotice } from "./notice";
import type { CheckResult, Entry } from "./types";

const built = buildTemplateSpec(
  makeTaskList({
    tasks: [makeTask({ id: "1" })],
    targets: [
      makeTarget({ task: "1", indicator: "门诊预约率", unitOfMeasure: "%", value: 90 }),
      makeTarget({ task: "1", indicator: "帮扶机构数", unitOfMeasure: "家", value: 3 }),
    ],
  }),
);
if (!built.ok) throw new Error("spec");
const spec = built.spec;
const L = spec.layout;
const [task, rate, count] = spec.rows;
if (!task || !rate || !count) throw new Error("rows");
/** Rows of the template: task, rate, count from firstDataRow. The unit inserted a row above the rate. */
const fresh = (i: number) => L.firstDataRow + i;
const inReturn = (i: number) => L.firstDataRow + (i === 0 ? 0 : i + 1);

const entry = (key: string, field: Entry["field"], cell: string, raw: Entry["raw"]): Entry => ({
  key,
  task: "1",
  indicator: null,
  field,
  kind: "number",
  value: typeof raw === "number" ? raw : null,
  raw,
  sheet: "填报表(改)",
  cell,
});

const result: CheckResult = {
  identity: {
    templateId: spec.templateId,
    specVersion: spec.specVersion,
    planTitle: "",
    period: "",
    unit: "东湖区",
  },
  spec,
  unit: "东湖区",
  entries: [
    entry("header", "reporter", L.headerCells.reporter ?? "", "李四"),
    entry("header", "unit", L.headerCells.unit ?? "", "东湖区"),
    entry(rate.key, "numerator", `${L.columns.numerator}${inReturn(1)}`, 96),
    entry(rate.key, "denominator", `${L.columns.denominator}${inReturn(1)}`, 100),
    // 完成值 of a rate is a formula: its cached result is not carried, the template's formula is.
    entry(rate.key, "value", `${L.columns.value}${inReturn(1)}`, 0.96),
    entry(count.key, "value", `${L.columns.value}${inReturn(2)}`, "3"),
    entry(count.key, "note", `${L.columns.note}${inReturn(2)}`, null),
  ],
  findings: [
    makeFinding("check.rate_value_mismatch", {
      kind: "cell",
      file: "f.xlsx",
      sheet: "填报表(改)",
      cell: `${L.columns.value}${inReturn(1)}`,
      key: rate.key,
    }),
    makeFinding("check.text_in_number_cell", {
      kind: "cell",
      file: "f.xlsx",
      sheet: "填报表(改)",
      cell: `${L.columns.value}${inReturn(2)}`,
      key: count.key,
    }),
    makeFinding("check.row_added", {
      kind: "cell",
      file: "f.xlsx",
      sheet: "填报表(改)",
      cell: `A${inReturn(1) - 1}`,
    }),
    makeFinding("check.missing_header", {
      kind: "cell",
      file: "f.xlsx",
      sheet: "填报表(改)",
      cell: L.headerCells.phone ?? "",
    }),
  ],
};

describe("planNotice: a return's values and findings in a fresh template", () => {
  const plan = planNotice(spec, result);

  it("puts each typed input at its key's row in the template, not the formula's cached result nor the locked unit", () => {
    expect(plan.values).toEqual([
      { cell: L.headerCells.reporter, value: "李四" },
      { cell: `${L.columns.numerator}${fresh(1)}`, value: 96 },
      { cell: `${L.columns.denominator}${fresh(1)}`, value: 100 },
      { cell: `${L.columns.value}${fresh(2)}`, value: "3" },
    ]);
    expect(task.kind).toBe("task");
  });

  it("points each finding at the same field there; one about a row the template has not, at no cell", () => {
    expect(plan.findings.map((p) => [p.finding.code, p.at?.cell ?? null])).toEqual([
      ["check.rate_value_mismatch", `${L.columns.value}${fresh(1)}`],
      ["check.text_in_number_cell", `${L.columns.value}${fresh(2)}`],
      ["check.row_added", null],
      ["check.missing_header", L.headerCells.phone],
    ]);
    expect(plan.findings.every((p) => p.at === null || p.at.sheet === L.entrySheet)).toBe(true);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { toTaskListJson } from "../../src/core/plan/task-list-json";
import type { TemplateSpec } from "../../src/core/template/spec";
import { fixtureTaskList } from "../check/builders";
import { run } from "../cli/run-cli";
import { fillReturn } from "./fill-return";

/**
 * A mean the template asks a weight for (人均预期寿命 weighted by 常住人口), from the task list a clerk edited to the
 * summary: the template asks each unit for its weight, the check says when it is missing, and the summary is
 * Σ(figure × weight) / Σ weight, never the plain mean nor a sum.
 */
const dir = mkdtempSync(join(tmpdir(), "rk-weighted-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UNITS = ["甲县", "乙县", "丙县"];
let spec: TemplateSpec;
let template: string;

beforeAll(async () => {
  const list = toTaskListJson(fixtureTaskList());
  list.targets.push({
    task: list.tasks[0]!.id,
    text: "人均预期寿命达到79.5岁",
    indicator: "人均预期寿命",
    op: ">=",
    value: 79.5,
    min: null,
    max: null,
    unit: "岁",
    deadline: null,
    method: "mean",
    weight: "常住人口",
  });
  writeFileSync(join(dir, "plan.json"), JSON.stringify(list));
  writeFileSync(join(dir, "units.csv"), `单位名称\n${UNITS.join("\n")}\n`);
  const made = await run([
    "template",
    join(dir, "plan.json"),
    "--period",
    "2024年上半年",
    "--units",
    join(dir, "units.csv"),
    "-o",
    join(dir, "out"),
  ]);
  expect(made.code).toBe(0);
  const files = readdirSync(join(dir, "out"));
  spec = JSON.parse(
    readFileSync(
      join(
        dir,
        "out",
        files.find((f) => f.endsWith(".spec.json"))!,
      ),
      "utf8",
    ),
  );
  template = join(
    dir,
    "out",
    files.find((f) => f.endsWith("模板.xlsx"))!,
  );
  mkdirSync(join(dir, "in"));
  const key = spec.rows.find((r) => r.kind === "target" && r.target.indicator === "人均预期寿命")!.key;
  const figures: [string, number, number | null][] = [
    ["甲县", 80, 100_000],
    ["乙县", 78, 300_000],
    ["丙县", 79, null],
  ];
  for (const [unit, value, weight] of figures) {
    const bytes = await fillReturn(readFileSync(template), spec, [
      { key: "header", field: "unit", value: unit },
      { key: "header", field: "reporter", value: "张三" },
      { key: "header", field: "filledOn", value: new Date(Date.UTC(2024, 6, 5)) },
      { key, field: "value", value },
      ...(weight === null ? [] : [{ key, field: "denominator" as const, value: weight }]),
    ]);
    writeFileSync(join(dir, "in", `${unit}.xlsx`), bytes);
  }
}, 60_000);

describe("a mean weighted by what each unit reports", () => {
  it("the template asks each unit for the weight in the 分母（权数） column", async () => {
    const row = spec.rows.find((r) => r.kind === "target" && r.target.indicator === "人均预期寿命")!;
    expect(row.kind === "target" && row.target.weight).toBe("常住人口");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    const ws = wb.getWorksheet(spec.layout.entrySheet)!;
    const den = spec.layout.columns.denominator!;
    expect(ws.getCell(`${den}${spec.layout.headerRow}`).value).toBe("分母（权数）");
    const r = spec.layout.firstDataRow + spec.rows.indexOf(row);
    const cell = ws.getCell(`${den}${r}`);
    expect(cell.protection?.locked).toBe(false);
    expect(cell.dataValidation?.prompt).toContain("常住人口");
    // A mean with no weight asks for none: its 分母 stays locked.
    const plain = spec.rows.findIndex(
      (x) => x.kind === "target" && x.measure !== "rate" && x.target.weight === undefined,
    );
    expect(ws.getCell(`${den}${spec.layout.firstDataRow + plain}`).protection?.locked).not.toBe(false);
    const notes = wb.getWorksheet(spec.layout.instructionsSheet)!;
    const said: string[] = [];
    notes.eachRow((x) => said.push(String(x.getCell(1).value ?? "")));
    expect(said.join("\n")).toContain("人均预期寿命按常住人口");
  });

  it("rolls up as Σ(figure × weight) / Σ weight, and names the return whose weight is missing", async () => {
    const r = await run(["consolidate", join(dir, "in"), "-o", join(dir, "汇总.xlsx"), "--json"]);
    const out = JSON.parse(r.out) as {
      targets: {
        indicator: string;
        method: string;
        weight?: string;
        value: number;
        numerator: number;
        denominator: number;
      }[];
      returns: { file: string; findings: { code: string; cell?: string; message: string }[] }[];
    };
    const life = out.targets.find((t) => t.indicator === "人均预期寿命")!;
    expect(life).toMatchObject({ method: "mean", weight: "常住人口", denominator: 400_000 });
    // (80 × 100,000 + 78 × 300,000) / 400,000 = 78.5; the plain mean of 80, 78 and 79 would be 79.
    expect(life.value).toBe(78.5);
    expect(life.numerator).toBe(31_400_000);
    const 丙 = out.returns.find((x) => x.file.endsWith("丙县.xlsx"))!;
    const missing = 丙.findings.find((f) => f.code === "check.weight_invalid")!;
    expect(missing.message).toContain("常住人口");
    expect(missing.message).toContain("未填写");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "汇总.xlsx"));
    const texts: string[] = [];
    wb.getWorksheet("汇总")!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain("加权平均（按常住人口）");
  }, 60_000);

  it("check says when a weight is not a number above 0", async () => {
    const key = spec.rows.find((r) => r.kind === "target" && r.target.indicator === "人均预期寿命")!.key;
    const bytes = await fillReturn(readFileSync(template), spec, [
      { key: "header", field: "unit", value: "甲县" },
      { key, field: "value", value: 80 },
      { key, field: "denominator", value: 0 },
    ]);
    writeFileSync(join(dir, "zero.xlsx"), bytes);
    const r = await run(["check", join(dir, "zero.xlsx"), "--json", "--lang", "en"]);
    const found = (JSON.parse(r.out) as { findings: { code: string; message: string }[] }).findings;
    const bad = found.find((f) => f.code === "check.weight_invalid")!;
    expect(bad.message).toContain('"0" is not a number above 0');
  }, 60_000);
});

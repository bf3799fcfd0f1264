import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import { run } from "../cli/run-cli";
import { FIXTURES } from "./helpers";

const dir = mkdtempSync(join(tmpdir(), "rk-template-"));
const PLAN_JSON = join(FIXTURES, "000_64af8b8e620b9456.json");
const file = (name: string, data: string | Uint8Array) => {
  writeFileSync(join(dir, name), data);
  return join(dir, name);
};

describe("report-kit template", () => {
  it("writes the blank template, a copy per unit with a safe name, and the spec", async () => {
    const units = file(
      "units.csv",
      '\uFEFF单位名称,联系人\n东湖区卫健委,张三\n"青山湖区/卫健委",李四\nCON\n',
    );
    const out = join(dir, "out");
    const r = await run(
      [
        "template",
        PLAN_JSON,
        "--units",
        units,
        "--period",
        "2024年上半年",
        "--deadline",
        "2024年7月10日",
        "-o",
        out,
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const names = readdirSync(out).sort();
    expect(names).toEqual(
      [
        "2024年南昌市医疗管理工作要点-2024年上半年-_CON.xlsx",
        "2024年南昌市医疗管理工作要点-2024年上半年-东湖区卫健委.xlsx",
        "2024年南昌市医疗管理工作要点-2024年上半年-模板.spec.json",
        "2024年南昌市医疗管理工作要点-2024年上半年-模板.xlsx",
        "2024年南昌市医疗管理工作要点-2024年上半年-青山湖区_卫健委.xlsx",
      ].sort(),
    );
    const copy = await readTemplateIdentity(
      new Uint8Array(
        readFileSync(join(out, "2024年南昌市医疗管理工作要点-2024年上半年-青山湖区_卫健委.xlsx")),
      ),
      "copy.xlsx",
    );
    expect(copy.ok && copy.identity.unit).toBe("青山湖区/卫健委");
    const spec = JSON.parse(readFileSync(join(out, names.find((n) => n.endsWith(".json")) ?? ""), "utf8"));
    expect(spec.deadline).toBe("2024-07-10");
    expect(copy.ok && copy.spec).toEqual(spec);
    expect(r.out).toContain("已写入 5 个文件");
  });

  it("reads a GBK unit list and an .xlsx unit list without a heading", async () => {
    const csv = file("gbk.csv", new Uint8Array(Buffer.from([0xb6, 0xab, 0xba, 0xfe, 0xc7, 0xf8, 0x0a]))); // 东湖区 in GBK
    const r1 = await run(["template", PLAN_JSON, "--units", csv, "-o", join(dir, "gbk")], dir);
    expect(r1.code).toBe(0);
    expect(readdirSync(join(dir, "gbk")).some((n) => n.includes("东湖区"))).toBe(true);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名录");
    ["甲医院", "乙医院"].forEach((n, i) => (ws.getCell(`A${i + 1}`).value = n));
    const xlsx = file("units.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    const r2 = await run(["template", PLAN_JSON, "--units", xlsx, "-o", join(dir, "x")], dir);
    expect(r2.code).toBe(0);
    expect(readdirSync(join(dir, "x")).filter((n) => /[甲乙]医院/.test(n))).toHaveLength(2);
  });

  it("refuses bad input with every finding and writes nothing", async () => {
    const units = file("bad.csv", "单位\n东湖区卫健委\n\n东湖区卫健委\n");
    const out = join(dir, "bad-out");
    const r = await run(
      ["template", PLAN_JSON, "--units", units, "--period", "2024年第5季度", "-o", out],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      [
        "[错误] --period: 无法识别报告期“2024年第5季度”。可用格式：2024年度、2024年上半年、2024年第三季度、2024年1-9月、2024年3月",
        "[错误] <dir>/bad.csv: 单位名录第 3 行的单位名称为空",
        "[错误] <dir>/bad.csv: 单位名录第 4 行“东湖区卫健委”与第 2 行重复",
        "",
      ].join("\n"),
    );
    expect(existsSync(out)).toBe(false);
  });

  it("parses a plan given as text", async () => {
    const plan = file(
      "plan.txt",
      "2024年某县卫生健康工作要点\n一、重点任务\n1.提升能力。家庭医生签约服务覆盖率达到75%。\n",
    );
    const r = await run(["template", plan, "--period", "2024年1-9月", "-o", join(dir, "txt")], dir);
    expect(r.code).toBe(0);
    const blank = readdirSync(join(dir, "txt")).find((n) => n.endsWith("模板.xlsx")) ?? "";
    const back = await readTemplateIdentity(new Uint8Array(readFileSync(join(dir, "txt", blank))), blank);
    expect(back.ok && back.spec.rows.map((row) => row.kind)).toEqual(["task", "target"]);
    expect(back.ok && back.identity.period).toBe("2024年1-9月");
  });

  it("refuses a task list with no tasks, and a missing -o", async () => {
    const empty = file("empty.json", JSON.stringify({ title: "要点", year: 2024, tasks: [], targets: [] }));
    const r = await run(["template", empty, "-o", join(dir, "e")], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe("[错误] <dir>/empty.json: 任务清单中没有任何任务，无法生成填报模板\n");
    expect((await run(["template", PLAN_JSON], dir)).code).toBe(2);
  });
});

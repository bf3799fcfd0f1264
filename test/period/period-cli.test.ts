import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { TemplateSpec } from "../../src/core/template/spec";
import { fillReturn, plausibleFills, type Fill } from "../consolidate/fill-return";

/**
 * Two periods of a sample plan through the built command: 上半年 returns consolidated, then the 全年 templates made
 * with that summary (--previous), filled with a cumulative count that falls, a denominator that halves and a rate
 * that jumps (once explained in the note), checked and consolidated against the first period.
 */
const root = join(__dirname, "../..");
const cli = join(root, "bin/report-kit.js");
const plan = join(root, "seeds/000_64af8b8e620b9456.txt");
const otherPlan = join(root, "seeds/001_deea3cea938e1f83.txt");
const dir = mkdtempSync(join(tmpdir(), "rk-period-"));
const at = (...p: string[]) => join(dir, ...p);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reportKit(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  return r;
}

const specIn = (folder: string): TemplateSpec => {
  const name = readdirSync(folder).find((f) => f.endsWith(".spec.json"))!;
  return JSON.parse(readFileSync(join(folder, name), "utf8")) as TemplateSpec;
};
const copyIn = (folder: string, unit: string) =>
  new Uint8Array(
    readFileSync(
      join(
        folder,
        readdirSync(folder).find((f) => f.endsWith(`-${unit}.xlsx`))!,
      ),
    ),
  );
const keyOf = (spec: TemplateSpec, indicator: string) =>
  spec.rows.find((r) => r.kind === "target" && r.target.indicator === indicator)?.key ?? "";

/** 重症医学科人员培训次数 (3-5次, summed) and 三级公立医院公共卫生首席专家设置率 (Σ分子/Σ分母). */
const COUNT = "重症医学科人员培训次数";
const RATE = "三级公立医院公共卫生首席专家设置率";

/** A unit's figures on the two rows: the count, the rate's 分子 and 分母, and a note on the rate's row. */
type Figures = { count: number; num: number; den: number; note?: string };

async function writeReturn(folder: string, out: string, unit: string, f: Figures): Promise<void> {
  const spec = specIn(folder);
  const [count, rate] = [keyOf(spec, COUNT), keyOf(spec, RATE)];
  const fills: Fill[] = [
    ...plausibleFills(spec, unit.charCodeAt(0), { filledOn: "2024-07-05" as unknown as string }),
    ...(count && rate
      ? [
          { key: count, field: "value" as const, value: f.count },
          { key: rate, field: "numerator" as const, value: f.num },
          { key: rate, field: "denominator" as const, value: f.den },
          ...(f.note ? [{ key: rate, field: "note" as const, value: f.note }] : []),
        ]
      : []),
  ];
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, `${unit}.xlsx`), await fillReturn(copyIn(folder, unit), spec, fills));
}

type Json = {
  findings: {
    severity: string;
    code: string;
    cell: string | null;
    key: string | null;
    message: string;
    file: string;
  }[];
};
type Target = { key: string; value: number | null; previous: number | null; change: number | null };

const EXPLAINED = "新建两家三级医院均已设立首席专家";

beforeAll(async () => {
  writeFileSync(at("units-h1.csv"), "单位名称\n甲县\n乙县\n丙县\n");
  writeFileSync(at("units-year.csv"), "单位名称\n甲县\n乙县\n丁县\n");
  expect(existsSync(join(root, "dist/cli.js"))).toBe(true);
  // 上半年: three units report; consolidated.
  expect(
    reportKit("template", plan, "--units", at("units-h1.csv"), "--period", "2024年上半年", "-o", at("h1"))
      .status,
  ).toBe(0);
  await writeReturn(at("h1"), at("h1-returns"), "甲县", { count: 4, num: 80, den: 100 });
  await writeReturn(at("h1"), at("h1-returns"), "乙县", { count: 4, num: 70, den: 100 });
  await writeReturn(at("h1"), at("h1-returns"), "丙县", { count: 4, num: 500, den: 1000 });
  expect(reportKit("consolidate", at("h1-returns"), "-o", at("h1", "汇总.xlsx")).status).toBeLessThan(2);
  // 全年: the templates show each unit's 上半年 figures; 丙县 is gone, 丁县 is new.
  const made = reportKit(
    "template",
    plan,
    "--units",
    at("units-year.csv"),
    "--period",
    "2024年度",
    "--previous",
    at("h1", "汇总.xlsx"),
    "-o",
    at("year"),
  );
  expect(made.status).toBe(0);
  expect(made.stdout).toContain("上期 2024年上半年");
  await writeReturn(at("year"), at("year-returns"), "甲县", { count: 3, num: 40, den: 50 });
  await writeReturn(at("year"), at("year-returns"), "乙县", {
    count: 5,
    num: 100,
    den: 100,
    note: EXPLAINED,
  });
  await writeReturn(at("year"), at("year-returns"), "丁县", { count: 2, num: 9, den: 10 });
  await writeReturn(at("year"), at("unexplained"), "乙县", { count: 5, num: 100, den: 100 });
  // The same plan and period made without --previous.
  reportKit(
    "template",
    plan,
    "--units",
    at("units-year.csv"),
    "--period",
    "2024年度",
    "-o",
    at("year-plain"),
  );
}, 120_000);

describe("the previous period in the template", () => {
  it("keeps the template id: the same plan and period with or without 上期值", () => {
    expect(specIn(at("year-plain")).templateId).toBe(specIn(at("year")).templateId);
    expect(specIn(at("year-plain")).previous).toBeUndefined();
    expect(specIn(at("year")).previous?.templateId).toBe(specIn(at("h1")).templateId);
  });

  it("shows each unit its own previous figures, locked, with a live 变化", async () => {
    const spec = specIn(at("year"));
    const P = spec.layout.previousColumns!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(copyIn(at("year"), "甲县") as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(spec.layout.entrySheet)!;
    const rowOf = (key: string) => {
      let n = 0;
      ws.eachRow((row, i) => (row.getCell(spec.layout.keyColumn).value === key ? (n = i) : undefined));
      return n;
    };
    const [count, rate] = [rowOf(keyOf(spec, COUNT)), rowOf(keyOf(spec, RATE))];
    expect(ws.getCell(`${P.value}${spec.layout.headerRow}`).value).toBe("上期值");
    expect(ws.getCell(`${P.value}${count}`).value).toBe(4);
    expect(ws.getCell(`${P.numerator}${rate}`).value).toBe(80);
    expect(ws.getCell(`${P.denominator}${rate}`).value).toBe(100);
    expect(ws.getCell(`${P.value}${rate}`).value).toBe(80);
    expect(ws.getCell(`${P.value}${rate}`).protection?.locked).not.toBe(false);
    expect(String(ws.getCell(`${P.change}${count}`).formula)).toContain(
      `${spec.layout.columns.value}${count}-${P.value}${count}`,
    );
    // 丁县 did not report then: its copy has the columns and no figures.
    const fresh = new ExcelJS.Workbook();
    await fresh.xlsx.load(copyIn(at("year"), "丁县") as unknown as ArrayBuffer);
    expect(fresh.getWorksheet(spec.layout.entrySheet)!.getCell(`${P.value}${count}`).value).toBeNull();
  });
});

describe("the check against the previous period", () => {
  const findings = (file: string, ...extra: string[]) => {
    const r = reportKit("check", file, "--json", ...extra);
    return {
      status: r.status,
      findings: (JSON.parse(r.stdout) as Json).findings.filter((f) => f.code.startsWith("period.")),
    };
  };

  it("finds a falling cumulative count (error) and a halved denominator (warning) from the template's own 上期值", () => {
    const spec = specIn(at("year"));
    const { status, findings: found } = findings(at("year-returns", "甲县.xlsx"));
    expect(status).toBe(1);
    // In the order of the rows: the rate (T5.1) comes before the count (T9.1).
    expect(found.map((f) => [f.code, f.severity, f.key])).toEqual([
      ["period.denominator_changed", "warning", keyOf(spec, RATE)],
      ["period.cumulative_fell", "error", keyOf(spec, COUNT)],
    ]);
    expect(found[0]!.cell).toMatch(new RegExp(`^${spec.layout.columns.denominator}\\d+$`));
    expect(found[0]!.message).toContain("-50%");
    expect(found[1]!.cell).toMatch(new RegExp(`^${spec.layout.columns.value}\\d+$`));
  });

  it("finds a rate jump; an explanation in the note turns it into a note carrying the reason", () => {
    const bare = findings(at("unexplained", "乙县.xlsx")).findings;
    expect(bare.map((f) => [f.code, f.severity])).toEqual([["period.rate_jumped", "warning"]]);
    expect(bare[0]!.message).toContain("+30 个百分点");
    const told = findings(at("year-returns", "乙县.xlsx")).findings;
    expect(told.map((f) => [f.code, f.severity])).toEqual([["period.rate_jumped", "info"]]);
    expect(told[0]!.message).toContain(EXPLAINED);
  });

  it("compares a return of a template made without 上期值 when --previous names the previous summary", async () => {
    await writeReturn(at("year-plain"), at("plain-returns"), "甲县", { count: 3, num: 40, den: 50 });
    expect(findings(at("plain-returns", "甲县.xlsx")).findings).toEqual([]);
    const given = findings(at("plain-returns", "甲县.xlsx"), "--previous", at("h1", "汇总.xlsx")).findings;
    expect(given.map((f) => f.code)).toEqual(["period.denominator_changed", "period.cumulative_fell"]);
  });
});

describe("the summary against the previous period", () => {
  it("gives 上期值 and 环比 per target in --json and names the units in one period only", () => {
    const r = reportKit("consolidate", at("year-returns"), "-o", at("year", "汇总.xlsx"), "--json");
    const json = JSON.parse(r.stdout) as Json & { targets: Target[] };
    const spec = specIn(at("year"));
    const count = json.targets.find((t) => t.key === keyOf(spec, COUNT))!;
    const rate = json.targets.find((t) => t.key === keyOf(spec, RATE))!;
    expect(count).toMatchObject({ value: 10, previous: 12, change: -2 });
    // Σ分子/Σ分母 in both periods: (80+70+500)/1200 then (40+100+9)/160, never an average of rates.
    expect(rate).toMatchObject({ value: 93.13, previous: 54.17, change: 38.96 });
    const across = json.findings.filter(
      (f) => f.code === "period.unit_absent" || f.code === "period.unit_new",
    );
    expect(across.map((f) => [f.code, f.file])).toEqual([
      ["period.unit_absent", "丙县"],
      ["period.unit_new", "丁县"],
    ]);
    // The same from --previous, for returns of a template made without 上期值.
    const given = reportKit(
      "consolidate",
      at("plain-returns"),
      "-o",
      at("plain.xlsx"),
      "--json",
      "--previous",
      at("h1", "汇总.xlsx"),
    );
    const plain = (JSON.parse(given.stdout) as { targets: Target[] }).targets;
    expect(plain.find((t) => t.key === keyOf(spec, COUNT))).toMatchObject({
      value: 3,
      previous: 12,
      change: -9,
    });
  });

  it("writes 上期值 and 环比 on 汇总, for the area and for each unit", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(at("year", "汇总.xlsx"));
    const ws = wb.getWorksheet("汇总")!;
    const head = (ws.getRow(2).values as unknown[]).map(String);
    const col = (h: string) => head.indexOf(h);
    const row = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1))
      .find((r) => r.getCell(3).value === COUNT)!;
    expect(row.getCell(col("汇总值")).value).toBe(10);
    expect(row.getCell(col("上期值")).value).toBe(12);
    expect(row.getCell(col("环比")).value).toBe(-2);
    expect(row.getCell(col("甲县")).value).toBe(3);
    expect(row.getCell(col("甲县 上期")).value).toBe(4);
    expect(row.getCell(col("甲县 环比")).value).toBe(-1);
    expect(row.getCell(col("丁县 上期")).value).toBeNull();
    expect(String(ws.getCell("A1").value)).toContain("上期：2024年上半年");
  });

  it("refuses a previous summary of another plan, or of a period not earlier, in Chinese and English (exit 2)", async () => {
    writeFileSync(at("units-other.csv"), "单位名称\n甲县\n");
    reportKit(
      "template",
      otherPlan,
      "--units",
      at("units-other.csv"),
      "--period",
      "2024年上半年",
      "-o",
      at("other"),
    );
    await writeReturn(at("other"), at("other-returns"), "甲县", { count: 1, num: 1, den: 1 });
    const other = reportKit("consolidate", at("other-returns"), "-o", at("other", "汇总.xlsx"));
    expect(other.status).toBeLessThan(2);
    const zh = reportKit(
      "consolidate",
      at("year-returns"),
      "-o",
      at("x.xlsx"),
      "--previous",
      at("other", "汇总.xlsx"),
    );
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain("另一份工作要点");
    const en = reportKit(
      "template",
      plan,
      "--period",
      "2024年度",
      "--previous",
      at("other", "汇总.xlsx"),
      "-o",
      at("y2"),
      "--lang",
      "en",
    );
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("another plan");
    expect(existsSync(at("y2"))).toBe(false);
    const later = reportKit(
      "template",
      plan,
      "--period",
      "2024年上半年",
      "--previous",
      at("year", "汇总.xlsx"),
      "-o",
      at("y3"),
    );
    expect(later.status).toBe(2);
    expect(later.stderr).toContain("不早于");
  });
});

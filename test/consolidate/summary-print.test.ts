import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { MIN_SCALE } from "../../src/xlsx/print-layout";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec } from "./fixtures";

/**
 * The summary a commission prints, written by `report-kit consolidate` and read back: 汇总's columns cut into
 * legible landscape pages with the headings and name columns repeated, wrapped names with rows tall enough,
 * colours every program draws, 明细 as the units saw their cells, the input files on a sheet of their own, a copy
 * sent back blank counted as 未填写, and the summary sent up a level passing its own check.
 */
const UNITS = Array.from(
  { length: 12 },
  (_, i) => `第${"一二三四五六七八九十"[i % 10]}${i}区人民医院医疗集团总院`,
);
const BLANK = UNITS[11]!;
const dir = mkdtempSync(join(tmpdir(), "rk-summary-print-"));
const out = join(dir, "汇总.xlsx");
let wb: ExcelJS.Workbook;
let xml: Map<string, string>;

/** A sheet's XML part by the sheet's name. */
function sheetXml(name: string): string {
  const workbook = xml.get("xl/workbook.xml")!;
  const rels = xml.get("xl/_rels/workbook.xml.rels")!;
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)![1]!;
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
  return xml.get(`xl/${target.replace(/^\/?(xl\/)?/, "")}`)!;
}

beforeAll(async () => {
  const spec = fixtureSpec(UNITS);
  const returns = join(dir, "returns");
  mkdirSync(returns);
  for (const [i, unit] of UNITS.slice(0, 10).entries())
    writeFileSync(join(returns, `${unit}.xlsx`), await filledReturn(spec, unit, i + 1, "2024-07-05"));
  // A copy sent back as it was received: nothing filled in.
  writeFileSync(join(returns, `${BLANK}.xlsx`), await renderTemplate(spec, BLANK));
  const units = join(dir, "units.csv");
  writeFileSync(units, `单位名称\n${UNITS.join("\n")}\n`);
  const result = await run([
    "consolidate",
    returns,
    "-o",
    out,
    "--units",
    units,
    "--unit",
    "南昌市卫生健康委员会",
    "--reporter",
    "李四",
    "--phone",
    "0791-86000000",
    "--date",
    "2024-07-12",
  ]);
  expect(result.err).toBe("");
  const bytes = readFileSync(out);
  wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  xml = new Map(Object.entries(unzipSync(new Uint8Array(bytes))).map(([k, v]) => [k, strFromU8(v)]));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("汇总 on paper", () => {
  it("is landscape at 8 pt or larger, headings and name columns repeated, per-unit columns on pages of their own", () => {
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(MIN_SCALE * 100);
    expect(ws.pageSetup.printTitlesRow).toBe("1:2");
    expect(ws.pageSetup.printTitlesColumn).toBe("A:C");
    // The first unit's column starts a page, and the twelve units take more than one.
    const firstUnit = ws.getRow(2).values as unknown[];
    const unitColumn = firstUnit.indexOf(UNITS[0]);
    const breaks = [...sheetXml("汇总").matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map(
      (m) => Number(m[1]) + 1,
    );
    expect(breaks).toContain(unitColumn);
    expect(breaks.filter((c) => c > unitColumn).length).toBeGreaterThanOrEqual(1);
  });

  it("wraps the names and makes a row as tall as its longest name, and the unit headings fit", () => {
    const ws = wb.getWorksheet("汇总")!;
    expect(ws.getCell("B3").alignment?.wrapText).toBe(true);
    expect(ws.getCell("C3").alignment?.wrapText).toBe(true);
    const tallest = Math.max(...[3, 4, 5, 6, 7, 8].map((r) => ws.getRow(r).height ?? 15));
    expect(tallest).toBeGreaterThan(20);
    // A twelve-character name in a ten-character column takes three lines of the heading.
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(40);
  });

  it("colours 是否达标 with expression rules, which LibreOffice draws (not containsText without text=)", () => {
    const sheet = sheetXml("汇总");
    expect(sheet).not.toContain('type="containsText"');
    const rules = [...sheet.matchAll(/<cfRule type="expression"[^>]*><formula>([^<]+)<\/formula>/g)].map(
      (m) => m[1]!.replace(/&quot;/g, '"'),
    );
    expect(rules).toEqual(expect.arrayContaining(['LEFT(S3,3)="未达标"', 'LEFT(S3,2)="达标"']));
  });
});

describe("the other sheets", () => {
  it("明细 shows what the unit saw: a date as a date, a formula's result, and names wide enough", () => {
    const ws = wb.getWorksheet("明细")!;
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual(20);
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const filledOn = rows.find((r) => r[5] === "填报日期")!;
    expect(filledOn[7]).toBe("2024-07-05");
    const computed = rows.filter((r) => r[5] === "完成值" && typeof r[6] === "number");
    expect(computed.length).toBeGreaterThan(0);
    expect(rows.filter((r) => String(r[7]).startsWith("=")).map((r) => [r[5], r[6], r[8]])).toEqual([]);
    expect(ws.getCell("A2").alignment?.wrapText).toBe(true);
  });

  it("报送情况 lists the units, the blank copy as 未填写; the input files have a sheet of their own", () => {
    const ws = wb.getWorksheet("报送情况")!;
    const states = new Map(
      (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => [r[1], r[2]] as const),
    );
    expect(states.get(UNITS[0])).toBe("已报送");
    expect(states.get(BLANK)).toBe("未填写");
    expect(states.get(UNITS[10])).toBe("未报");
    const files = wb.getWorksheet("文件清单")!;
    expect(files.getCell("A2").value).toBe("文件");
    const times = (files.getColumn(6).values as unknown[]).slice(3).filter(Boolean);
    expect(times.length).toBe(11);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(files.getColumn(1).width).toBeGreaterThan(ws.getColumn(3).width ?? 0);
  });

  it("问题清单 speaks one language: Chinese headings and messages, wrapped", () => {
    const ws = wb.getWorksheet("问题清单")!;
    const headings = (ws.getRow(2).values as unknown[]).filter(Boolean);
    expect(headings).toEqual(["级别", "代码", "文件", "工作表", "单元格", "行键", "说明"]);
    expect(ws.getCell("G3").alignment?.wrapText).toBe(true);
    expect(String(ws.getCell("G3").value)).toMatch(/[\u4e00-\u9fff]/);
  });

  it("问题清单 is English with --lang en", async () => {
    const en = join(dir, "summary-en.xlsx");
    const result = await run(["consolidate", join(dir, "returns"), "-o", en, "--lang", "en"]);
    expect(result.err).toBe("");
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(en);
    const ws = book.getWorksheet("问题清单")!;
    expect(ws.getCell("G2").value).toBe("Message");
    expect(String(ws.getCell("G3").value)).not.toMatch(/[\u4e00-\u9fff]{3}/);
  });
});

describe("the summary sent up a level", () => {
  it("carries its own 填报人, 联系电话 and 填报日期 and passes its own check", async () => {
    const entry = wb.getWorksheet("填报表")!;
    expect(entry.getCell("E3").value).toBe("李四");
    const result = await run(["check", out, "--json"]);
    const json = JSON.parse(result.out) as { findings: { severity: string; code: string }[] };
    expect(json.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.code).toBe(0);
  });

  it("refuses a --date that is not a date (exit 2)", async () => {
    const result = await run([
      "consolidate",
      join(dir, "returns"),
      "-o",
      join(dir, "x.xlsx"),
      "--date",
      "明天",
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("--date");
  });
});

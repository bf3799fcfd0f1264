import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { rowInputFields } from "../../src/core/template/row-fields";
import { RATE_MULTIPLIER, type EntryField, type TargetRow } from "../../src/core/template/spec";
import { withMeaning } from "../../src/core/plan/target-meaning";
import type { Target } from "../../src/core/plan/types";
import { nodeSyncFlush } from "../../src/cli/template/sync-flush";
import { makeCopyWriter } from "../../src/xlsx/template/copy-writer";
import { cellText, readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import { printToPdf } from "../libreoffice-pdf";
import { readRowsByKey, sampleSpec } from "./helpers";

/**
 * A real spreadsheet program fills the template: LibreOffice Calc (headless, through UNO) types a value into every
 * input cell, saves as .xlsx, as .xls, and the .xls again as .xlsx. One LibreOffice run for the whole file.
 */
const UNIT = "东湖区人民医院";
/** The sample plan has only ≥ and ≤ targets; these add every other comparison. */
const base = { task: "1", text: "", deadline: null } as const;
const EXTRA: Target[] = (
  [
    { ...base, indicator: "帮扶机构数", unitOfMeasure: "家", op: "between", min: 3, max: 5 },
    { ...base, indicator: "医护比", unitOfMeasure: "ratio", op: "approx", value: 2, tolerance: 0.1 },
    { ...base, indicator: "门诊预约率", unitOfMeasure: "%", op: "approx", value: 90, tolerance: 4.5 },
    { ...base, indicator: "电子病历覆盖率", unitOfMeasure: "%", op: "=", value: 100 },
    { ...base, indicator: "培训次数", unitOfMeasure: "次", op: "between", min: 3, max: 5 },
    { ...base, indicator: "床位数", unitOfMeasure: "张", op: "=", value: 120 },
  ] as const
).map(withMeaning);
const spec = sampleSpec(
  "003_b1280b1a44e49c58",
  { period: "2023年第三季度", units: [UNIT, "西湖区人民医院"] },
  EXTRA,
);
const L = spec.layout;

type Expected = Partial<Record<EntryField, string | number>>;
const expected = new Map<string, Expected>();
/**
 * 是否达标 each target row must show: even target rows are filled exactly at the bound, odd ones one step outside;
 * 计入合计 on a `total` target.
 */
const attainment = new Map<string, string>();

/** The figure at the edge of a target (inside) or one step outside it. */
function edge(row: TargetRow, inside: boolean): number {
  const t = row.target;
  const step = inside ? 0 : 1;
  switch (t.op) {
    case ">=":
      return t.value - step;
    case "<=":
    case "=":
      return t.value + step;
    case "between":
      return t.max + step;
    case "approx":
      return Number((t.value + t.tolerance).toFixed(6)) + step;
  }
}
/** A unit's long 完成情况说明 on the first task row: LibreOffice must grow the row, not clip it in print. */
const LONG_NOTE =
  "本季度完成了全部检查检验项目的互认共享平台建设，覆盖全区二级以上医疗机构十二家，累计互认检查结果三万余项，节约患者费用约二百万元；下一步将扩展至基层医疗卫生机构并开展质量控制。";
let targetIndex = 0;
const cells: { sheet: string; address: string; kind: "text" | "number" | "date"; value: string | number }[] =
  [];
spec.rows.forEach((row, i) => {
  const r = L.firstDataRow + i;
  const want: Expected = {};
  let figure = 0;
  let k = 1;
  if (row.kind === "target") {
    const inside = targetIndex++ % 2 === 0;
    figure = edge(row, inside);
    k = RATE_MULTIPLIER[row.target.unitOfMeasure ?? ""] ?? 1;
    // A unit's figure on an area's target counts toward the total, whatever it is.
    attainment.set(row.key, row.target.scope === "total" ? "计入合计" : inside ? "达标" : "未达标");
  }
  rowInputFields(row).forEach((field) => {
    const v: string | number =
      field === "status"
        ? "按计划推进"
        : field === "note"
          ? i === 0
            ? LONG_NOTE
            : `第${i}行说明`
          : field === "problems"
            ? `问题${i}`
            : field === "numerator"
              ? figure
              : field === "denominator"
                ? k
                : figure;
    want[field] = v;
    cells.push({
      sheet: L.entrySheet,
      address: `${L.columns[field]}${r}`,
      kind: typeof v === "number" ? "number" : "text",
      value: v,
    });
  });
  expected.set(row.key, want);
});
const header = { reporter: "张三", phone: "0791-86123456" };
cells.push(
  { sheet: L.entrySheet, address: L.headerCells.reporter ?? "", kind: "text", value: header.reporter },
  { sheet: L.entrySheet, address: L.headerCells.phone ?? "", kind: "text", value: header.phone },
  { sheet: L.entrySheet, address: L.headerCells.filledOn ?? "", kind: "date", value: "2023-10-08" },
);

// Needs LibreOffice (soffice), its Python bridge (python3-uno) and poppler: fails, never skips, without them.
describe("LibreOffice Calc fills and re-saves a personalised copy", () => {
  const dir = mkdtempSync(join(tmpdir(), "rk-lo-"));
  const out = {
    xlsx: join(dir, "filled.xlsx"),
    xls: join(dir, "filled.xls"),
    xlsFromXls: join(dir, "from-xls.xlsx"),
  };

  beforeAll(async () => {
    const input = join(dir, "copy.xlsx");
    writeFileSync(input, (await makeCopyWriter(spec, nodeSyncFlush))(UNIT));
    writeFileSync(
      join(dir, "job.json"),
      JSON.stringify({ input, ...out, cells, insertRowAt: { sheet: L.entrySheet, row: L.firstDataRow + 3 } }),
    );
    execFileSync("/usr/bin/python3", [join(__dirname, "lo-fill.py"), join(dir, "job.json")], {
      timeout: 90_000,
    });
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["saved as .xlsx", "xlsx"],
    ["saved as .xls, converted back to .xlsx", "xlsFromXls"],
  ] as const)("%s: identity, keys and every entered value come back", async (_, which) => {
    const bytes = new Uint8Array(readFileSync(out[which]));
    const back = await readTemplateIdentity(bytes, which);
    if (!back.ok) throw new Error(JSON.stringify(back.findings));
    expect(back.spec).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(back.identity.unit).toBe(UNIT);
    expect(back.identity.templateId).toBe(spec.templateId);
    const rows = readRowsByKey(back.workbook, spec);
    // A row was inserted before the 4th data row: the keys are found by the key column, not by position.
    const entry = back.workbook.getWorksheet(L.entrySheet);
    expect(cellText(entry?.getCell(`${L.keyColumn}${L.firstDataRow + 3}`).value ?? null)).toBeNull();
    expect(cellText(entry?.getCell(`${L.keyColumn}${L.firstDataRow + 4}`).value ?? null)).toBe(
      spec.rows[3]?.key,
    );
    // Still protected (exceljs does not read LibreOffice's sheet="true"; LibreOffice keeps the sheet order).
    const sheetXml = new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet2.xml"]);
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    expect([...rows.keys()]).toEqual(spec.rows.map((r) => r.key));
    for (const [key, want] of expected) {
      const got = rows.get(key) ?? {};
      for (const [field, v] of Object.entries(want))
        expect([key, field, got[field as EntryField]]).toEqual([key, field, v]);
    }
    const ws = back.workbook.getWorksheet(L.entrySheet);
    const at = (a: string | undefined) => cellText(ws?.getCell(a ?? "").value ?? null);
    expect([at(L.headerCells.unit), at(L.headerCells.reporter), at(L.headerCells.phone)]).toEqual([
      UNIT,
      "张三",
      "0791-86123456",
    ]);
    const filled = ws?.getCell(L.headerCells.filledOn ?? "").value;
    expect(filled instanceof Date ? filled.toISOString().slice(0, 10) : filled).toBe("2023-10-08");
  });

  it("computed 完成值 (分子/分母) and 是否达标 at every target's bound with LibreOffice's own formulas", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out.xlsx) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(L.entrySheet);
    spec.rows.forEach((row, i) => {
      if (row.kind !== "target") return;
      const r = L.firstDataRow + i + (i >= 3 ? 1 : 0); // one row was inserted before the 4th data row
      const value = cellText(ws?.getCell(`${L.columns.value}${r}`).value ?? null);
      const att = cellText(ws?.getCell(`${L.fixedColumns.attainment}${r}`).value ?? null);
      const want = expected.get(row.key) ?? {};
      const figure = row.measure === "rate" ? want.numerator : want.value;
      expect([row.key, row.targetLabel, figure, value, att]).toEqual([
        row.key,
        row.targetLabel,
        figure,
        figure,
        attainment.get(row.key),
      ]);
    });
  });

  it("grows the row of a long 完成情况说明 as it is typed, and prints all of it", () => {
    const xml = new TextDecoder().decode(
      unzipSync(new Uint8Array(readFileSync(out.xlsx)))["xl/worksheets/sheet2.xml"],
    );
    const row = new RegExp(`<row r="${L.firstDataRow}"[^>]*>`).exec(xml)![0];
    // Four lines of 10 pt text in 完成情况说明's width, not the one line the copy was made with.
    expect(Number(/ ht="([\d.]+)"/.exec(row)![1])).toBeGreaterThan(45);
    const pdf = printToPdf(out.xlsx, dir);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s/g, "");
    expect(text).toContain(LONG_NOTE.slice(-12));
  }, 120_000);
});

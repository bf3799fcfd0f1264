import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { previousPeriodOf, withPrevious } from "../../src/core/period/previous-period";
import type { TemplateSpec } from "../../src/core/template/spec";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { cellText, readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { sampleSpec } from "../template/helpers";

/**
 * A copy made with the previous period's figures, filled and saved by LibreOffice Calc (through UNO, as
 * test/template/libreoffice.test.ts does): the 上期值 columns, the identity's previous figures, the sheet's
 * protection, print setup and validations come back, LibreOffice's own recalculation gives 变化, and the check finds
 * what changed. Fails when LibreOffice is missing.
 */
const UNIT = "东湖区人民医院";
const PLAN = "000_64af8b8e620b9456";
const half = sampleSpec(PLAN, { period: "2024年上半年", units: [UNIT] });
const keyOf = (spec: TemplateSpec, measure: string) =>
  spec.rows.find((r) => r.kind === "target" && r.measure === measure && r.target.method !== "mean")!.key;
const [rate, count] = [keyOf(half, "rate"), keyOf(half, "count")];
const previous = previousPeriodOf(half, {
  [UNIT]: { [rate]: { value: 80, numerator: 80, denominator: 100 }, [count]: { value: 4 } },
});
const spec = withPrevious(sampleSpec(PLAN, { period: "2024年度", units: [UNIT] }), previous);
const L = spec.layout;
const P = L.previousColumns!;
const rowOf = (key: string) => L.firstDataRow + spec.rows.findIndex((r) => r.key === key);

const dir = mkdtempSync(join(tmpdir(), "rk-lo-previous-"));
const out = {
  xlsx: join(dir, "filled.xlsx"),
  xls: join(dir, "filled.xls"),
  xlsFromXls: join(dir, "from-xls.xlsx"),
};
afterAll(() => process.env.RK_KEEP || rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const input = join(dir, "copy.xlsx");
  writeFileSync(input, await renderTemplate(spec, UNIT, previous.figures[UNIT]));
  const cell = (address: string, value: number) => ({ sheet: L.entrySheet, address, kind: "number", value });
  const cells = [
    cell(`${L.columns.numerator}${rowOf(rate)}`, 40),
    cell(`${L.columns.denominator}${rowOf(rate)}`, 50),
    cell(`${L.columns.value}${rowOf(count)}`, 3),
  ];
  writeFileSync(join(dir, "job.json"), JSON.stringify({ input, ...out, cells }));
  execFileSync("/usr/bin/python3", [join(__dirname, "../template/lo-fill.py"), join(dir, "job.json")], {
    timeout: 90_000,
  });
}, 120_000);

describe("a copy with 上期值 filled and saved by LibreOffice Calc", () => {
  it("keeps the previous figures, the identity, protection, print setup and validations; 变化 is recalculated", async () => {
    const bytes = new Uint8Array(readFileSync(out.xlsx));
    const back = await readTemplateIdentity(bytes, "filled.xlsx");
    if (!back.ok) throw new Error(JSON.stringify(back.findings));
    expect(back.spec).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(back.identity.previous).toEqual(previous.figures[UNIT]);
    const ws = back.workbook.getWorksheet(L.entrySheet)!;
    const at = (col: string, key: string) => cellText(ws.getCell(`${col}${rowOf(key)}`).value);
    expect([at(P.numerator, rate), at(P.denominator, rate), at(P.value, rate), at(P.value, count)]).toEqual([
      80, 100, 80, 4,
    ]);
    const xml = new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet2.xml"]);
    // LibreOffice's own results: 完成值 40/50 × 100 = 80, so 变化 0; the count 3 − 4. (Read from the sheet's XML:
    // exceljs reads a cached 0 as no result.)
    const cached = (col: string, key: string) =>
      Number(new RegExp(`<c r="${col}${rowOf(key)}"[^>]*>.*?<v>([^<]*)</v>`).exec(xml)?.[1]);
    expect([cached(L.columns.value!, rate), cached(P.change, rate), cached(P.change, count)]).toEqual([
      80, 0, -1,
    ]);
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="(1|true)"/);
    expect(xml).toMatch(/orientation="landscape"/);
    expect(xml).toMatch(/fitToWidth="1"/);
    // The inputs keep their validation at their new columns; the locked 上期值 has none.
    const validated = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].flatMap((m) =>
      m[1]!.split(" "),
    );
    expect(validated).toEqual(expect.arrayContaining([`${L.columns.denominator}${rowOf(rate)}`]));
    expect(validated.some((ref) => ref.startsWith(P.value))).toBe(false);
  });

  it("is checked against the previous figures it carries", () => {
    const checked = checkWorkbook(new Uint8Array(readFileSync(out.xlsx)), "filled.xlsx", {
      today: "2025-01-05",
    });
    const found = checked.findings.filter((f) => f.code.startsWith("period."));
    const cell = (f: (typeof found)[number]) => (f.location.kind === "cell" ? f.location.cell : "");
    expect(found.map((f) => [f.code, cell(f)]).sort()).toEqual([
      ["period.cumulative_fell", `${L.columns.value}${rowOf(count)}`],
      ["period.denominator_changed", `${L.columns.denominator}${rowOf(rate)}`],
    ]);
  });
});

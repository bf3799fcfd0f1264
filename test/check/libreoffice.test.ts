import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../../src/core/check/types";
import { writeNotice } from "../../src/xlsx/notice/write-notice";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { nodeSheetJs } from "../../src/cli/sheetjs";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { makeSpec, UNITS } from "./builders";

/**
 * Returns filled and re-saved by a real spreadsheet program: LibreOffice Calc (headless, through UNO, with the
 * template area's test/template/lo-fill.py) types into the input cells of a personalised copy, including a count
 * typed as text, recalculates, and saves as .xlsx, as .xls, and the .xls again as .xlsx. One LibreOffice run.
 */
const spec = makeSpec();
const L = spec.layout;
const rowOf = (key: string) => L.firstDataRow + spec.rows.findIndex((r) => r.key === key);
const at = (key: string, field: keyof typeof L.columns) => `${L.columns[field]}${rowOf(key)}`;

type Kind = "text" | "number" | "date";
const typed: [string, Kind, string | number][] = [
  [L.headerCells.reporter ?? "", "text", "李四"],
  [L.headerCells.phone ?? "", "text", "13812345678"],
  [L.headerCells.filledOn ?? "", "date", "2024-07-03"],
  [at("T1.1", "numerator"), "number", 96],
  [at("T1.1", "denominator"), "number", 100],
  [at("T1.2", "value"), "text", "4"],
  [at("T2.1", "value"), "number", 1500],
  [at("T2.2", "numerator"), "number", 10],
  [at("T2.2", "denominator"), "number", 1000],
  [at("T2.2", "note"), "text", "按监测口径，分母为活产数"],
  [at("T3.1", "value"), "number", 2],
  ...["T1", "T2", "T3", "T4"].map((k): [string, Kind, string] => [at(k, "status"), "text", "按计划推进"]),
];

const hasLibreOffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].some(existsSync);
const script = join(__dirname, "../template/lo-fill.py");

(hasLibreOffice && existsSync(script) ? describe : describe.skip)(
  "returns filled and saved by LibreOffice Calc",
  () => {
    const dir = mkdtempSync(join(tmpdir(), "rk-check-lo-"));
    const out = {
      xlsx: join(dir, "filled.xlsx"),
      xls: join(dir, "filled.xls"),
      xlsFromXls: join(dir, "from-xls.xlsx"),
    };
    const check = (path: string): CheckResult =>
      checkWorkbook(new Uint8Array(readFileSync(path)), path.slice(dir.length + 1), { today: "2024-07-10" });

    beforeAll(async () => {
      const input = join(dir, "copy.xlsx");
      writeFileSync(input, await renderTemplate(spec, UNITS[0] ?? null));
      const cells = typed.map(([address, kind, value]) => ({ sheet: L.entrySheet, address, kind, value }));
      writeFileSync(join(dir, "job.json"), JSON.stringify({ input, ...out, cells }));
      execFileSync("/usr/bin/python3", [script, join(dir, "job.json")], { timeout: 120_000 });
    }, 150_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test.each([
      ["saved as .xlsx", "xlsx"],
      ["saved as .xls and back to .xlsx", "xlsFromXls"],
    ] as const)(
      "%s: identity, keys and every figure come back; only the text-typed count is noted",
      (_t, which) => {
        const result = check(out[which]);
        expect(result.identity).toMatchObject({ templateId: spec.templateId, unit: UNITS[0] });
        const value = (key: string, field = "value") =>
          result.entries.find((e) => e.key === key && e.field === field)?.value;
        expect([value("T1.1"), value("T1.2"), value("T2.1"), value("T2.2"), value("T3.1")]).toEqual([
          96, 4, 1500, 10, 2,
        ]);
        expect([value("header", "reporter"), value("header", "phone"), value("header", "filledOn")]).toEqual([
          "李四",
          "13812345678",
          "2024-07-03",
        ]);
        expect(value("T2.2", "note")).toBe("按监测口径，分母为活产数");
        const notable = result.findings.filter((f) => f.severity !== "info").map((f) => f.code);
        if (which === "xlsx") expect(notable).toEqual([]);
        expect(result.findings.map((f) => f.code)).toContain("check.text_in_number_cell");
      },
    );

    test("the .xlsx keeps sheet protection and LibreOffice's computed 完成值 agrees with 分子/分母", () => {
      const result = check(out.xlsx);
      const codes = result.findings.map((f) => f.code);
      expect(codes).not.toContain("check.protection_removed");
      expect(codes).not.toContain("check.rate_value_mismatch");
      const raw = result.entries.find((e) => e.key === "T1.1" && e.field === "value")?.raw;
      expect(raw).toBe(96);
    });

    test("a correction notice can be written for a LibreOffice-saved return, and read back", async () => {
      const bytes = new Uint8Array(readFileSync(out.xlsx));
      const result = check(out.xlsx);
      const notice = await writeNotice(bytes, result, "filled.xlsx");
      const again = checkWorkbook(notice, "notice.xlsx", { today: "2024-07-10" });
      expect(again.identity?.templateId).toBe(spec.templateId);
      expect(again.findings.map((f) => f.code)).not.toContain("check.sheet_added");
    });

    test("the .xls LibreOffice wrote is read, its format noted (other-formats.test.ts compares it with the .xlsx)", () => {
      const result = checkWorkbook(new Uint8Array(readFileSync(out.xls)), "filled.xls", {
        today: "2024-07-10",
        sheetjs: nodeSheetJs,
      });
      expect(result.identity).toMatchObject({ templateId: spec.templateId, unit: UNITS[0] });
      expect(result.findings).toContainEqual(expect.objectContaining({ code: "file.other_format" }));
    });
  },
);

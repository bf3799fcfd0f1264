import { execFileSync, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckResult } from "../../src/core/check/types";
import type { Finding } from "../../src/core/findings/types";
import type { TemplateSpec } from "../../src/core/template/spec";
import { nodeSheetJs } from "../../src/cli/sheetjs";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { readReturn } from "../../src/xlsx/return/read-return";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { filledReturn, fixtureSpec, rewrittenBySheetJs } from "../consolidate/fixtures";

/**
 * Returns filled in the template and saved by LibreOffice Calc (one headless run, through UNO) as .xlsx, as .xls
 * (Excel 97-2003) and as .ods; an .xls renamed .et stands for WPS's .et, which is BIFF8 in practice. Each is read
 * with its identity and every typed value and gets the findings its .xlsx gets, and consolidates to the same
 * figures, in-process and through the built command. Needs LibreOffice: without it these tests fail.
 */
const UNITS = ["甲县", "乙县", "丙县", "丁县"] as const;
const dir = mkdtempSync(join(tmpdir(), "rk-formats-"));
const lo = join(dir, "lo");
let spec: TemplateSpec;

const check = (path: string, name = path.slice(dir.length + 1)): CheckResult =>
  checkWorkbook(new Uint8Array(readFileSync(path)), name, { today: "2024-07-10", sheetjs: nodeSheetJs });
const loFile = (unit: string, ext: "xlsx" | "xls" | "ods") => join(lo, `${unit}.${ext}`);

/** A finding without the file it names (the same return in another format is another file). */
const comparable = (f: Finding) => {
  const { file: _file, ...where } = f.location as Finding["location"] & { file?: string };
  return { code: f.code, severity: f.severity, where, data: f.data };
};
const findingsOf = (r: CheckResult) =>
  r.findings.filter((f) => f.code !== "file.other_format").map(comparable);

beforeAll(async () => {
  if (!["/usr/bin/soffice", "/usr/bin/libreoffice"].some(existsSync))
    throw new Error("LibreOffice (soffice) is needed: apt-get install libreoffice-calc-nogui python3-uno");
  spec = fixtureSpec(UNITS);
  mkdirSync(lo);
  const count = spec.rows.find((r) => r.kind === "target" && r.measure === "count")!.key;
  const files = [];
  for (const [i, unit] of UNITS.entries()) {
    // 乙县 types a count as words, 丙县 as text: an error and a note that each format must give alike.
    const extra =
      unit === "乙县"
        ? [{ key: count, field: "value" as const, value: "若干" }]
        : unit === "丙县"
          ? [{ key: count, field: "value" as const, value: "12" }]
          : [];
    const input = join(dir, `${unit}-exceljs.xlsx`);
    writeFileSync(input, await filledReturn(spec, unit, i + 1, `2024-07-0${i + 3}`, extra));
    files.push({ input, xlsx: loFile(unit, "xlsx"), xls: loFile(unit, "xls"), ods: loFile(unit, "ods") });
  }
  // 戊县's copy as the template writes it (with the identity's document properties, which exceljs's fill drops).
  const copy = join(dir, "戊县-copy.xlsx");
  writeFileSync(copy, await renderTemplate(spec, "戊县"));
  files.push({ input: copy, xls: join(lo, "戊县.xls"), ods: join(lo, "戊县.ods") });
  // 甲县 again, its sheets unprotected in LibreOffice before saving.
  const bare = {
    input: files[0]!.input,
    xls: join(lo, "无保护.xls"),
    ods: join(lo, "无保护.ods"),
    unprotect: true,
  };
  files.push(bare);
  writeFileSync(join(dir, "job.json"), JSON.stringify({ files }));
  execFileSync("/usr/bin/python3", [join(__dirname, "../template/lo-fill.py"), join(dir, "job.json")], {
    timeout: 150_000,
  });
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("returns saved by LibreOffice as .xls, .et and .ods", () => {
  test.each(UNITS)(
    "%s: each format reads as the .xlsx: identity, every entry, the same findings, plus the note naming the format",
    (unit) => {
      const xlsx = check(loFile(unit, "xlsx"));
      expect(xlsx.identity).toMatchObject({ templateId: spec.templateId, unit });
      expect(xlsx.entries.filter((e) => e.kind === "number").length).toBeGreaterThan(5);
      copyFileSync(loFile(unit, "xls"), join(lo, `${unit}.et`));
      for (const [ext, format] of [
        ["xls", "xls"],
        ["ods", "ods"],
        ["et", "et"],
      ] as const) {
        const other = check(join(lo, `${unit}.${ext}`));
        expect(other.identity).toEqual(xlsx.identity);
        expect(other.spec).toEqual(xlsx.spec);
        expect(other.entries).toEqual(xlsx.entries);
        expect(findingsOf(other)).toEqual(findingsOf(xlsx));
        expect(other.findings).toContainEqual(
          expect.objectContaining({ code: "file.other_format", severity: "info", data: { format } }),
        );
      }
    },
  );

  test("the typed mistakes are found in every format, and no cached formula result or kept protection is a false alarm", () => {
    for (const ext of ["xlsx", "xls", "ods"] as const) {
      const codes = (unit: string) => check(loFile(unit, ext)).findings.map((f) => f.code);
      expect(codes("乙县")).toContain("check.not_a_number");
      expect(codes("丙县")).toContain("check.text_in_number_cell");
      for (const unit of UNITS) {
        expect(codes(unit)).not.toContain("check.rate_value_mismatch");
        expect(codes(unit)).not.toContain("check.protection_removed");
        expect(codes(unit)).not.toContain("check.protection_not_kept");
        expect(codes(unit)).not.toContain("check.locked_cell_changed");
      }
    }
  });

  test("protection removed: in an .xls it is found, in an .ods it is a note (not every program writes it there)", () => {
    const protection = (path: string) =>
      check(path).findings.filter((f) => f.code.startsWith("check.protection"));
    expect(protection(join(lo, "无保护.xls"))).toMatchObject([
      { code: "check.protection_removed", severity: "warning" },
    ]);
    const note = protection(join(lo, "无保护.ods"));
    expect(note).toMatchObject([{ code: "check.protection_not_kept", severity: "info" }]);
    expect(note[0]?.message.zh).toContain("锁定的任务、指标和目标已逐格核对");
  });

  test("the identity's second carrier, the document properties, is read from .xls and .ods too", () => {
    for (const ext of ["xls", "ods"]) {
      const read = readReturn(new Uint8Array(readFileSync(join(lo, `戊县.${ext}`))), `戊县.${ext}`, {
        sheetjs: nodeSheetJs,
      });
      if (!read.ok) throw new Error(JSON.stringify(read.findings));
      const { identityRows, identityProperties } = read.unitReturn;
      expect(identityProperties?.length).toBeGreaterThan(3);
      expect(identityProperties).toEqual(identityRows?.filter(([key]) => key !== "unit"));
    }
  });

  test(".xlsb, which SheetJS reads too: identity and the typed figures", () => {
    const xlsb = join(dir, "甲县.xlsb");
    writeFileSync(xlsb, rewrittenBySheetJs(new Uint8Array(readFileSync(loFile("甲县", "xlsx"))), "xlsb"));
    const read = check(xlsb);
    const xlsx = check(loFile("甲县", "xlsx"));
    expect(read.identity).toEqual(xlsx.identity);
    const typed = (r: CheckResult) => r.entries.filter((e) => e.field !== "value" || e.kind !== "blank");
    expect(typed(read).map((e) => [e.key, e.field, e.value])).toEqual(
      typed(xlsx).map((e) => [e.key, e.field, e.value]),
    );
    expect(read.findings).toContainEqual(expect.objectContaining({ code: "file.other_format" }));
  });
});

describe("the built command with mixed formats", () => {
  const cli = join(__dirname, "../../bin/report-kit.js");
  const run = (args: string[]) => {
    if (!existsSync(join(__dirname, "../../dist/cli.js"))) throw new Error("run npm run build:cli first");
    return spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  };
  type Consolidated = {
    returns: { file: string; unit: string | null; status: string; findings: { code: string }[] }[];
    records: { unit: string; key: string; field: string; value: unknown; file: string }[];
  };
  const figures = (c: Consolidated) =>
    c.records.map(({ unit, key, field, value }) => `${unit} ${key} ${field} ${String(value)}`).sort();

  test("consolidate: .xls, .ods and .et returns give the figures their .xlsx give", () => {
    const all = join(dir, "all-xlsx");
    const mixed = join(dir, "mixed");
    mkdirSync(all);
    mkdirSync(mixed);
    for (const unit of UNITS) copyFileSync(loFile(unit, "xlsx"), join(all, `${unit}.xlsx`));
    copyFileSync(loFile("甲县", "xls"), join(mixed, "甲县.xls"));
    copyFileSync(loFile("乙县", "ods"), join(mixed, "乙县.ods"));
    copyFileSync(loFile("丙县", "xls"), join(mixed, "丙县.et"));
    copyFileSync(loFile("丁县", "xlsx"), join(mixed, "丁县.xlsx"));
    const summary = (input: string) => {
      const r = run(["consolidate", input, "-o", join(input, "out", "汇总.xlsx"), "--json"]);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      return JSON.parse(r.stdout) as Consolidated;
    };
    const a = summary(all);
    const b = summary(mixed);
    expect(b.returns.map((r) => [r.unit, r.status])).toEqual(a.returns.map((r) => [r.unit, r.status]));
    expect(figures(b)).toEqual(figures(a));
    expect(figures(b).length).toBeGreaterThan(20);
    expect(existsSync(join(mixed, "out", "汇总.xlsx"))).toBe(true);
  }, 60_000);

  test("check FOLDER: every file is accounted for; other formats are read, a broken .xls and a text file get their own message", () => {
    const folder = join(dir, "folder");
    mkdirSync(folder);
    copyFileSync(loFile("甲县", "xls"), join(folder, "甲县.xls"));
    copyFileSync(loFile("乙县", "ods"), join(folder, "乙县.ods"));
    copyFileSync(loFile("丙县", "xls"), join(folder, "丙县.et"));
    copyFileSync(loFile("丁县", "xlsx"), join(folder, "丁县.xlsx"));
    const xls = readFileSync(loFile("甲县", "xls"));
    writeFileSync(join(folder, "损坏.xls"), xls.subarray(0, 3000));
    writeFileSync(join(folder, "说明.txt"), "请于7月10日前报送。");
    const r = run(["check", folder, "--json"]);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const json = JSON.parse(r.stdout) as {
      file: string;
      template: string | null;
      findings: { code: string }[];
    }[];
    const byName = new Map(json.map((j) => [j.file.slice(folder.length + 1), j]));
    expect([...byName.keys()].sort()).toEqual(
      ["丁县.xlsx", "丙县.et", "乙县.ods", "甲县.xls", "损坏.xls", "说明.txt"].sort(),
    );
    for (const name of ["甲县.xls", "乙县.ods", "丙县.et", "丁县.xlsx"])
      expect(byName.get(name)?.template).toBe(spec.templateId);
    expect(byName.get("损坏.xls")?.findings.map((f) => f.code)).toEqual(["file.corrupt_workbook"]);
    expect(byName.get("说明.txt")?.findings.map((f) => f.code)).toEqual(["file.unknown_format"]);
    const table = run(["check", join(folder, "损坏.xls"), join(folder, "乙县.ods")]);
    expect(table.stdout).toContain("损坏.xls");
    expect(table.stdout).toContain("文件已损坏，无法作为 Excel 97-2003（.xls）读取");
    expect(table.stdout).not.toContain("压缩包");
  }, 60_000);
});

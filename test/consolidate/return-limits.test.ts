import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { TemplateSpec } from "../../src/core/template/spec";
import { readReturn } from "../../src/xlsx/return/read-return";
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from "../../src/xlsx/return/sheet-limits";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec } from "./fixtures";
import { numberRows, textRow, withRows } from "./hostile-returns";

/**
 * Issue 21, item 1: one return never stops a run. A return with a million rows of content (once a million findings,
 * spread into push: "Maximum call stack size exceeded", exit 70), one with 130,000 (the same for `check`) and one with
 * a cell longer than any real one each get one finding; the other returns of the run are summed as ever, and memory
 * stays bounded. The hostile files are made here, from a real return, in a fraction of a second.
 */
const UNITS = ["甲县", "乙县", "丙县", "丁县"];
const dir = mkdtempSync(join(tmpdir(), "rk-limits-"));
const input = join(dir, "in");
/** The same honest returns with the 5 MB, million-row return (for the built command, which measures memory). */
const million = join(dir, "million");
/** The same honest returns with two whose stored spec names a path, or a sheet Excel refuses. */
const specs = join(dir, "specs");
let spec: TemplateSpec;
let honest: Uint8Array;

/** Text that does not compress to nothing (a run of one character would be a zip bomb, another finding). */
const prose = (length: number): string => {
  let n = 7;
  let text = "";
  for (let i = 0; i < length; i++)
    text += String.fromCharCode(0x4e00 + ((n = (n * 48271) % 2147483647) % 2000));
  return text;
};

type Json = {
  returns: {
    file: string;
    unit: string | null;
    status: string;
    findings: { code: string; cell: string | null }[];
  }[];
  records: { unit: string; file: string }[];
  findings: { code: string; file: string | null; message: string }[];
};

const returnOf = (json: Json, name: string) => json.returns.find((x) => x.file.endsWith(name))!;

/** The honest returns are used, their figures in the records. */
function expectHonestSummed(json: Json): void {
  for (const unit of ["甲县", "乙县"]) {
    expect(returnOf(json, `${unit}.xlsx`).status).toMatch(/^used/);
    expect(json.records.filter((x) => x.unit === unit).length).toBeGreaterThan(20);
  }
}

beforeAll(async () => {
  spec = fixtureSpec(UNITS);
  mkdirSync(input, { recursive: true });
  mkdirSync(million, { recursive: true });
  mkdirSync(specs, { recursive: true });
  honest = await filledReturn(spec, "甲县", 1, "2024-07-05");
  const yi = await filledReturn(spec, "乙县", 2, "2024-07-05");
  const { entrySheet, columns } = spec.layout;
  for (const folder of [input, million, specs]) {
    writeFileSync(join(folder, "甲县.xlsx"), honest);
    writeFileSync(join(folder, "乙县.xlsx"), yi);
  }
  writeFileSync(join(input, "丙县.xlsx"), withRows(honest, entrySheet, numberRows(columns.value!, 130_000)));
  writeFileSync(
    join(input, "丁县.xlsx"),
    withRows(honest, entrySheet, textRow(columns.note!, prose(150_000))),
  );
  writeFileSync(
    join(million, "丙县.xlsx"),
    withRows(honest, entrySheet, numberRows(columns.value!, 1_000_000)),
  );
  // A template id that is a path (the other template's summary was once written there) and a sheet name Excel
  // refuses (writing the summary of a template carrying it stopped the run).
  const path = { ...spec, templateId: "rk-1/../../escaped" };
  writeFileSync(join(specs, "丙县.xlsx"), await filledReturn(path, "丙县", 3, "2024-07-05"));
  // The stored spec edited in place (its JSON is in the shared strings): a sheet name Excel refuses, and a measure
  // no rule knows (it reached a switch as a bug: exit 70).
  const edited = (from: RegExp, to: string): Uint8Array => {
    const files = unzipSync(honest);
    const shared = strFromU8(files["xl/sharedStrings.xml"]!);
    files["xl/sharedStrings.xml"] = strToU8(shared.replace(from, to));
    expect(strFromU8(files["xl/sharedStrings.xml"]!)).not.toBe(shared);
    return zipSync(files);
  };
  writeFileSync(join(specs, "丁县.xlsx"), edited(/(&quot;|")_rk_lists\1/, "$1a/b:c?$1"));
  writeFileSync(join(specs, "戊县.xlsx"), edited(/(&quot;|")measure\1:\1count\1/, "$1measure$1:$1snow$1"));
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a return past the reader's limits", () => {
  it("is one finding, and the honest returns of the run are in the summary (consolidate, exit 1)", async () => {
    expect(statSync(join(input, "丙县.xlsx")).size).toBeLessThan(700_000);
    const r = await run(["consolidate", input, "-o", join(dir, "out", "汇总.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as Json;
    expect(returnOf(json, "丙县.xlsx").status).toBe("not_return");
    expect(returnOf(json, "丙县.xlsx").findings.map((f) => f.code)).toEqual(["file.too_many_rows"]);
    expect(returnOf(json, "丁县.xlsx").status).toBe("not_return");
    expect(returnOf(json, "丁县.xlsx").findings).toEqual([
      expect.objectContaining({
        code: "file.cell_too_long",
        cell: expect.stringMatching(new RegExp(`^${spec.layout.columns.note}\\d+$`)) as string,
      }),
    ]);
    expect(json.findings.find((f) => f.code === "file.cell_too_long")!.message).toContain("150000 个字符");
    expectHonestSummed(json);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "out", "汇总.xlsx"));
    const units = new Set<unknown>();
    wb.getWorksheet("明细")!.eachRow((row, n) => void (n > 1 && units.add(row.getCell(1).value)));
    expect([...units].sort()).toEqual(["乙县", "甲县"]);
  });

  it("is one finding for check too (130,000 rows in 650 KB: exit 1, no stack trace)", async () => {
    const r = await run(["check", join(input, "丙县.xlsx"), join(input, "甲县.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    expect(r.out).toContain("file.too_many_rows");
    expect(r.out).toContain(`有内容的行超过 ${DEFAULT_SHEET_LIMITS.rows} 行`);
    expect(r.out).toMatch(/甲县\.xlsx {2}模板 rk-/);
  });

  it("is one of ours only with the template id, layout and measures report-kit makes (a path, a bad sheet name, an unknown measure)", async () => {
    const r = await run(["consolidate", specs, "-o", join(dir, "specs-out", "汇总.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as Json;
    for (const [name, detail] of [
      ["丙县.xlsx", "templateId"],
      ["丁县.xlsx", "spec layout"],
      ["戊县.xlsx", "spec rows"],
    ] as const) {
      expect(returnOf(json, name).status).toBe("not_return");
      expect(returnOf(json, name).findings.map((f) => f.code)).toContain("check.identity_damaged");
      expect(json.findings.some((f) => f.file?.endsWith(name) && f.message.includes(`（${detail}）`))).toBe(
        true,
      );
    }
    expectHonestSummed(json);
    expect(readdirSync(join(dir, "specs-out"))).toEqual(["汇总.xlsx"]);
    expect(existsSync(join(dir, "escaped.xlsx"))).toBe(false);
  });

  const cli = join(__dirname, "../../bin/report-kit.js");
  (existsSync(join(__dirname, "../../dist/cli.js")) ? it : it.skip)(
    "a million rows in 5 MB: one finding, the honest returns summed, the built command peaks under 400 MB",
    () => {
      expect(statSync(join(million, "丙县.xlsx")).size).toBeLessThan(5_500_000);
      // The peak RSS of the whole process (its worker threads included), reported as it exits.
      const report = `process.on("exit", () => process.stderr.write("maxRSS " + process.resourceUsage().maxRSS + "\\n")); require(${JSON.stringify(cli)});`;
      const args = [
        "consolidate",
        million,
        "-o",
        join(dir, "built", "汇总.xlsx"),
        "--json",
        "--workers",
        "2",
      ];
      const r = spawnSync(process.execPath, ["-e", report, cli, ...args], {
        encoding: "utf8",
        maxBuffer: 1 << 26,
      });
      expect(r.status).toBe(1);
      const json = JSON.parse(r.stdout) as Json;
      expect(returnOf(json, "丙县.xlsx").findings.map((f) => f.code)).toEqual(["file.too_many_rows"]);
      expectHonestSummed(json);
      const kb = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1]);
      expect(kb).toBeGreaterThan(0);
      expect(kb).toBeLessThan(400 * 1024);
    },
    30_000,
  );
});

describe("each limit, made small", () => {
  const read = (limits: Partial<SheetLimits>) =>
    readReturn(honest, "甲县.xlsx", { sheetLimits: { ...DEFAULT_SHEET_LIMITS, ...limits } });
  const only = (limits: Partial<SheetLimits>) => {
    const r = read(limits);
    expect(r.ok).toBe(false);
    return r.findings.map((f) => ({ code: f.code, location: f.location, data: f.data }));
  };

  it("within every limit the return is read", () => {
    expect(read({}).ok).toBe(true);
  });

  it("names the limit passed, once: sheets, rows, cells, characters of a cell, characters in all", () => {
    const sheet = expect.any(String) as string;
    expect(only({ sheets: 3 })).toEqual([
      { code: "file.too_many_sheets", location: { kind: "file", file: "甲县.xlsx" }, data: { limit: 3 } },
    ]);
    expect(only({ rows: 10 })).toEqual([
      {
        code: "file.too_many_rows",
        location: { kind: "file", file: "甲县.xlsx", sheet },
        data: { sheet, limit: 10 },
      },
    ]);
    expect(only({ cells: 50 })).toEqual([expect.objectContaining({ code: "file.too_many_cells" })]);
    expect(only({ textCharacters: 500 })).toEqual([expect.objectContaining({ code: "file.too_much_text" })]);
    const long = only({ cellCharacters: 20 });
    expect(long).toEqual([
      {
        code: "file.cell_too_long",
        location: {
          kind: "cell",
          file: "甲县.xlsx",
          sheet,
          cell: expect.stringMatching(/^[A-Z]+\d+$/) as string,
        },
        data: { sheet, cell: expect.any(String) as string, length: expect.any(Number) as number, limit: 20 },
      },
    ]);
    expect(long[0]!.data!.length).toBeGreaterThan(20);
  });
});

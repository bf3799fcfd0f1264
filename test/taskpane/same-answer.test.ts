import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strToU8 } from "fflate";
import { checkUnitList } from "../../src/core/template/units";
import type { TemplateSpec } from "../../src/core/template/spec";
import { runConsolidation } from "../../src/taskpane/consolidate/run-consolidation";
import { localTime } from "../../src/xlsx/inputs/local-time";
import { readUnitListBytes, readUnitListText } from "../../src/xlsx/unit-list";
import { run } from "../cli/run-cli";
import { tnefOf } from "../consolidate/input-builders";
import { emailWith, filledReturn, fixtureSpec, rewrittenBySheetJs, zipOf } from "../consolidate/fixtures";

// Same job, same answer: the task pane opens its inputs and reads its unit list with the CLI's own code
// (src/xlsx/inputs, src/xlsx/unit-list.ts), so the pane and `report-kit consolidate` agree on the demo's kind of
// returns: a plain workbook, one in an .eml, one in a zip inside a zip, one in Outlook's winmail.dat, an .ods (the
// pane imports SheetJS for it), a broken file.

const UNITS = ["甲县", "乙县", "丙县", "丁县", "戊县", "己县"];
const UNITS_CSV = `单位名称,联系人\n${UNITS.map((u) => `${u},张三`).join("\n")}\n`;
const dir = mkdtempSync(join(tmpdir(), "rk-same-answer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a unit list pasted into the pane reads as --units reads the file", () => {
  test.each([
    ["with a heading row and more columns", UNITS_CSV],
    ["with a BOM and Windows line ends", `\uFEFF单位名称\r\n甲县\r\n乙县\r\n`],
    ["without a heading", "甲县\n\n乙县\n"],
    ["quoted names with commas", `"甲县,城区"\n乙县\t备注\n`],
  ])("%s", async (_, text) => {
    const file = await readUnitListBytes(strToU8(text), "units.csv");
    const pasted = readUnitListText(text);
    expect(file.ok && { names: file.names, firstRow: file.firstRow }).toEqual(pasted);
    expect(pasted.names).not.toContain("单位名称");
  });

  test("the heading is not a unit: no 单位名称 未报送", () => {
    const list = readUnitListText(UNITS_CSV);
    expect(list).toEqual({ names: UNITS, firstRow: 2 });
    expect(checkUnitList(list.names, { file: "单位名录", firstRow: list.firstRow }).findings).toEqual([]);
  });
});

/** The consolidation's inputs, written into `input` as a clerk would have them. */
async function writeInputs(spec: TemplateSpec): Promise<string> {
  const input = join(dir, "in");
  mkdirSync(input, { recursive: true });
  const put = (name: string, bytes: Uint8Array | string) => writeFileSync(join(input, name), bytes);
  const jia = await filledReturn(spec, "甲县", 1, "2024-07-05");
  put("甲县.xlsx", jia);
  put("乙县报表.eml", emailWith("乙县.xlsx", await filledReturn(spec, "乙县", 2, "2024-07-08")));
  put(
    "county.zip",
    zipOf({ "inner.zip": zipOf({ "丙县.xlsx": await filledReturn(spec, "丙县", 3, "2024-07-06") }) }),
  );
  put(
    "winmail.dat",
    tnefOf([{ name: "戊县.xlsx", bytes: await filledReturn(spec, "戊县", 4, "2024-07-07") }]),
  );
  // An .ods, written by SheetJS from a filled copy (LibreOffice's own are tested in test/check/other-formats.test.ts).
  put("己县.ods", rewrittenBySheetJs(await filledReturn(spec, "己县", 5, "2024-07-04")));
  put("broken.xlsx", jia.subarray(0, jia.length >> 1));
  return input;
}

/** A workbook's sheet as rows of cell values (formulas by their results). */
async function sheetValues(bytes: Uint8Array, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row, r) => {
    rows[r] = (row.values as unknown[]).map((v) =>
      v && typeof v === "object" && "result" in v ? (v as { result: unknown }).result : v,
    );
  });
  return rows;
}

test("the pane consolidates the CLI's inputs (an .eml, winmail.dat, zips in zips, an .ods) to the CLI's answer", async () => {
  const spec = fixtureSpec(UNITS);
  const input = await writeInputs(spec);
  writeFileSync(join(dir, "units.csv"), UNITS_CSV);
  const out = join(dir, "汇总.xlsx");
  const cli = await run(["consolidate", input, "-o", out, "--units", join(dir, "units.csv"), "--json"]);
  const json = JSON.parse(cli.out) as {
    returns: { file: string; status: string }[];
    findings: { code: string; file: string | null }[];
  };

  const names = readdirSync(input).sort();
  const list = readUnitListText(UNITS_CSV);
  const pane = await runConsolidation(
    {
      files: names.map((name) => ({
        name,
        bytes: new Uint8Array(readFileSync(join(input, name))),
        lastModified: statSync(join(input, name)).mtimeMs,
      })),
      units: checkUnitList(list.names, { file: "单位名录", firstRow: list.firstRow }).units,
      today: localTime(new Date()).slice(0, 10),
      labels: {
        chartSheet: "达标率图",
        chartTitle: "达标率",
        chartColumns: ["单位", "达标率", "达标", "未达标"],
      },
    },
    () => {},
  );
  if (pane.type !== "done" || !pane.summary) throw new Error("the pane made no summary");

  // The CLI names a file by its path; the pane by the name picked: the same once the folder is taken off.
  const shown = (file: string | null) => (file ?? "").replace(`${input}/`, "");
  const cliFindings = json.findings.map((f) => `${f.code} ${shown(f.file)}`).sort();
  const paneFindings = pane.findings
    .map((f) => `${f.code} ${f.location.kind === "plan" ? "" : f.location.file}`)
    .sort();
  expect(paneFindings).toEqual(cliFindings);
  // 丁县 sent nothing; the heading of units.csv is no unit that sent nothing.
  const missing = pane.findings.filter((f) => f.code === "consolidate.missing_unit").map((f) => f.message.zh);
  expect(missing.join("\n")).toContain("丁县");
  expect(pane.findings.map((f) => f.message.zh).join("\n")).not.toContain("单位名称");
  const used = json.returns.filter((r) => r.status.startsWith("used")).map((r) => shown(r.file));
  expect(used.sort()).toEqual(
    [
      "county.zip › inner.zip › 丙县.xlsx",
      "winmail.dat › 戊县.xlsx",
      "甲县.xlsx",
      "乙县报表.eml › 乙县.xlsx",
      "己县.ods",
    ].sort(),
  );
  expect(pane.returns).toBe(used.length);
  // 汇总: every target's figures and each unit's, as the CLI wrote them.
  expect(await sheetValues(pane.summary, "汇总")).toEqual(
    await sheetValues(new Uint8Array(readFileSync(out)), "汇总"),
  );
}, 120_000);

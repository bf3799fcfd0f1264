import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { TemplateSpec } from "../../src/core/template/spec";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { run } from "../cli/run-cli";
import { fillReturn, plausibleFills } from "../consolidate/fill-return";
import { FIXTURES } from "./helpers";

/**
 * The template's rows as a clerk reads them, made by `report-kit template` from sample plan 002 (一、指导思想 is prose,
 * the work is numbered 三、(一) 1.): 序号 as a readable path, the guidance section as a heading that asks for nothing,
 * and rows that grow with what is typed.
 */
const dir = mkdtempSync(join(tmpdir(), "rk-template-rows-"));
const UNIT = "东湖区卫健委";
let spec: TemplateSpec;
let copy: Uint8Array;
let ws: ExcelJS.Worksheet;
let instructions: string;
let sheetXml: string;

beforeAll(async () => {
  writeFileSync(join(dir, "units.csv"), `单位名称\n${UNIT}\n`);
  const out = join(dir, "out");
  const r = await run([
    "template",
    join(FIXTURES, "002_da7eb2e767899d25.json"),
    "--units",
    join(dir, "units.csv"),
    "--period",
    "2024年上半年",
    "-o",
    out,
  ]);
  expect(r.err).toBe("");
  const names = readdirSync(out);
  spec = JSON.parse(
    readFileSync(
      join(
        out,
        names.find((n) => n.endsWith(".spec.json"))!,
      ),
      "utf8",
    ),
  );
  copy = new Uint8Array(
    readFileSync(
      join(
        out,
        names.find((n) => n.includes(UNIT))!,
      ),
    ),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(copy as unknown as ArrayBuffer);
  ws = wb.getWorksheet(spec.layout.entrySheet)!;
  instructions = JSON.stringify(wb.getWorksheet(spec.layout.instructionsSheet)!.getSheetValues());
  const files = unzipSync(copy);
  sheetXml = strFromU8(files["xl/worksheets/sheet2.xml"]!);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowOf = (key: string) => spec.layout.firstDataRow + spec.rows.findIndex((r) => r.key === key);
const taskRow = (title: string) => spec.rows.find((r) => r.kind === "task" && r.task.title === title)!;

test("序号 is the item's numbering path with a dot between levels, not glued", () => {
  const row = spec.rows.find((r) => r.kind === "task" && r.task.path.length === 3)!;
  const path = row.kind === "task" ? row.task.path : [];
  expect(ws.getCell(`${spec.layout.fixedColumns.seq}${rowOf(row.key)}`).value).toBe(path.join("."));
  expect(String(ws.getCell(`${spec.layout.fixedColumns.seq}${rowOf(row.key)}`).value)).toMatch(
    /^三\.\(一\)\.\d+$/,
  );
});

test("一、指导思想 is a heading: no input cells, no 进展情况 asked, not counted as a task in 填报说明", () => {
  const heading = taskRow("指导思想");
  expect(heading).toMatchObject({ kind: "task", heading: true });
  const r = rowOf(heading.key);
  const C = spec.layout.columns;
  for (const col of [C.status, C.note, C.problems]) {
    const cell = ws.getCell(`${col}${r}`);
    expect([col, cell.protection?.locked]).not.toEqual([col, false]);
    expect(cell.dataValidation?.type).toBeUndefined();
  }
  // A task of real work keeps its inputs.
  const work = spec.rows.find((r) => r.kind === "task" && !r.heading)!;
  expect(ws.getCell(`${C.status}${rowOf(work.key)}`).protection?.locked).toBe(false);
  const tasks = spec.rows.filter((r) => r.kind === "task").length - 1;
  expect(instructions).toContain(`本表共 ${tasks} 项工作任务`);
});

test("a return that leaves the heading blank is not asked for its 进展情况", async () => {
  const heading = taskRow("指导思想");
  const fills = plausibleFills(spec, 1).filter((f) => f.key !== heading.key);
  const filled = await fillReturn(copy, spec, fills);
  const result = checkWorkbook(filled, "东湖区.xlsx", { today: "2024-07-10" });
  const onHeading = result.findings.filter(
    (f) => f.location.kind === "cell" && f.location.key === heading.key,
  );
  expect(onHeading.map((f) => f.code)).toEqual([]);
  expect(result.findings.map((f) => f.code)).not.toContain("check.missing_status");
});

test("data rows keep their estimated heights but may grow: no customHeight, so a long note is not clipped", () => {
  const rows = [...sheetXml.matchAll(/<row r="(\d+)"[^>]*>/g)].filter(
    (m) => Number(m[1]) >= spec.layout.firstDataRow,
  );
  expect(rows.length).toBe(spec.rows.length);
  for (const [tag] of rows) {
    expect(tag).toMatch(/ ht="/);
    expect(tag).not.toMatch(/customHeight/);
  }
});

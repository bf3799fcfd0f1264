import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import {
  identityProperties,
  identityRows,
  readIdentityRows,
  type DocumentProperty,
} from "../../src/core/template/identity";
import { IDENTITY_SHEET, type TemplateSpec } from "../../src/core/template/spec";
import type { CheckResult } from "../../src/core/check/types";
import { noticeFor } from "../../src/xlsx/notice/notice-for";
import { readOdsCustomProperties, readOleCustomProperties } from "../../src/xlsx/custom-properties";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { readReturn } from "../../src/xlsx/return/read-return";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { run } from "../cli/run-cli";
import { sampleSpec } from "./helpers";

/**
 * The identity of a template of the biggest sample plan (its spec about 16,000 characters) through the programs a
 * unit may save it with: filled by LibreOffice Calc (UNO, lo-fill.py) and saved as .xlsx, .xls and .ods, then
 * re-saved by Gnumeric (ssconvert) as .xlsx, .xls and .ods; the .xls and .ods files of both are brought back to
 * .xlsx by Gnumeric (one LibreOffice run: its start is the slow part). Every file keeps both carriers: the identity sheet
 * (read here with SheetJS for .xls/.ods, and with our reader after converting back to .xlsx) and the custom document
 * properties (docProps/custom.xml, the .xls property stream, the .ods meta:user-defined). Needs LibreOffice and
 * Gnumeric: fails, never skips, without them.
 */
const UNIT = "东湖区人民医院";
const spec: TemplateSpec = sampleSpec("003_b1280b1a44e49c58", { units: [UNIT, "西湖区人民医院"] });
const L = spec.layout;
const rowOf = (key: string) => L.firstDataRow + spec.rows.findIndex((r) => r.key === key);
const firstTarget = spec.rows.find((r) => r.kind === "target" && r.measure !== "rate");
if (!firstTarget) throw new Error("the sample plan has no count target");
const rate = spec.rows.find((r) => r.kind === "target" && r.measure === "rate");
const count = spec.rows.find((r) => r.kind === "target" && r.measure !== "rate" && r !== firstTarget);
if (!rate || !count) throw new Error("the sample plan has no rate target or a single count");
const cellOf = (key: string, field: keyof typeof L.columns) => `${L.columns[field]}${rowOf(key)}`;
const valueCell = cellOf(firstTarget.key, "value");
const typed = [
  { sheet: L.entrySheet, address: L.headerCells.reporter ?? "", kind: "text", value: "李四" },
  { sheet: L.entrySheet, address: L.headerCells.phone ?? "", kind: "text", value: "13812345678" },
  { sheet: L.entrySheet, address: valueCell, kind: "number", value: 7 },
  // 完成值 of a rate is a formula: LibreOffice computes it, Gnumeric stores its result.
  { sheet: L.entrySheet, address: cellOf(rate.key, "numerator"), kind: "number", value: 96 },
  { sheet: L.entrySheet, address: cellOf(rate.key, "denominator"), kind: "number", value: 100 },
  // A count typed as text: the unit's own finding, which the notice must keep.
  { sheet: L.entrySheet, address: cellOf(count.key, "value"), kind: "text", value: "3" },
];

const dir = mkdtempSync(join(tmpdir(), "rk-programs-"));
const at = (name: string) => join(dir, name);
const specCells = identityRows(spec, UNIT).filter(([k]) => k === "spec");
const expectedProperties = identityProperties(spec);

/** Gnumeric's converter; the type is taken from the output's extension. */
const ssconvert = (from: string, to: string) =>
  execFileSync("ssconvert", [from, to], { stdio: "ignore", timeout: 60_000 });
beforeAll(() => {
  for (const program of ["/usr/bin/soffice", "/usr/bin/ssconvert"])
    if (!existsSync(program))
      throw new Error(`${program} is missing (apt-get install libreoffice-calc-nogui gnumeric)`);
}, 5_000);

beforeAll(async () => {
  writeFileSync(at("copy.xlsx"), await renderTemplate(spec, UNIT));
  const job = {
    input: at("copy.xlsx"),
    xlsx: at("lo.xlsx"),
    xls: at("lo.xls"),
    ods: at("lo.ods"),
    xlsFromXls: at("lo-xls.xlsx"),
    cells: typed,
    // As a clerk might: a blank row inserted between data rows, so the notice must place values by their key.
    insertRowAt: { sheet: L.entrySheet, row: L.firstDataRow + 3 },
  };
  writeFileSync(at("job.json"), JSON.stringify(job));
  execFileSync("/usr/bin/python3", [join(__dirname, "lo-fill.py"), at("job.json")], { timeout: 120_000 });
  for (const type of ["xlsx", "xls", "ods"]) ssconvert(at("lo.xlsx"), at(`gn.${type}`));
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both carriers as our reader finds them in an .xlsx, and what the check makes of it. */
function readXlsx(path: string) {
  const bytes = new Uint8Array(readFileSync(path));
  const read = readReturn(bytes, basename(path));
  if (!read.ok) throw new Error(JSON.stringify(read.findings));
  return {
    unitReturn: read.unitReturn,
    result: checkWorkbook(bytes, basename(path), { today: "2024-01-10" }),
  };
}

function expectWholeXlsx(path: string): void {
  const { unitReturn, result } = readXlsx(path);
  expect(unitReturn.identityRows?.filter(([k]) => k === "spec")).toEqual(specCells);
  expect(unitReturn.identityProperties).toEqual(
    expectedProperties.map(([name, value]) => [name.replace(/^rk_\d+_/, ""), value]),
  );
  expect(result.identity).toMatchObject({ templateId: spec.templateId, unit: UNIT });
  expect(result.findings.map((f) => f.code)).not.toContain("check.identity_damaged");
  const entry = (field: string, key = "header") =>
    result.entries.find((e) => e.key === key && e.field === field)?.value;
  expect([entry("reporter"), entry("phone"), entry("value", firstTarget?.key)]).toEqual([
    "李四",
    "13812345678",
    7,
  ]);
}

/** The identity sheet as SheetJS reads an .xls or .ods, through the core's reader. */
function identityBySheetJs(path: string) {
  const wb = XLSX.read(readFileSync(path));
  const sheet = wb.Sheets[IDENTITY_SHEET];
  if (!sheet) throw new Error(`no identity sheet in ${path}`);
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
  return readIdentityRows(rows.map((r) => [r[0], r[1]] as const));
}

/** The custom document properties of an .xls (its property stream) or an .ods (meta.xml), as our readers read them. */
function fileProperties(path: string): DocumentProperty[] {
  const bytes = new Uint8Array(readFileSync(path));
  if (path.endsWith(".ods"))
    return readOdsCustomProperties(strFromU8(unzipSync(bytes)["meta.xml"] ?? new Uint8Array(), true));
  const stream = XLSX.CFB.find(XLSX.CFB.read(bytes, { type: "array" }), "\u0005DocumentSummaryInformation");
  return stream ? readOleCustomProperties(new Uint8Array(stream.content as ArrayLike<number>)) : [];
}

describe("the identity of a big template survives LibreOffice and Gnumeric", () => {
  test.each([
    ["LibreOffice .xlsx", "lo.xlsx"],
    ["LibreOffice .xls, back to .xlsx by LibreOffice", "lo-xls.xlsx"],
    ["Gnumeric .xlsx", "gn.xlsx"],
  ])("%s: both carriers whole, identity and figures read", (_t, file) => expectWholeXlsx(at(file)));

  test.each([
    ["LibreOffice .xls", "lo.xls"],
    ["LibreOffice .ods", "lo.ods"],
    ["Gnumeric .xls", "gn.xls"],
    ["Gnumeric .ods", "gn.ods"],
  ])("%s read by SheetJS: the identity sheet is whole", (_t, file) => {
    const read = identityBySheetJs(at(file));
    expect(read).toMatchObject({ ok: true, spec, identity: { templateId: spec.templateId, unit: UNIT } });
  });

  test.each([
    ["LibreOffice .xls", "lo.xls"],
    ["LibreOffice .ods", "lo.ods"],
    ["Gnumeric .xls", "gn.xls"],
    ["Gnumeric .ods", "gn.ods"],
  ])("%s keeps the document properties (.xls property stream, .ods meta:user-defined)", (_t, file) => {
    const rk = fileProperties(at(file)).filter(([name]) => name.startsWith("rk_"));
    expect([...rk].sort()).toEqual([...expectedProperties].sort());
  });

  test.each([
    ["Gnumeric .xls, back to .xlsx by Gnumeric", "gn.xls"],
    ["Gnumeric .ods, back to .xlsx by Gnumeric", "gn.ods"],
    ["LibreOffice .xls, back to .xlsx by Gnumeric", "lo.xls"],
    ["LibreOffice .ods, back to .xlsx by Gnumeric", "lo.ods"],
  ])("%s: both carriers whole, identity and figures read", (_t, file) => {
    ssconvert(at(file), at(`${file}.back.xlsx`));
    expectWholeXlsx(at(`${file}.back.xlsx`));
  });
});

/** An .xlsx with the text of the parts whose names match changed (at least one must change). */
function editParts(path: string, parts: RegExp, edit: (xml: string) => string, to: string): string {
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  let changed = 0;
  for (const [name, data] of Object.entries(files)) {
    if (!parts.test(name)) continue;
    const xml = strFromU8(data);
    const edited = edit(xml);
    if (edited !== xml) changed++;
    files[name] = strToU8(edited);
  }
  if (changed === 0) throw new Error(`nothing to edit in ${path}`);
  writeFileSync(to, zipSync(files));
  return to;
}

describe("report-kit check on a Gnumeric-saved return whose carriers were damaged", () => {
  test("the identity sheet's spec garbled (as long text in a Gnumeric .xls was reported): read from the properties", async () => {
    // The spec's JSON made unparsable where it opens its rows (the text of a chunk is split into runs by font in
    // LibreOffice's file, so one chunk is not found whole; this ASCII stretch is).
    const garble = (xml: string) => xml.replace(/(&quot;|")rows(&quot;|"):\[/, "$1rows$2:[[\uFFFD");
    const file = editParts(
      at("gn.xlsx"),
      /^xl\/(sharedStrings|worksheets\/.*)\.xml$/,
      garble,
      at("garbled.xlsx"),
    );
    const r = await run(["check", file, "--json"], dir);
    const json = JSON.parse(r.out) as { template: string; unit: string; findings: { code: string }[] };
    expect(json).toMatchObject({ template: spec.templateId, unit: UNIT });
    expect(json.findings.map((f) => f.code)).not.toContain("check.identity_damaged");
    // Without the properties the same file has lost its identity.
    const bare = editParts(file, /^docProps\/custom\.xml$/, () => "", at("garbled-bare.xlsx"));
    const without = JSON.parse((await run(["check", bare, "--json"], dir)).out) as typeof json;
    expect(without.findings.map((f) => f.code)).toContain("check.identity_damaged");
  });

  test("a target edited in the properties only: the carriers disagree, check.identity_damaged", async () => {
    const file = editParts(
      at("gn.xlsx"),
      /^docProps\/custom\.xml$/,
      (xml) => {
        const edited = xml.replace(
          /(&quot;|")value(&quot;|"):(\d)/,
          (_m, a: string, b: string, d: string) => `${a}value${b}:${d === "9" ? "8" : "9"}`,
        );
        if (edited === xml) throw new Error("no target value in the properties");
        return edited;
      },
      at("edited.xlsx"),
    );
    const r = await run(["check", file, "--json"], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { findings: { code: string; message: string }[] };
    expect(json.findings.filter((f) => f.code === "check.identity_damaged")).toHaveLength(1);
  });
});

/** What a fresh unit copy has on its entry sheet: protection, print setup and the locked state of every cell. */
async function sheetSetup(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(L.entrySheet);
  if (!ws) throw new Error("no entry sheet");
  const unlocked: string[] = [];
  for (let r = 1; r <= L.lastDataRow; r++)
    for (let c = 1; c <= 13; c++) {
      const cell = ws.getCell(r, c);
      if (cell.protection?.locked === false) unlocked.push(cell.address);
    }
  const { fitToPage, fitToWidth, fitToHeight, orientation, paperSize, printTitlesRow } = ws.pageSetup;
  return {
    isProtected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
    print: { fitToPage, fitToWidth, fitToHeight, orientation, paperSize, printTitlesRow },
    unlocked,
  };
}

/** The findings of a check as "code key" (where they are may differ: the notice has no inserted row). */
const found = (result: CheckResult) =>
  result.findings.map((f) => `${f.code} ${f.location.kind === "cell" ? (f.location.key ?? "") : ""}`).sort();

describe("a correction notice made from a return LibreOffice or Gnumeric saved is a fresh template", () => {
  test.each([
    ["LibreOffice", "lo.xlsx"],
    ["Gnumeric", "gn.xlsx"],
  ])(
    "%s: rechecked, it has the unit's own findings only, with protection, unlocked inputs and print setup",
    async (_t, file) => {
      const bytes = new Uint8Array(readFileSync(at(file)));
      const result = checkWorkbook(bytes, file, { today: "2024-01-10" });
      const outcome = await noticeFor(bytes, result, file);
      if (outcome.kind !== "written") throw new Error(outcome.kind);
      const again = checkWorkbook(outcome.bytes, outcome.name, { today: "2024-01-10" });
      const codes = again.findings.map((f) => f.code);
      for (const code of [
        "check.protection_removed",
        "check.rate_value_mismatch",
        "check.identity_damaged",
        "check.sheet_added",
      ])
        expect(codes).not.toContain(code);
      // The unit's own findings come back (the text-typed count among them); what the program did does not.
      const own = (r: CheckResult) =>
        found(r).filter(
          (f) => !/^check\.(protection_removed|rate_value_mismatch|row_added|rows_moved)/.test(f),
        );
      expect(found(again)).toEqual(own(result));
      expect(codes).toContain("check.text_in_number_cell");
      const value = (key: string, field: string) =>
        again.entries.find((e) => e.key === key && e.field === field)?.value;
      expect([
        value(firstTarget.key, "value"),
        value(rate.key, "numerator"),
        value(count.key, "value"),
      ]).toEqual([7, 96, 3]);
      expect(await sheetSetup(outcome.bytes)).toEqual(await sheetSetup(await renderTemplate(spec, UNIT)));
    },
    30_000,
  );
});

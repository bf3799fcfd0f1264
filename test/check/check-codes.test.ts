import ExcelJS from "exceljs";
import type { FindingCode } from "../../src/core/findings/codes";
import type { Finding } from "../../src/core/findings/types";
import { IDENTITY_SHEET, type TemplateSpec } from "../../src/core/template/spec";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import {
  goodFill,
  keyRows,
  makeReturn,
  makeSpec,
  mergeFill,
  smallTaskList,
  UNITS,
  type Fill,
} from "./builders";

/**
 * One case per finding code: a return built from the real template renderer, filled (by exceljs) with one
 * mistake, must produce that code at that cell. Cases are named after the code they must produce, like the
 * fixtures in test/fixtures/returns/bad/.
 */
const spec = makeSpec();
const TODAY = "2024-07-10";

interface Case {
  readonly code: FindingCode;
  readonly title: string;
  readonly fill?: Fill;
  readonly edit?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void;
  /** Cell the finding must point at: "T1.2.value" (row key and field) or an address such as "C3". */
  readonly at?: string;
  readonly severity?: Finding["severity"];
  readonly unit?: string | null;
  readonly expected?: TemplateSpec;
}

const row = (key: string, fields: NonNullable<Fill["rows"]>[string]): Fill => ({ rows: { [key]: fields } });
const header = (fields: NonNullable<Fill["header"]>): Fill => ({ header: fields });

/** Edits the identity sheet's value of a key (and the stored spec with it when asked). */
function editIdentity(wb: ExcelJS.Workbook, change: (key: string, value: string) => string | null): void {
  const ws = wb.getWorksheet(IDENTITY_SHEET);
  ws?.eachRow((r) => {
    const next = change(String(r.getCell(1).value), String(r.getCell(2).value));
    if (next !== null) r.getCell(2).value = next;
  });
}

/** Edits the spec JSON stored across the identity sheet's "spec" cells (as many cells as before, evenly cut). */
function editSpec(wb: ExcelJS.Workbook, change: (json: string) => string): void {
  const cells: ExcelJS.Cell[] = [];
  wb.getWorksheet(IDENTITY_SHEET)?.eachRow((r) => {
    if (r.getCell(1).value === "spec") cells.push(r.getCell(2));
  });
  const json = change(cells.map((c) => String(c.value)).join(""));
  const size = Math.ceil(json.length / cells.length);
  cells.forEach((c, i) => (c.value = json.slice(i * size, (i + 1) * size)));
}

function swapRows(ws: ExcelJS.Worksheet, a: number, b: number): void {
  for (let c = 1; c <= 13; c++) {
    const x = ws.getRow(a).getCell(c);
    const y = ws.getRow(b).getCell(c);
    const v = x.value;
    x.value = y.value;
    y.value = v;
  }
}

const rowOf = (ws: ExcelJS.Worksheet, key: string): number => keyRows(spec, ws).get(key) ?? 0;

const CASES: readonly Case[] = [
  // Reading entries
  {
    code: "check.text_in_number_cell",
    title: "a count typed as text",
    fill: row("T1.2", { value: "4" }),
    at: "T1.2.value",
    severity: "info",
  },
  {
    code: "check.scaled_value",
    title: "0.15亿元 in a 万元 row",
    fill: row("T2.1", { value: "0.15亿元" }),
    at: "T2.1.value",
    severity: "info",
  },
  {
    code: "check.chinese_numeral",
    title: "四家 in a count",
    fill: row("T1.2", { value: "四家" }),
    at: "T1.2.value",
    severity: "info",
  },
  {
    code: "check.not_a_number",
    title: "若干 in a count",
    fill: row("T1.2", { value: "若干" }),
    at: "T1.2.value",
    severity: "error",
  },
  {
    code: "check.unit_mismatch",
    title: "5人 in a 家 row",
    fill: row("T1.2", { value: "5人" }),
    at: "T1.2.value",
    severity: "error",
  },
  {
    code: "check.date_in_number_cell",
    title: "3-5 turned into a date",
    fill: { ...row("T1.2", { value: new Date(Date.UTC(2024, 2, 5)) }), numFmt: { "T1.2.value": "m/d/yy" } },
    at: "T1.2.value",
    severity: "error",
  },
  {
    code: "check.formula_no_value",
    title: "a formula never calculated",
    fill: row("T1.2", { value: { formula: "2+2" } as ExcelJS.CellFormulaValue }),
    at: "T1.2.value",
    severity: "error",
  },
  {
    code: "check.formula_in_input",
    title: "a formula with its value",
    fill: row("T1.2", { value: { formula: "2+2", result: 4 } as ExcelJS.CellFormulaValue }),
    at: "T1.2.value",
    severity: "warning",
  },
  {
    code: "check.external_link",
    title: "a formula into another workbook",
    fill: row("T1.2", {
      value: { formula: "'[其他.xlsx]Sheet1'!A1", result: 4 } as ExcelJS.CellFormulaValue,
    }),
    at: "T1.2.value",
    severity: "error",
  },
  {
    code: "check.error_value",
    title: "#DIV/0! in an input",
    fill: row("T1.2", { value: { error: "#DIV/0!" } as ExcelJS.CellErrorValue }),
    at: "T1.2.value",
    severity: "error",
  },
  {
    code: "check.bad_status",
    title: "a status not in the list",
    fill: row("T1", { status: "差不多" }),
    at: "T1.status",
    severity: "error",
  },
  {
    code: "check.status_read_as",
    title: "完成 for 已完成",
    fill: row("T1", { status: "完成" }),
    at: "T1.status",
    severity: "info",
  },
  {
    code: "check.bad_date",
    title: "a date in words",
    fill: header({ filledOn: "七月五号" }),
    at: "E4",
    severity: "error",
  },
  // Targets
  {
    code: "check.below_target",
    title: "90% against ≥95%",
    fill: row("T1.1", { numerator: 90, denominator: 100 }),
    at: "T1.1.value",
    severity: "warning",
  },
  {
    code: "check.above_target",
    title: "2500 against ≤2000万元",
    fill: row("T2.1", { value: 2500 }),
    at: "T2.1.value",
    severity: "warning",
  },
  {
    code: "check.outside_range",
    title: "6 against 3-5家",
    fill: row("T1.2", { value: 6 }),
    at: "T1.2.value",
    severity: "warning",
  },
  {
    code: "check.outside_tolerance",
    title: "12‰ against 约10‰ (±0.5)",
    fill: row("T2.2", { numerator: 12, denominator: 1000 }),
    at: "T2.2.value",
    severity: "warning",
  },
  {
    code: "check.not_equal",
    title: "1 against =2个",
    fill: row("T3.1", { value: 1 }),
    at: "T3.1.value",
    severity: "warning",
  },
  // Completeness
  {
    code: "check.missing_value",
    title: "a blank count",
    fill: row("T1.2", { value: null }),
    at: "T1.2.value",
    severity: "error",
  },
  {
    code: "check.missing_value",
    title: "a blank denominator",
    fill: row("T1.1", { denominator: null }),
    at: "T1.1.denominator",
    severity: "error",
  },
  {
    code: "check.not_applicable_without_reason",
    title: "不适用 without a note",
    fill: row("T1.2", { value: "不适用", note: null }),
    at: "T1.2.value",
    severity: "warning",
  },
  {
    code: "check.missing_status",
    title: "a task without status",
    fill: row("T4", { status: null }),
    at: "T4.status",
    severity: "error",
  },
  {
    code: "check.missing_header",
    title: "no reporter",
    fill: header({ reporter: null }),
    at: "E3",
    severity: "error",
  },
  {
    code: "check.bad_phone",
    title: "a five-digit phone",
    fill: header({ phone: "12345" }),
    at: "C4",
    severity: "warning",
  },
  {
    code: "check.implausible_date",
    title: "filled before the period",
    fill: header({ filledOn: "2023-01-01" }),
    at: "E4",
    severity: "warning",
  },
  // Plausibility
  {
    code: "check.numerator_gt_denominator",
    title: "120/100",
    fill: row("T1.1", { numerator: 120, denominator: 100 }),
    at: "T1.1.numerator",
    severity: "error",
  },
  {
    code: "check.rate_out_of_range",
    title: "a rate over 100%",
    fill: row("T1.1", { numerator: 120, denominator: 100 }),
    at: "T1.1.value",
    severity: "error",
  },
  {
    code: "check.zero_denominator",
    title: "0/0",
    fill: row("T1.1", { numerator: 0, denominator: 0 }),
    at: "T1.1.denominator",
    severity: "error",
  },
  {
    code: "check.not_whole",
    title: "3.5家",
    fill: row("T1.2", { value: 3.5 }),
    at: "T1.2.value",
    severity: "error",
  },
  {
    code: "check.negative",
    title: "a negative amount",
    fill: row("T2.1", { value: -5 }),
    at: "T2.1.value",
    severity: "error",
  },
  {
    code: "check.status_inconsistent",
    title: "已完成 with a missed target",
    fill: mergeFill(row("T1", { status: "已完成" }), row("T1.1", { numerator: 90, denominator: 100 })),
    at: "T1.status",
    severity: "warning",
  },
  {
    code: "check.missed_without_problem",
    title: "a missed target, no problem noted",
    fill: row("T1.1", { numerator: 90, denominator: 100 }),
    at: "T1.problems",
    severity: "warning",
  },
  {
    code: "check.rate_value_mismatch",
    title: "a cached 完成值 that disagrees with 分子/分母",
    edit: (_wb, ws) => {
      const cell = ws.getCell(`${spec.layout.columns.value}${rowOf(ws, "T1.1")}`);
      cell.value = {
        formula: (cell.value as ExcelJS.CellFormulaValue).formula,
        result: 50,
      } as ExcelJS.CellFormulaValue;
    },
    at: "T1.1.value",
    severity: "warning",
  },
  // Identity
  {
    code: "check.identity_damaged",
    title: "a cut spec",
    edit: (wb) => editIdentity(wb, (k, v) => (k === "spec" ? v.slice(0, 50) : null)),
    severity: "error",
  },
  {
    code: "check.old_spec_version",
    title: "a template of spec version 0",
    edit: (wb) => {
      editIdentity(wb, (k) => (k === "specVersion" ? "0" : null));
      editSpec(wb, (json) => JSON.stringify({ ...JSON.parse(json), specVersion: 0 }));
    },
    severity: "warning",
  },
  {
    code: "check.other_plan",
    title: "a return of another plan",
    expected: makeSpec({ ...smallTaskList(), title: "2024年另一份工作要点" }),
    severity: "error",
  },
  {
    code: "check.other_period",
    title: "a return of another period",
    expected: makeSpec(smallTaskList(), { period: "2024年下半年" }),
    severity: "error",
  },
  {
    code: "check.other_template",
    title: "the same plan and period, other rows",
    expected: makeSpec({ ...smallTaskList(), tasks: smallTaskList().tasks.slice(0, 3) }),
    severity: "error",
  },
  {
    code: "check.spec_changed",
    title: "a target lowered in the copy of the spec the return carries, checked against the template sent",
    edit: (wb) => editSpec(wb, (json) => json.replace('"value":95', '"value":80')),
    expected: spec,
    severity: "error",
  },
  {
    code: "check.unit_not_in_list",
    title: "a unit typed into the blank template",
    unit: null,
    fill: header({ unit: "南昌县卫健委" }),
    at: "C3",
    severity: "error",
  },
  {
    code: "check.unit_changed",
    title: "another unit's name in a personalised copy",
    fill: header({ unit: UNITS[1] }),
    at: "C3",
    severity: "error",
  },
  // Tampering
  {
    code: "check.locked_cell_changed",
    title: "an indicator renamed",
    edit: (_wb, ws) =>
      (ws.getCell(`${spec.layout.fixedColumns.indicator}${rowOf(ws, "T1.1")}`).value = "互认率（改）"),
    severity: "warning",
  },
  {
    code: "check.row_added",
    title: "a row typed under the table",
    edit: (_wb, ws) => (ws.getCell(`I${spec.layout.lastDataRow + 2}`).value = 7),
    severity: "warning",
  },
  {
    code: "check.row_deleted",
    title: "a target row deleted",
    edit: (_wb, ws) => ws.spliceRows(rowOf(ws, "T1.2"), 1),
    severity: "error",
  },
  {
    code: "check.rows_moved",
    title: "two rows swapped",
    edit: (_wb, ws) => swapRows(ws, rowOf(ws, "T3"), rowOf(ws, "T3.1")),
    severity: "warning",
  },
  {
    code: "check.duplicate_key",
    title: "a target row copied",
    edit: (_wb, ws) => {
      const n = spec.layout.lastDataRow + 1;
      ws.getCell(`${spec.layout.keyColumn}${n}`).value = "T1.2";
      ws.getCell(`${spec.layout.columns.value}${n}`).value = 9;
    },
    severity: "error",
  },
  {
    code: "check.key_missing",
    title: "one key cleared",
    fill: row("T1.2", { value: 4 }),
    edit: (_wb, ws) => (ws.getCell(`${spec.layout.keyColumn}${rowOf(ws, "T1.2")}`).value = null),
    at: `A${spec.layout.firstDataRow + 2}`,
    severity: "warning",
  },
  {
    code: "check.keys_destroyed",
    title: "the key column cleared",
    edit: (_wb, ws) => {
      for (let r = spec.layout.firstDataRow; r <= spec.layout.lastDataRow; r++)
        ws.getCell(`${spec.layout.keyColumn}${r}`).value = null;
    },
    severity: "warning",
  },
  {
    code: "check.sheet_missing",
    title: "the instructions sheet deleted",
    edit: (wb) => wb.removeWorksheet(wb.getWorksheet(spec.layout.instructionsSheet)?.id ?? 0),
    severity: "warning",
  },
  {
    code: "check.sheet_renamed",
    title: "the entry sheet renamed",
    edit: (_wb, ws) => (ws.name = "Sheet1"),
    severity: "warning",
  },
  {
    code: "check.sheet_added",
    title: "a scratch sheet added",
    edit: (wb) => (wb.addWorksheet("草稿").getCell("A1").value = "x"),
    severity: "info",
  },
  {
    code: "check.protection_removed",
    title: "protection removed",
    edit: (_wb, ws) => ws.unprotect(),
    severity: "warning",
  },
];

/** Where a case expects its finding: "T1.2.value" → the cell of that field on that key's row. */
function address(at: string, result: ReturnType<typeof checkWorkbook>): string {
  const m = /^(T[\d.]+?)\.(\w+)$/.exec(at);
  if (!m) return at;
  const entry = result.entries.find((e) => e.key === m[1] && e.field === m[2]);
  return entry?.cell ?? `?${at}`;
}

async function run(c: Case) {
  const fill = c.fill ? mergeFill(goodFill(spec), c.fill) : goodFill(spec);
  const unit = c.unit === undefined ? (UNITS[0] ?? null) : c.unit;
  const bytes = await makeReturn(spec, fill, c.edit, unit);
  return checkWorkbook(bytes, `${c.code}.xlsx`, { today: TODAY, expected: c.expected ?? null });
}

describe("a correct return", () => {
  test("has no findings, and every entry of the fill comes back", async () => {
    const result = await run({ code: "check.missing_value", title: "clean" });
    expect(result.findings).toEqual([]);
    expect(result.identity).toMatchObject({ templateId: spec.templateId, unit: UNITS[0] });
    expect(result.entries.find((e) => e.key === "T1.1" && e.field === "value")).toMatchObject({
      value: 96,
      kind: "number",
    });
    expect(result.entries.find((e) => e.key === "T1.2" && e.field === "value")).toMatchObject({
      value: 3,
      raw: 3,
    });
  });
});

describe.each(CASES.map((c) => [c.code, c.title, c] as const))("%s: %s", (code, _title, c) => {
  test("is found", async () => {
    const result = await run(c);
    const found = result.findings.filter((f) => f.code === code);
    expect(found.map((f) => f.code)).toContain(code);
    if (c.severity) expect(found[0]?.severity).toBe(c.severity);
    if (c.at) {
      const cells = found.map((f) => (f.location.kind === "cell" ? f.location.cell : ""));
      expect(cells).toContain(address(c.at, result));
    }
    expect(found[0]?.message.zh).not.toMatch(/undefined|NaN/);
    expect(found[0]?.message.en).not.toMatch(/undefined|NaN/);
  });
});

describe("explained exceptions and the three answers", () => {
  test("a reason in the note is carried by the missed target's warning", async () => {
    const reason = "新院区开业，一次性采购设备";
    const result = await run({
      code: "check.above_target",
      title: "",
      fill: row("T2.1", { value: 2500, note: reason }),
    });
    const f = result.findings.find((x) => x.code === "check.above_target");
    expect(f).toMatchObject({ severity: "warning", data: { reason } });
    expect(f?.message.zh).toContain(reason);
    expect(result.findings.map((x) => x.code)).not.toContain("check.missed_without_problem");
  });

  test("a note that says nothing (无) explains nothing", async () => {
    const result = await run({
      code: "check.above_target",
      title: "",
      fill: row("T2.1", { value: 2500, note: "无" }),
    });
    const f = result.findings.find((x) => x.code === "check.above_target");
    expect(f?.severity).toBe("warning");
    expect(f?.data?.reason).toBeUndefined();
  });

  test("不适用 with a reason is accepted and kept as 不适用", async () => {
    const result = await run({
      code: "check.missing_value",
      title: "",
      fill: row("T1.2", { value: "不适用", note: "本区无三级医院" }),
    });
    expect(result.findings).toEqual([]);
    expect(result.entries.find((e) => e.key === "T1.2" && e.field === "value")).toMatchObject({
      kind: "notApplicable",
      value: "不适用",
    });
  });

  test("zero, blank and 不适用 are three different answers", async () => {
    const zero = await run({ code: "check.missing_value", title: "", fill: row("T2.1", { value: 0 }) });
    const blank = await run({ code: "check.missing_value", title: "", fill: row("T2.1", { value: null }) });
    const na = await run({
      code: "check.missing_value",
      title: "",
      fill: row("T2.1", { value: "不适用", note: "未设药房" }),
    });
    const get = (r: typeof zero) => r.entries.find((e) => e.key === "T2.1" && e.field === "value");
    expect([get(zero)?.kind, get(blank)?.kind, get(na)?.kind]).toEqual(["number", "blank", "notApplicable"]);
    expect([get(zero)?.value, get(blank)?.value, get(na)?.value]).toEqual([0, null, "不适用"]);
    expect(zero.findings.map((f) => f.code)).toEqual([]);
    expect(blank.findings.map((f) => f.code)).toEqual(["check.missing_value"]);
  });

  test("rows moved are still read by key", async () => {
    const result = await run({
      code: "check.rows_moved",
      title: "",
      fill: row("T3.1", { value: 2 }),
      edit: (_wb, ws) => swapRows(ws, rowOf(ws, "T3"), rowOf(ws, "T3.1")),
    });
    const t31 = result.entries.find((e) => e.key === "T3.1" && e.field === "value");
    expect(t31).toMatchObject({
      value: 2,
      cell: `I${spec.layout.firstDataRow + spec.rows.findIndex((r) => r.key === "T3")}`,
    });
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a row whose key was cleared is read by position, not lost and not added", async () => {
    const result = await run({
      code: "check.key_missing",
      title: "",
      fill: row("T1.2", { value: 4 }),
      edit: (_wb, ws) => (ws.getCell(`${spec.layout.keyColumn}${rowOf(ws, "T1.2")}`).value = null),
    });
    expect(result.entries.find((e) => e.key === "T1.2" && e.field === "value")?.value).toBe(4);
    expect(result.findings.map((f) => f.code)).toEqual(["check.key_missing"]);
  });

  test("dates of a workbook in the 1904 date system (old Mac Excel) are read right", async () => {
    const result = await run({
      code: "check.bad_date",
      title: "",
      fill: header({ filledOn: new Date(Date.UTC(2024, 6, 5)) }),
      edit: (wb) => (wb.properties.date1904 = true),
    });
    expect(result.entries.find((e) => e.field === "filledOn")).toMatchObject({
      kind: "date",
      value: "2024-07-05",
    });
    expect(result.findings).toEqual([]);
  });

  test("a workbook that is not ours stops with one finding", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "随便一张表";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const result = checkWorkbook(bytes, "other.xlsx");
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([["check.not_our_template", "error"]]);
  });
});

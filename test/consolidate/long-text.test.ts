import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { CUT_MARK, EXCEL_CELL_CHARACTERS } from "../../src/core/consolidate/text-cut";
import type { TemplateSpec } from "../../src/core/template/spec";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec } from "./fixtures";
import { textRow, withRows } from "./hostile-returns";

/**
 * Issue 21, item 6: text over Excel's 32,767 characters a cell is cut in the summary, never silently. 乙县 writes a
 * note of 40,000 characters (LibreOffice lets a cell hold that) full of "&" (which once cut the XML inside an
 * entity), and types 40,000 characters into a row of its own; 乙县 and 丙县 each write 20,000 characters of 存在问题
 * on one task, which 进展 joins into one cell. Each cut is a finding naming the file and cell, each cut cell ends in
 * a mark, and the workbook opens.
 */
const UNITS = ["甲县", "乙县", "丙县"];
const dir = mkdtempSync(join(tmpdir(), "rk-long-text-"));
const input = join(dir, "in");
let spec: TemplateSpec;
let noteKey: string;
let taskKey: string;

/** Varied text (a run of one character would compress like a zip bomb), with an "&" every ten characters. */
const prose = (length: number): string => {
  let n = 11;
  let text = "";
  for (let i = 0; i < length; i++)
    text += i % 10 === 9 ? "&" : String.fromCharCode(0x4e00 + ((n = (n * 48271) % 2147483647) % 2000));
  return text;
};

type Json = {
  returns: { file: string; status: string }[];
  records: { unit: string; key: string; field: string; value: unknown; cell: string }[];
  findings: {
    code: string;
    severity: string;
    file: string | null;
    sheet: string | null;
    cell: string | null;
    message: string;
  }[];
};
let json: Json;
let code: number;
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  spec = fixtureSpec(UNITS);
  mkdirSync(input, { recursive: true });
  noteKey = spec.rows.find((r) => r.kind === "target")!.key;
  taskKey = spec.rows.find((r) => r.kind === "task")!.key;
  const problems = (text: string) => [{ key: taskKey, field: "problems" as const, value: text }];
  writeFileSync(join(input, "甲县.xlsx"), await filledReturn(spec, "甲县", 1, "2024-07-05"));
  const yi = await filledReturn(spec, "乙县", 2, "2024-07-05", [
    { key: noteKey, field: "note", value: prose(40_000) },
    ...problems(prose(20_000)),
  ]);
  writeFileSync(
    join(input, "乙县.xlsx"),
    withRows(yi, spec.layout.entrySheet, textRow(spec.layout.columns.value!, prose(40_000))),
  );
  writeFileSync(
    join(input, "丙县.xlsx"),
    await filledReturn(spec, "丙县", 3, "2024-07-05", problems(prose(20_000))),
  );
  const r = await run(["consolidate", input, "-o", join(dir, "out", "汇总.xlsx"), "--json"]);
  code = r.code;
  json = JSON.parse(r.out) as Json;
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, "out", "汇总.xlsx"));
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cuts = () => json.findings.filter((f) => f.code === "consolidate.text_cut");

describe("a text longer than a cell of the summary holds", () => {
  it("is read, and every return of the run is summed", () => {
    expect(code).toBe(0); // warnings only
    expect(json.returns.map((r) => r.status)).toEqual(
      ["used", "used", "used"].map(() => expect.stringMatching(/^used/)),
    );
    const note = json.records.find((x) => x.unit === "乙县" && x.key === noteKey && x.field === "note")!;
    expect(note.value).toHaveLength(40_000);
  });

  it("is a warning naming the file and cell each time it is cut: in 明细, in 进展, in 问题清单", () => {
    const note = json.records.find((x) => x.unit === "乙县" && x.key === noteKey && x.field === "note")!;
    const where = (f: Json["findings"][number]) => [f.file?.replace(/^.*\//, ""), f.sheet, f.cell];
    const found = cuts().map(where);
    expect(found).toContainEqual(["乙县.xlsx", spec.layout.entrySheet, note.cell]);
    const problems = json.records.find(
      (x) => x.unit === "丙县" && x.key === taskKey && x.field === "problems",
    )!;
    expect(found).toContainEqual(["丙县.xlsx", spec.layout.entrySheet, problems.cell]);
    const added = json.findings.find((f) => f.code === "check.row_added")!;
    expect(found).toContainEqual(["乙县.xlsx", added.sheet, added.cell]);
    expect(cuts()).toHaveLength(3);
    for (const f of cuts()) expect(f.severity).toBe("warning");
    expect(
      cuts()
        .map((f) => /汇总表“([^”]+)”/.exec(f.message)?.[1])
        .sort(),
    ).toEqual(["明细", "问题清单", "进展"].sort());
  });

  it("ends in a mark where it is cut, and the workbook opens (no XML cut inside an entity)", () => {
    const texts = (sheet: string) => {
      const out: string[] = [];
      wb.getWorksheet(sheet)!.eachRow((row) =>
        row.eachCell((cell) => void (typeof cell.value === "string" && out.push(cell.value))),
      );
      return out;
    };
    for (const sheet of ["明细", "进展", "问题清单"]) {
      const long = texts(sheet).filter((t) => t.length > 20_000);
      expect(long.length).toBeGreaterThan(0);
      for (const t of long) expect(t.length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
      expect(long.some((t) => t.length === EXCEL_CELL_CHARACTERS && t.endsWith(CUT_MARK))).toBe(true);
    }
    // The unit's own copy of 存在问题 in the summary's entry sheet says where the whole text is.
    expect(texts(spec.layout.entrySheet).some((t) => t.endsWith("…（全文见“进展”表）"))).toBe(true);
  });
});

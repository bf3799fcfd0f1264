import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { goodFill, makeReturn, makeSpec, mergeFill } from "../check/builders";
import { run as runCli } from "./run-cli";

/** Runs the CLI with the template id (a hash of the spec) replaced, so snapshots survive spec changes. */
async function run(args: string[], dir: string) {
  const r = await runCli(args, dir);
  const clean = (s: string) => s.replace(/rk-[0-9a-f]{6,}/g, "<template>");
  return { ...r, out: clean(r.out), err: clean(r.err) };
}

/** `report-kit check`: exit codes, the Chinese table, --lang en, --json for one and several files, --notice. */
const spec = makeSpec();
const dir = mkdtempSync(join(tmpdir(), "rk-check-cli-"));
const good = join(dir, "东湖区卫健委.xlsx");
const bad = join(dir, "西湖区卫健委.xlsx");
const pdf = join(dir, "青山湖区.xlsx");

beforeAll(async () => {
  writeFileSync(good, await makeReturn(spec));
  const fill = mergeFill(goodFill(spec), {
    rows: { "T1.2": { value: "若干" }, "T1.1": { numerator: 90, denominator: 100 } },
  });
  writeFileSync(bad, await makeReturn(spec, fill));
  writeFileSync(pdf, "%PDF-1.4\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("report-kit check", () => {
  test("a clean return: exit 0 and a table that says so", async () => {
    const r = await run(["check", good], dir);
    expect(r).toMatchSnapshot();
    expect(r.code).toBe(0);
    expect(r.out).toContain("未发现问题");
  });

  test("a return with errors: exit 1, each finding with its cell, worst first", async () => {
    const r = await run(["check", bad], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/错误\s+填报表!I9\s+T1\.2\s+check\.not_a_number/);
    expect(r).toMatchSnapshot();
  });

  test("--lang en prints English", async () => {
    const r = await run(["check", bad, "--lang", "en"], dir);
    expect(r.out).toContain("is not a number");
    expect(r.out).toContain("error(s)");
  });

  test("--json for one file prints the contract object", async () => {
    const r = await run(["check", bad, "--json"], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["file", "template", "unit", "period", "entries", "findings"]);
    expect(json).toMatchObject({ template: "<template>", unit: "东湖区卫健委", period: "2024年上半年" });
    expect(Object.keys(json.entries[0])).toEqual([
      "key",
      "task",
      "indicator",
      "field",
      "value",
      "raw",
      "sheet",
      "cell",
    ]);
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        severity: "error",
        code: "check.not_a_number",
        sheet: "填报表",
        cell: "I9",
        key: "T1.2",
      }),
    );
  });

  test("--json for several files prints an array, one object per file, in order", async () => {
    const r = await run(["check", good, bad, pdf, join(dir, "missing.xlsx"), "--json"], dir);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { file: string; findings: { code: string }[] }[];
    expect(json.map((j) => j.file.replace(dir, "<dir>"))).toEqual([
      "<dir>/东湖区卫健委.xlsx",
      "<dir>/西湖区卫健委.xlsx",
      "<dir>/青山湖区.xlsx",
      "<dir>/missing.xlsx",
    ]);
    expect(json[0]?.findings).toEqual([]);
    expect(json[1]?.findings.map((f) => f.code)).toContain("check.not_a_number");
    expect(json[2]?.findings.map((f) => f.code)).toEqual(["file.pdf"]);
    expect(json[3]?.findings.map((f) => f.code)).toEqual(["file.not_found"]);
  });

  test("a broken file is a finding, exit 1, never a stack trace", async () => {
    const r = await run(["check", pdf], dir);
    expect(r.code).toBe(1);
    expect(r.out + r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toContain("PDF");
  });

  test("a folder stands for the workbooks in it", async () => {
    const r = await run(["check", dir, "--json"], dir);
    expect((JSON.parse(r.out) as unknown[]).length).toBe(3);
  });

  test("--notice writes a highlighted, commented copy with 问题清单 in front", async () => {
    const out = join(dir, "notices");
    const r = await run(["check", good, bad, "--notice", out], dir);
    expect(r.code).toBe(1);
    expect(readdirSync(out)).toEqual(["西湖区卫健委-退回意见.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "西湖区卫健委-退回意见.xlsx")) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe("问题清单");
    const list = wb.getWorksheet("问题清单");
    const codes: string[] = [];
    list?.eachRow((row, n) => n > 4 && codes.push(String(row.getCell(6).value)));
    expect(codes).toContain("check.not_a_number");
    const cell = wb.getWorksheet(spec.layout.entrySheet)?.getCell("I9");
    expect(cell?.note).toBeDefined();
    expect(JSON.stringify(cell?.note)).toContain("无法识别为数字");
    expect((cell?.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe("FFF4B6B6");
    // The notice is still a valid return: checked again, it has the same errors and no new tampering finding.
    const again = await run(["check", join(out, "西湖区卫健委-退回意见.xlsx"), "--json"], dir);
    const json = JSON.parse(again.out) as { findings: { code: string }[] };
    expect(json.findings.map((f) => f.code)).not.toContain("check.sheet_added");
    expect(json.findings.map((f) => f.code)).toContain("check.not_a_number");
  });

  test("no files: bad usage, exit 2", async () => {
    const empty = mkdtempSync(join(tmpdir(), "rk-check-empty-"));
    const r = await run(["check", empty], dir);
    rmSync(empty, { recursive: true });
    expect(r.code).toBe(2);
  });
});

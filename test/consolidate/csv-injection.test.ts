import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { csvField } from "../../src/cli/consolidate/outputs";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec } from "./fixtures";

/**
 * CSV injection (OWASP): text a unit typed, names, and the template's own formulas must open in a spreadsheet as the
 * text they are. The records are written by the real command and opened by a real spreadsheet program.
 */
const HOSTILE = ['=HYPERLINK("http://evil.example","点击")', "+1+1", "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1"];
const dir = mkdtempSync(join(tmpdir(), "rk-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Parses CSV (RFC 4180, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}

describe("--csv and formula injection", () => {
  it("neutralises every field that starts like a formula, keeps numbers as numbers", () => {
    for (const h of HOSTILE) expect(csvField(h).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField(-2)).toBe("-2");
    expect(csvField("普通文本")).toBe("普通文本");
    expect(csvField('他说"好"')).toBe('"他说""好"""');
  });

  it("what units typed opens in LibreOffice Calc as text, never as a live formula", async () => {
    const spec = fixtureSpec(["甲县", "乙县"]);
    const task = spec.rows.find((r) => r.kind === "task")!.key;
    const target = spec.rows.find((r) => r.kind === "target")!.key;
    const input = join(dir, "in");
    mkdirSync(input, { recursive: true });
    writeFileSync(
      join(input, "甲县.xlsx"),
      await filledReturn(spec, "甲县", 1, "2024-07-05", [
        { key: task, field: "problems", value: HOSTILE[0]! },
        { key: target, field: "note", value: HOSTILE[1]! },
        { key: "header", field: "reporter", value: HOSTILE[2]! },
      ]),
    );
    writeFileSync(
      join(input, "乙县.xlsx"),
      await filledReturn(spec, "乙县", 2, "2024-07-05", [
        { key: task, field: "note", value: HOSTILE[3]! },
        { key: target, field: "note", value: HOSTILE[4]! },
      ]),
    );
    const out = join(dir, "out");
    const r = await run(["consolidate", input, "-o", join(out, "汇总.xlsx"), "--csv", out]);
    expect(r.err).not.toMatch(/bug|缺陷/);
    const csv = readFileSync(join(out, "records.csv"), "utf8").replace(/^\uFEFF/, "");
    const fields = parseCsv(csv).flat();
    // Nothing a spreadsheet would run, and each hostile text is there, as text.
    expect(fields.filter((f) => /^[=+\-@\t\r]/.test(f))).toEqual([]);
    for (const h of HOSTILE.slice(0, 5)) expect(fields).toContain(`'${h}`);

    // A real spreadsheet program opens it: no cell holds a formula, the hostile texts are plain text.
    const converted = join(dir, "lo");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${converted}/profile`,
        "--headless",
        "--infilter=CSV:44,34,76,1",
        "--convert-to",
        "xlsx",
        "--outdir",
        converted,
        join(out, "records.csv"),
      ],
      { timeout: 120_000, stdio: "ignore" },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(converted, "records.xlsx"));
    const texts: string[] = [];
    let formulas = 0;
    wb.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (
          cell.formula ||
          (typeof cell.value === "object" && cell.value !== null && "formula" in cell.value)
        )
          formulas++;
        // (LibreOffice writes text with CJK in it as rich text in runs of fonts.)
        const v = cell.value as ExcelJS.CellValue;
        if (typeof v === "string") texts.push(v);
        else if (v && typeof v === "object" && "richText" in v)
          texts.push(v.richText.map((r) => r.text).join(""));
      }),
    );
    expect(formulas).toBe(0);
    expect(texts).toEqual(expect.arrayContaining([`'${HOSTILE[0]}`, "'+1+1", "'@SUM(1)", "'-2+3"]));
  }, 120_000);
});

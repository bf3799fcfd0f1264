import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { TemplateSpec } from "../../src/core/template/spec";
import { runOnCommandThread, type Terminal } from "../../src/cli/command-thread";
import { writeAtomicWith } from "../../src/cli/consolidate/outputs";
import { run } from "../cli/run-cli";
import {
  date,
  emailWith,
  filledReturn,
  fixtureSpec,
  hasLibreOffice,
  resaveWithLibreOffice,
  zipOf,
} from "./fixtures";

/**
 * One set of messy returns, consolidated by the real command (in-process): 甲县 plain; 乙县 twice (an older file
 * and a newer one inside a saved email); 丙县 late, in a zip inside a zip, with a count typed as text and a row
 * inserted by the clerk; 戊县 re-saved by LibreOffice Calc; 丁县 missing; a truncated workbook and a text file.
 */
const UNITS = ["甲县", "乙县", "丙县", "丁县", "戊县"];
const dir = mkdtempSync(join(tmpdir(), "rk-consolidate-"));
const input = join(dir, "in");
const out = join(dir, "out");
let spec: TemplateSpec;
/** Every return file as the command names it, with its bytes. */
const returns = new Map<string, Uint8Array>();

type Json = {
  returns: {
    file: string;
    unit: string | null;
    status: string;
    findings: { code: string; severity: string; message: string }[];
  }[];
  records: {
    key: string;
    field: string;
    value: unknown;
    unit: string;
    file: string;
    sheet: string;
    cell: string;
  }[];
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

/** The options of the main run (unit list, the summary's own unit and contact, JSON out). */
const summaryOptions = () => [
  "--units",
  join(dir, "units.csv"),
  "--unit",
  "东湖区",
  "--reporter",
  "张三",
  "--phone",
  "0791-86000000",
  "--json",
];

const rowKey = (s: TemplateSpec, measure: string) =>
  s.rows.find((r) => r.kind === "target" && r.measure === measure)!.key;

beforeAll(async () => {
  spec = fixtureSpec(UNITS);
  mkdirSync(join(input, "mail"), { recursive: true });
  writeFileSync(join(dir, "units.csv"), `单位名称\n${UNITS.join("\n")}\n`);
  const count = rowKey(spec, "count");
  const jia = await filledReturn(spec, "甲县", 1, "2024-07-05", [], { attain: true });
  const yiOld = await filledReturn(spec, "乙县", 2, "2024-07-03");
  const yiNew = await filledReturn(spec, "乙县", 3, "2024-07-08");
  const bing = await filledReturn(
    spec,
    "丙县",
    4,
    "2024-07-15",
    [{ key: count, field: "value", value: "12" }],
    {
      insertRowAfter: count,
    },
  );
  // The clerk typed into the inserted row too: that figure must be in a finding.
  const bingWb = new ExcelJS.Workbook();
  await bingWb.xlsx.load(bing as unknown as ArrayBuffer);
  const ws = bingWb.getWorksheet(spec.layout.entrySheet)!;
  let inserted = spec.layout.firstDataRow;
  while (ws.getRow(inserted).getCell(spec.layout.keyColumn).value) inserted++;
  ws.getCell(`${spec.layout.columns.value}${inserted}`).value = 77;
  const bingBytes = new Uint8Array(await bingWb.xlsx.writeBuffer());
  const wu = await filledReturn(spec, "戊县", 5, "2024-07-06");

  const put = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(input, name), bytes);
    returns.set(join(input, name), bytes);
  };
  put("甲县.xlsx", jia);
  put("乙县-旧.xlsx", yiOld);
  writeFileSync(join(input, "mail", "乙县报表.eml"), emailWith("乙县.xlsx", yiNew));
  returns.set(`${join(input, "mail", "乙县报表.eml")} › 乙县.xlsx`, yiNew);
  writeFileSync(join(input, "county.zip"), zipOf({ "inner.zip": zipOf({ "丙县.xlsx": bingBytes }) }));
  returns.set(`${join(input, "county.zip")} › inner.zip › 丙县.xlsx`, bingBytes);
  if (hasLibreOffice) {
    writeFileSync(join(dir, "戊县.xlsx"), wu);
    put(
      "戊县.xlsx",
      new Uint8Array(readFileSync(resaveWithLibreOffice(join(dir, "戊县.xlsx"), join(dir, "lo")))),
    );
  } else put("戊县.xlsx", wu);
  writeFileSync(join(input, "broken.xlsx"), jia.subarray(0, jia.length >> 1));
  writeFileSync(join(input, "说明.txt"), "请于7月10日前报送。");
  symlinkSync(join(dir, "已删除.xlsx"), join(input, "丢失.xlsx"));

  const r = await run([
    "consolidate",
    input,
    "-o",
    join(out, "汇总.xlsx"),
    ...summaryOptions(),
    "--csv",
    out,
  ]);
  code = r.code;
  json = JSON.parse(r.out) as Json;
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outcome = (file: string) => json.returns.find((r) => r.file.endsWith(file))?.status;

describe("report-kit consolidate", () => {
  it("takes files, folders, zips inside zips and email attachments, and lists files that are not returns", () => {
    expect(outcome("甲县.xlsx")).toMatch(/^used/);
    expect(outcome("乙县报表.eml › 乙县.xlsx")).toMatch(/^used/);
    expect(outcome("county.zip › inner.zip › 丙县.xlsx")).toMatch(/^used/);
    expect(outcome("戊县.xlsx")).toMatch(/^used/);
    expect(outcome("broken.xlsx")).toBe("not_return");
    expect(outcome("说明.txt")).toBe("not_return");
    const broken = json.returns.find((r) => r.file.endsWith("broken.xlsx"))!;
    expect(broken.findings.map((f) => f.code)).toEqual(["file.corrupt_zip"]);
    // A link to a file that is gone is listed, not skipped.
    const gone = json.returns.find((r) => r.file.endsWith("丢失.xlsx"))!;
    expect(gone.status).toBe("not_return");
    expect(gone.findings.map((f) => [f.code, f.message])).toEqual([
      ["consolidate.input_unreadable", "无法读取文件：文件已不存在（ENOENT）"],
    ]);
    expect(code).toBe(1);
  });

  it("keeps the latest-filled of a duplicate and lists the other with the reason", () => {
    expect(outcome("乙县-旧.xlsx")).toBe("superseded");
    const dup = json.findings.find((f) => f.code === "consolidate.duplicate")!;
    expect(dup.file).toMatch(/乙县-旧\.xlsx$/);
    expect(dup.message).toContain("填报日期更晚");
  });

  it("reports the missing unit and the late one against the deadline", () => {
    const about = (c: string) => json.findings.filter((f) => f.code === c).map((f) => f.message);
    expect(about("consolidate.missing_unit")).toEqual([expect.stringContaining("丁县")]);
    expect(about("consolidate.late")).toEqual([expect.stringContaining("丙县")]);
  });

  it("rolls rates up from the summed numerators and denominators in the summary workbook", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "汇总.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["汇总", "明细", "进展", "报送情况", "问题清单", spec.layout.entrySheet]),
    );
    const rate = spec.rows.find((r) => r.kind === "target" && r.measure === "rate")!;
    const kept = json.returns.filter((r) => r.status.startsWith("used")).map((r) => r.file);
    const sum = (field: string) =>
      json.records
        .filter((r) => r.key === rate.key && r.field === field && kept.includes(r.file))
        .reduce((n, r) => n + Number(r.value), 0);
    const row = wb
      .getWorksheet("汇总")!
      .getRows(3, 200)!
      .find((r) => r.getCell(3).value === (rate.kind === "target" ? rate.target.indicator : ""))!;
    expect(row.getCell(14).value).toBe(sum("numerator"));
    expect(row.getCell(15).value).toBe(sum("denominator"));
    expect(row.getCell(13).value).toBeCloseTo((sum("numerator") / sum("denominator")) * 100, 2);
    expect(wb.getWorksheet("明细")!.actualRowCount).toBe(json.records.length + 1);
  });

  it("writes the tidy records as UTF-8 CSV with a BOM, in Chinese", () => {
    const csv = readFileSync(join(out, "records.csv"), "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "\ufeff模板标识,填报单位,行键,工作任务,指标,字段,值,原始内容,状态,来源文件,工作表,单元格,文件SHA-256",
    );
    // Fields and statuses as 明细 shows them, never the JSON's keys.
    expect(csv).toMatch(/,分子,/);
    expect(csv).toMatch(/,(正常|有警告|有错误),/);
    expect(csv).not.toMatch(/,(numerator|denominator|value),/);
    expect(csv).not.toMatch(/,(ok|warning|error|superseded),/);
    expect(lines).toHaveLength(json.records.length + 1);
    expect(lines.some((l) => l.includes("丙县") && l.includes("county.zip › inner.zip › 丙县.xlsx"))).toBe(
      true,
    );
  });

  it("loses nothing: every non-empty input cell of every return is in 明细 or in a finding", async () => {
    const L = spec.layout;
    const inputColumns = new Set(Object.values(L.columns));
    const headerCells = new Set(Object.values(L.headerCells));
    const inDetail = new Set(json.records.map((r) => `${r.file}|${r.sheet}|${r.cell}`));
    let counted = 0;
    for (const [file, bytes] of returns) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(L.entrySheet)!;
      ws.eachRow((row, n) =>
        row.eachCell((cell) => {
          const column = cell.address.replace(/\d+/g, "");
          const isInput = n >= L.firstDataRow ? inputColumns.has(column) : headerCells.has(cell.address);
          if (!isInput || cell.formula || cell.text.trim() === "") return;
          counted++;
          const inFinding = json.findings.some(
            (f) =>
              f.file === file &&
              f.sheet === ws.name &&
              (f.cell === cell.address ||
                (f.cell?.replace(/[A-Z]+/, "") === String(n) && f.message.includes(cell.text))),
          );
          if (!inDetail.has(`${file}|${ws.name}|${cell.address}`) && !inFinding)
            throw new Error(`lost: ${file} ${cell.address} = ${cell.text}`);
        }),
      );
    }
    expect(counted).toBeGreaterThan(returns.size * 20);
    // The figure typed into the row the clerk inserted is kept by the check's finding, not dropped.
    const added = json.findings.find((f) => f.code === "check.row_added")!;
    expect(added.file).toMatch(/丙县\.xlsx$/);
    expect(added.message).toContain("77");
  });

  it("writes a summary that is itself a return one level up", async () => {
    const r = await run([
      "consolidate",
      join(out, "汇总.xlsx"),
      "-o",
      join(out, "市", "市汇总.xlsx"),
      "--json",
    ]);
    const up = JSON.parse(r.out) as Json;
    expect(up.returns).toHaveLength(1);
    expect(up.returns[0]).toMatchObject({ unit: "东湖区", status: expect.stringMatching(/^used/) });
    const codes = up.returns[0]!.findings.map((f) => f.code);
    expect(codes).not.toContain("check.not_our_template");
    const rate = spec.rows.find((x) => x.kind === "target" && x.measure === "rate")!;
    const numerator = (j: Json, files: string[]) =>
      j.records
        .filter((x) => x.key === rate.key && x.field === "numerator" && files.includes(x.file))
        .reduce((n, x) => n + Number(x.value), 0);
    const kept = json.returns.filter((x) => x.status.startsWith("used")).map((x) => x.file);
    expect(numerator(up, [up.returns[0]!.file])).toBe(numerator(json, kept));
  }, 60_000);

  it("with --strict leaves out returns with errors and says why", async () => {
    const r = await run(["consolidate", input, "-o", join(dir, "strict", "汇总.xlsx"), "--strict", "--json"]);
    const strict = JSON.parse(r.out) as Json;
    const rejected = strict.returns.filter((x) => x.status === "rejected");
    const withErrors = json.returns.filter(
      (x) => x.status !== "not_return" && x.findings.some((f) => f.severity === "error"),
    );
    expect(rejected.map((x) => x.file).sort()).toEqual(withErrors.map((x) => x.file).sort());
    expect(strict.returns.find((x) => x.file.endsWith("甲县.xlsx"))!.status).toBe("used");
    for (const x of rejected) expect(x.findings.map((f) => f.code)).toContain("consolidate.rejected");
  }, 60_000);
});

const cli = join(__dirname, "../../bin/report-kit.js");
const built = existsSync(join(__dirname, "../../dist/cli.js"));

(built ? describe : describe.skip)("the built command", () => {
  it("reads and checks on worker threads, and renders the summary's rows there, with the same result as on one thread", () => {
    const threaded = join(dir, "w2", "汇总.xlsx");
    const args = [cli, "consolidate", input, "-o", threaded, ...summaryOptions(), "--workers", "2"];
    const r = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 28 });
    expect(r.status).toBe(1); // the returns have errors
    const result = JSON.parse(r.stdout) as Json;
    expect(result.returns).toEqual(json.returns);
    expect(result.records).toEqual(json.records);
    // The sheets and their text, byte for byte (the summary's rows were compressed in pieces on the workers).
    const parts = (path: string) =>
      Object.entries(unzipSync(readFileSync(path)))
        .filter(([name]) => name.startsWith("xl/worksheets/") || name === "xl/sharedStrings.xml")
        .map(([name, data]) => [name, Buffer.from(data).toString("utf8")])
        .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    const one = parts(join(out, "汇总.xlsx"));
    expect(one.length).toBeGreaterThan(5);
    expect(parts(threaded)).toEqual(one);
  });
  it("runs on the command thread with the terminal kept on this one: its output arrives whole and in order, a slow reader holds it back, and its progress is shown here", async () => {
    const threaded = join(dir, "thread", "汇总.xlsx");
    const argv = ["consolidate", input, "-o", threaded, ...summaryOptions()];
    let text = "";
    let waiting = 0;
    let mostWaiting = 0;
    let batches = 0;
    const shown: number[] = [];
    let stopped = 0;
    const terminal: Terminal = {
      // A reader slower than the command: each batch is written out a few milliseconds later.
      stdout: {
        write: (t, done) => {
          text += t;
          batches++;
          mostWaiting = Math.max(mostWaiting, ++waiting);
          setTimeout(() => (waiting--, done()), 3);
        },
      },
      stderr: { write: (_t, done) => done() },
      progress: () => ({ update: (n) => shown.push(n), stop: () => stopped++ }),
    };
    const flow = { batch: 4096, inFlight: 1 };
    const exit = await runOnCommandThread(
      join(__dirname, "../../dist/cli.js"),
      { argv, lang: "zh", cwd: process.cwd(), flow },
      terminal,
      (e) => {
        throw e;
      },
    );
    expect(exit).toBe(1); // the returns have errors
    const result = JSON.parse(text) as Json;
    expect(result.returns).toEqual(json.returns);
    expect(result.records).toEqual(json.records);
    expect(batches).toBeGreaterThan(3); // the JSON comes in chunks of 64 KB
    // Never more than the allowed batches waiting to be written (without the wait, all of them would be).
    expect(mostWaiting).toBe(flow.inFlight + 1);
    expect(shown.at(-1)).toBe(json.returns.length);
    expect(stopped).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("keeps the command's messages and exit codes when it runs on the command thread", () => {
    const usage = spawnSync(process.execPath, [cli, "consolidate", input], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("-o");
    expect(usage.stdout).toBe("");
    const missing = spawnSync(
      process.execPath,
      [cli, "--lang", "en", "consolidate", join(dir, "no-such-input"), "-o", join(dir, "x", "s.xlsx")],
      { encoding: "utf8" },
    );
    expect(missing.status).toBe(1);
    // No input is a return: the account says why (on stdout, as every account), and nothing is written.
    expect(missing.stdout).toContain(join(dir, "no-such-input"));
    expect(missing.stdout).toContain("None of the 1 input file(s) is a returned workbook");
    expect(missing.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });
});

describe("writing the summary", () => {
  it("leaves no half-written file when interrupted, and keeps the previous one", async () => {
    const target = join(dir, "atomic", "汇总.xlsx");
    mkdirSync(join(dir, "atomic"), { recursive: true });
    writeFileSync(target, "previous");
    await expect(
      writeAtomicWith(target, (write) => {
        write(new Uint8Array([1, 2, 3]));
        throw new Error("interrupted");
      }),
    ).rejects.toThrow("interrupted");
    expect(readFileSync(target, "utf8")).toBe("previous");
    expect(readdirSync(join(dir, "atomic"))).toEqual(["汇总.xlsx"]);
    await writeAtomicWith(join(dir, "atomic", "new.xlsx"), (write) => write(new Uint8Array([80, 75])));
    expect(existsSync(join(dir, "atomic", "new.xlsx"))).toBe(true);
  });

  it("says how to use the command when -o is missing (exit 2)", async () => {
    const r = await run(["consolidate", input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("-o");
  });

  it("says plainly when the summary cannot be written where asked (exit 2, no stack trace)", async () => {
    writeFileSync(join(dir, "a-file"), "not a folder");
    mkdirSync(join(dir, "a-folder.xlsx"), { recursive: true });
    const under = await run(["consolidate", input, "-o", join(dir, "a-file", "汇总.xlsx")]);
    expect(under.code).toBe(2);
    expect(under.err.trim()).toBe(`无法创建文件夹 ${join(dir, "a-file")}：已存在同名文件（EEXIST）`);
    const onto = await run(["consolidate", input, "-o", join(dir, "a-folder.xlsx"), "--lang", "en"]);
    expect(onto.code).toBe(2);
    expect(onto.err.trim()).toBe(
      `Cannot save ${join(dir, "a-folder.xlsx")}: it is a folder, a file is needed here (EISDIR)`,
    );
    expect(readdirSync(join(dir, "a-folder.xlsx"))).toEqual([]); // no temporary file left behind
    // Said before any input is read: a missing input would otherwise end the run first (exit 1).
    const first = await run(["consolidate", join(dir, "no-such-input"), "-o", join(dir, "a-folder.xlsx")]);
    expect(first.code).toBe(2);
    expect(first.err.trim()).toBe(
      `无法保存 ${join(dir, "a-folder.xlsx")}：这是文件夹，这里需要文件（EISDIR）`,
    );
    const csv = await run([
      "consolidate",
      join(dir, "no-such-input"),
      "-o",
      join(dir, "x.xlsx"),
      "--csv",
      join(dir, "a-file"),
    ]);
    expect(csv.code).toBe(2);
    expect(csv.err.trim()).toBe(`无法创建文件夹 ${join(dir, "a-file")}：已存在同名文件（EEXIST）`);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("fails cleanly when no input is a return (exit 1, no stack trace)", async () => {
    const r = await run(["consolidate", join(input, "说明.txt"), "-o", join(dir, "none.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("[错误] 在 1 个输入文件中没有找到任何填报工作簿，无法汇总");
    expect(r.out + r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(existsSync(join(dir, "none.xlsx"))).toBe(false);
  });
});

export { date };

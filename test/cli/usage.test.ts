import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filledReturn, fixtureSpec } from "../consolidate/fixtures";
import { run } from "./run-cli";

/**
 * The command line's rough edges: commander's help and usage errors in the clerk's language, --version, a language
 * that is not one, an output that is not .xlsx, a folder given for a file, a unit list that is not there, a
 * consolidation that finds no returns, and a notice folder that cannot be made. Each message in Chinese, and in
 * English with --lang en. What happens before the command line is parsed (the language, --version) is run through
 * the built command (bin/report-kit.js, as a clerk runs it); the rest through the same CLI in this process (`run`),
 * which is quicker.
 */
const cli = join(__dirname, "../../bin/report-kit.js");
const dir = mkdtempSync(join(tmpdir(), "rk-usage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reportKit(args: readonly string[], env: Record<string, string> = {}) {
  const { REPORT_KIT_LANG: _ignored, ...rest } = process.env;
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: "utf8",
    cwd: dir,
    env: { ...rest, ...env },
  });
  const out = r.stdout.split(dir).join("<dir>");
  const err = r.stderr.split(dir).join("<dir>");
  // Never a stack trace for bad usage or bad input.
  expect(err).not.toMatch(/\n\s+at .*:\d+:\d+/);
  return { code: r.status, out, err };
}

/** The CLI in this process, with paths under the test's folder written as <dir>. */
async function cli2(args: readonly string[]) {
  const r = await run([...args], dir);
  expect(r.err).not.toMatch(/\n\s+at .*:\d+:\d+/);
  return r;
}
const at = (name: string) => join(dir, name);

const seed = join(__dirname, "../../seeds/000_64af8b8e620b9456.txt");
const emptyFile = join(dir, "empty.xlsx");
writeFileSync(emptyFile, "");

describe("help and usage errors", () => {
  it("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as {
      version: string;
    };
    expect(reportKit(["--version"])).toEqual({ code: 0, out: `${version}\n`, err: "" });
    expect(reportKit(["-V"]).out).toBe(`${version}\n`);
  });

  it("help is in Chinese, and in English with --lang en", () => {
    const zh = reportKit(["--help"]);
    expect(zh.code).toBe(0);
    expect(zh.out).toMatch(/^用法： report-kit \[选项\] \[命令\]/);
    for (const word of ["选项：", "命令：", "显示帮助", "显示版本号", "显示某个命令的帮助"])
      expect(zh.out).toContain(word);
    expect(zh.out).not.toMatch(/Usage|Options|Commands|display help|\[options\]/);
    // The commands' descriptions line up, a Chinese character taking two columns.
    const columns = (text: string) => [...text].reduce((n, c) => n + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    const commands = zh.out
      .slice(zh.out.indexOf("命令："))
      .split("\n")
      .filter((l) => l.startsWith("  "));
    expect(commands).toHaveLength(5);
    expect(new Set(commands.map((l) => columns(/^ {2}\S.*? {2,}/.exec(l)![0]))).size).toBe(1);
    const sub = reportKit(["check", "--help"]);
    expect(sub.out).toMatch(/^用法： report-kit check \[选项\] <files\.\.\.>/);
    expect(sub.out).toContain("参数：");

    const en = reportKit(["--help", "--lang", "en"]);
    expect(en.out).toMatch(/^Usage: report-kit \[options\] \[command\]/);
    expect(en.out).toContain("display help for command");
    expect(reportKit(["--help"], { REPORT_KIT_LANG: "en" }).out).toMatch(/^Usage:/);
  });

  it.each([
    [
      ["chek"],
      "错误：没有“chek”这个命令\n（是否要输入 check？）",
      "error: unknown command 'chek'\n(Did you mean check?)",
    ],
    [
      ["parse", "--jsn", seed],
      "错误：没有“--jsn”这个选项\n（是否要输入 --json？）",
      "error: unknown option '--jsn'\n(Did you mean --json?)",
    ],
    [["parse"], "错误：缺少参数 file", "error: missing required argument 'file'"],
    [
      ["consolidate", "x", "-o"],
      "错误：选项 -o, --out <file> 后面缺少值",
      "error: option '-o, --out <file>' argument missing",
    ],
    [
      ["parse", seed, "extra"],
      "错误：参数过多，应为 1 个，收到 2 个",
      "error: too many arguments for 'parse'. Expected 1 argument but got 2.",
    ],
  ])("%s is a usage error in the clerk's language: exit 2", async (args, zh, en) => {
    const chinese = await cli2(args);
    expect(chinese.code).toBe(2);
    expect(chinese.err.startsWith(`${zh}\n`)).toBe(true);
    expect(chinese.err).toContain("用法：");
    const english = await cli2([...args, "--lang", "en"]);
    expect(english.code).toBe(2);
    expect(english.err.startsWith(`${en}\n`)).toBe(true);
    expect(english.err).not.toMatch(/[错误用法]/);
  });

  it("--lang fr is refused, not ignored: exit 2, nothing done", async () => {
    const zh = reportKit(["--lang", "fr", "parse", seed]);
    expect(zh.code).toBe(2);
    expect(zh.out).toBe("");
    expect(zh.err).toMatch(/^错误：选项 --lang <lang> 的值“fr”无效：只能是 zh（中文）或 en（英文）\n/);
    const en = reportKit(["parse", seed, "--lang=fr"], { REPORT_KIT_LANG: "en" });
    expect(en.code).toBe(2);
    expect(en.err).toMatch(
      /^error: option '--lang <lang>' argument 'fr' is invalid\. Use zh \(Chinese\) or en \(English\)\.\n/,
    );
    const env = reportKit(["parse", seed], { REPORT_KIT_LANG: "fr" });
    expect(env).toEqual({
      code: 2,
      out: "",
      err: "环境变量 REPORT_KIT_LANG 的值“fr”无效：只能是 zh（中文）或 en（英文）\n",
    });
    // What names a language is read as it: en-US, ZH.
    expect((await cli2(["--lang", "en-US", "parse", at("none.txt")])).err).toMatch(/not found/);
    expect((await cli2(["--lang", "ZH", "parse", at("none.txt")])).err).toMatch(/找不到文件/);
  });
});

describe("files and folders given on the command line", () => {
  it("-o 汇总.txt is refused before anything is read or written", async () => {
    const out = join(dir, "o", "汇总.txt");
    const zh = await cli2(["consolidate", emptyFile, "-o", out]);
    expect(zh).toEqual({
      code: 2,
      out: "",
      err: "汇总工作簿的文件名应以 .xlsx 结尾（收到 -o <dir>/o/汇总.txt），如 -o 汇总.xlsx\n",
    });
    const en = await cli2(["consolidate", emptyFile, "-o", out, "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.err).toBe(
      "The summary workbook's name must end in .xlsx (got -o <dir>/o/汇总.txt), e.g. -o 汇总.xlsx\n",
    );
    expect(existsSync(join(dir, "o"))).toBe(false);
  });

  it("parse FOLDER says it is a folder", async () => {
    const zh = await cli2(["parse", dir]);
    expect(zh.code).toBe(1);
    expect(zh.err).toBe(
      "[错误] <dir>: “<dir>”是文件夹，不是文件。请给出工作要点文件（.txt 或 .docx），如“<dir>/工作要点.docx”\n",
    );
    const en = await cli2(["parse", dir, "--lang", "en"]);
    expect(en.err).toBe(
      '[error] <dir>: "<dir>" is a folder, not a file. Give the plan\'s file (.txt or .docx), such as "<dir>/plan.docx"\n',
    );
    // template takes a plan too.
    expect((await cli2(["template", dir, "-o", at("t")])).err).toContain("“<dir>”是文件夹，不是文件");
  });

  it("a --units file that is not there is not found, not of the wrong format", async () => {
    const zh = await cli2(["template", seed, "--units", at("单位.csv"), "-o", at("t")]);
    expect(zh.code).toBe(1);
    expect(zh.err).toBe("[错误] <dir>/单位.csv: 找不到单位名录“<dir>/单位.csv”，请检查文件名和所在文件夹\n");
    const en = await cli2(["template", seed, "--units", at("单位.csv"), "-o", at("t"), "--lang", "en"]);
    expect(en.err).toBe(
      '[error] <dir>/单位.csv: Unit list "<dir>/单位.csv" not found; check the file name and its folder\n',
    );
    const consolidate = await cli2([
      "consolidate",
      emptyFile,
      "-o",
      at("s/汇总.xlsx"),
      "--units",
      at("单位.csv"),
    ]);
    expect(consolidate.code).toBe(1);
    expect(consolidate.err).toContain("找不到单位名录");
    expect(existsSync(join(dir, "t"))).toBe(false);
  });

  it("check --notice FILE stops before the work, not after it", async () => {
    const zh = await cli2(["check", emptyFile, "--notice", emptyFile]);
    expect(zh).toEqual({
      code: 2,
      out: "",
      err: "无法创建文件夹 <dir>/empty.xlsx：已存在同名文件（EEXIST）\n",
    });
    const en = await cli2(["check", emptyFile, "--notice", emptyFile, "--lang", "en"]);
    expect(en).toEqual({
      code: 2,
      out: "",
      err: "Cannot make the folder <dir>/empty.xlsx: a file of that name exists (EEXIST)\n",
    });
  });
});

describe("consolidate with no returns", () => {
  it("prints its account with the finding, never an empty location; --json prints the JSON", async () => {
    const zh = await cli2(["consolidate", emptyFile, "-o", at("none/汇总.xlsx"), "--csv", at("none")]);
    expect(zh.code).toBe(1);
    expect(zh.out).toContain("[错误] 在 1 个输入文件中没有找到任何填报工作簿，无法汇总\n");
    expect(zh.out + zh.err).not.toMatch(/\] ?: /);
    expect(existsSync(join(dir, "none", "汇总.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "none", "records.csv"))).toBe(false);

    const json = await cli2(["consolidate", emptyFile, "-o", at("none/汇总.xlsx"), "--json", "--lang", "en"]);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.out) as {
      returns: { file: string; status: string }[];
      findings: { code: string; file: string | null; message: string }[];
    };
    expect(parsed.returns).toEqual([
      expect.objectContaining({ file: "<dir>/empty.xlsx", status: "not_return" }),
    ]);
    expect(parsed.findings.map((f) => f.code)).toEqual(["file.empty", "consolidate.no_returns"]);
    expect(parsed.findings[1]).toMatchObject({
      file: null,
      message: expect.stringMatching(/^None of the 1 input/),
    });
  });
});

describe("records.csv", () => {
  it("is in Chinese for Excel, and as the JSON names things with --lang en", async () => {
    const spec = fixtureSpec(["甲县"]);
    const input = join(dir, "returns");
    mkdirSync(input);
    writeFileSync(join(input, "甲县.xlsx"), await filledReturn(spec, "甲县", 1, "2024-07-05"));
    const zh = await cli2(["consolidate", input, "-o", at("zh/汇总.xlsx"), "--csv", at("zh")]);
    const en = await cli2([
      "consolidate",
      input,
      "-o",
      at("en/汇总.xlsx"),
      "--csv",
      at("en"),
      "--lang",
      "en",
    ]);
    expect([zh.code, en.code]).toEqual([0, 0]);
    const zhCsv = readFileSync(join(dir, "zh", "records.csv"), "utf8").split("\r\n");
    const enCsv = readFileSync(join(dir, "en", "records.csv"), "utf8").split("\r\n");
    expect(zhCsv[0]).toBe(
      "\ufeff模板标识,填报单位,行键,工作任务,指标,字段,值,原始内容,状态,来源文件,工作表,单元格,文件SHA-256",
    );
    expect(enCsv[0]).toBe(
      "\ufefftemplateId,unit,key,task,indicator,field,value,raw,status,file,sheet,cell,sha256",
    );
    expect(zhCsv).toHaveLength(enCsv.length);
    expect(zhCsv.join("\n")).toMatch(/,分子,.*,正常,/);
    expect(enCsv.join("\n")).toMatch(/,numerator,.*,ok,/);
    expect(zhCsv.join("\n")).not.toMatch(/,numerator,|,ok,/);
  }, 30_000);
});

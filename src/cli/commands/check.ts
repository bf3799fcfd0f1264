import { readdir, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import type { CheckResult } from "../../core/check/types";
import { makeFinding } from "../../core/findings/make-finding";
import { hasErrors } from "../../core/findings/make-finding";
import { checkWorkbook } from "../../xlsx/return/check-workbook";
import { MAX_WORKBOOK_BYTES } from "../../xlsx/safe-zip/sniff";
import { noticeFor } from "../../xlsx/notice/notice-for";
import { checkJson } from "../check/check-json";
import { checkTable } from "../check/check-table";
import type { TemplateSpec } from "../../core/template/spec";
import type { CliContext } from "../context";
import { readAuthority } from "../read-authority";
import { checkWritable } from "../consolidate/outputs";
import { assertPreviousFits, assertPreviousFitsAny, readPrevious } from "../read-previous";
import type { PreviousPeriod } from "../../core/period/types";
import { readRegularSync } from "../consolidate/read-regular";
import { UsageError } from "../errors";
import { nodeSheetJs } from "../sheetjs";

interface CheckCliOptions {
  readonly json?: boolean;
  readonly notice?: string;
  readonly template?: string;
  readonly previous?: string;
}

/** A return read and checked, with its bytes for the correction notice. */
interface Checked {
  readonly file: string;
  readonly bytes: Uint8Array | null;
  readonly result: CheckResult;
}

const failed = (
  file: string,
  code: "file.not_found" | "file.too_large" | "file.not_regular",
  data: Record<string, number | string>,
): Checked => ({
  file,
  bytes: null,
  result: {
    identity: null,
    spec: null,
    unit: null,
    entries: [],
    findings: [makeFinding(code, { kind: "file", file }, data)],
  },
});

/**
 * FILE arguments to files: a folder stands for every file directly inside it, whatever its name, so each is
 * accounted for as consolidate accounts for it: a return in any format read, anything else with its own message
 * (a PDF, a zip, a text file). Subfolders are not entered.
 */
async function expand(args: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(resolve(cwd, arg)).catch(() => null);
    if (!info?.isDirectory()) {
      files.push(arg);
      continue;
    }
    const entries = await readdir(resolve(cwd, arg), { withFileTypes: true });
    const names = entries.filter((e) => !e.isDirectory()).map((e) => e.name);
    for (const n of names.sort()) files.push(join(arg, n));
  }
  return files;
}

/** Reads one file (never more than the size limit) and checks it, against the authority when one is given. */
async function checkFile(
  file: string,
  cwd: string,
  authority: TemplateSpec | null,
  previous: PreviousPeriod | null,
): Promise<Checked> {
  let read;
  try {
    // Only a regular file, its size checked on the open file: a link to /dev/zero would never end.
    read = readRegularSync(resolve(cwd, file), MAX_WORKBOOK_BYTES);
  } catch {
    return failed(file, "file.not_found", { file });
  }
  if (read.kind === "not_regular")
    return failed(file, "file.not_regular", { type: read.type, typeEn: read.typeEn });
  if (read.kind === "too_large")
    return failed(file, "file.too_large", { size: read.size, limit: MAX_WORKBOOK_BYTES });
  const bytes = new Uint8Array(read.value);
  const today = new Date().toISOString().slice(0, 10);
  return {
    file,
    bytes,
    result: checkWorkbook(bytes, file, { today, expected: authority, previous, sheetjs: nodeSheetJs }),
  };
}

/**
 * Registers `report-kit check FILE... [--json] [--template FILE] [--notice DIR]`: a table of findings per return
 * (Chinese; English with --lang en), or JSON (one object for one file, an array for several); exit 1 when any return
 * has an error. With --template, returns of that template are checked against it (see readAuthority).
 */
export function registerCheck(program: Command, ctx: CliContext): void {
  const en = ctx.lang === "en";
  program
    .command("check")
    .argument(
      "<files...>",
      en
        ? "returned workbooks (.xlsx, .xls, .et, .ods, .xlsb), or folders of them"
        : "报送的工作簿（.xlsx、.xls、.et、.ods、.xlsb），或其所在文件夹",
    )
    .option("--json", en ? "print entries and findings as JSON" : "以 JSON 输出填报值和问题")
    .option(
      "--template <file>",
      en
        ? "the commission's blank template (.xlsx) or its .spec.json: check against it, not the copy in each return"
        : "下发的空白模板（.xlsx）或其 .spec.json：以它为准校验，而不是报表中自带的模板内容",
    )
    .option(
      "--previous <summary>",
      en
        ? "the previous period's summary (汇总.xlsx) or folder of returns: compare each return with its unit's figures then"
        : "上一报告期的汇总表（汇总.xlsx）或报表文件夹：与本单位上期的数比较",
    )
    .option(
      "--notice <dir>",
      en ? "write a correction notice per return into DIR" : "为每份报表在 DIR 中生成退回意见",
    )
    .description(
      en ? "check returned workbooks against their template" : "校验报送的工作簿：数值、目标、完整性、篡改",
    )
    .action(async (args: string[], options: CheckCliOptions) => {
      const authority = await readAuthority(options.template, ctx.cwd);
      // A notice folder that cannot be made or written (a file of that name, no permission) is said before the
      // work, not after.
      const noticeDir = options.notice === undefined ? null : resolve(ctx.cwd, options.notice);
      if (noticeDir) await checkWritable(join(noticeDir, "退回意见.xlsx"));
      const previous = await readPrevious(options.previous, ctx.cwd, new Date().toISOString().slice(0, 10));
      if (previous && authority) assertPreviousFits(previous, authority, options.previous!);
      const files = await expand(args, ctx.cwd);
      if (files.length === 0) {
        throw new UsageError({ zh: "没有找到要校验的工作簿", en: "No workbooks to check" });
      }
      const checked: Checked[] = [];
      for (const file of files) checked.push(await checkFile(file, ctx.cwd, authority, previous));
      if (previous)
        assertPreviousFitsAny(
          previous,
          checked.map((c) => c.result.spec),
          options.previous!,
        );
      if (options.json) {
        const json = checked.map((c) => checkJson(c.file, c.result, ctx.lang));
        ctx.out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
      } else {
        ctx.out(checked.map((c) => checkTable(c.file, c.result, ctx.lang)).join("\n\n"));
      }
      if (noticeDir) await writeNotices(checked, noticeDir, ctx);
      if (checked.some((c) => hasErrors(c.result.findings))) ctx.exitCode = 1;
    });
}

/** Writes the notices into `out`, a folder made before the returns were checked. */
async function writeNotices(checked: readonly Checked[], out: string, ctx: CliContext): Promise<void> {
  const en = ctx.lang === "en";
  const why = {
    nothing_to_correct: en ? "nothing to correct" : "无需退回",
    unreadable: en ? "the file cannot be read" : "文件无法读取",
    // exceljs cannot open every workbook our reader can (odd parts written by other programs): that return gets
    // no notice, said plainly, and the others still do.
    not_copied: en ? "the workbook could not be copied" : "无法复制该工作簿",
  };
  for (const c of checked) {
    const notice = await noticeFor(c.bytes, c.result, c.file);
    if (notice.kind !== "written") {
      ctx.err(
        en
          ? `${c.file}: no notice (${why[notice.kind]})`
          : `${c.file}：未生成退回意见（${why[notice.kind]}）`,
      );
      continue;
    }
    const target = join(out, notice.name);
    await writeFile(target, notice.bytes);
    ctx.err(en ? `${c.file}: notice written to ${target}` : `${c.file}：退回意见已写入 ${target}`);
  }
}

import { basename, extname, join, resolve } from "node:path";
import type { Command } from "commander";
import { consolidateReturns, type ConsolidationResult } from "../../core/consolidate/consolidate";
import { filledOnDate } from "../../core/consolidate/dates";
import { hasErrors } from "../../core/findings/make-finding";
import { checkUnitList } from "../../core/template/units";
import { loadExcelJS } from "../../xlsx/exceljs";
import { writeSummaryTo } from "../../xlsx/summary/write-summary";
import { WorkerPool } from "../consolidate/check-pool";
import { gatherInputs } from "../consolidate/gather-inputs";
import {
  checkWritable,
  consolidationJson,
  recordsCsv,
  summaryPath,
  writeAtomicWith,
} from "../consolidate/outputs";
import { formatReport } from "../consolidate/report";
import { zlibCompression } from "../consolidate/zlib-compression";
import { ReturnSpill } from "../consolidate/return-spill";
import "../consolidate/worker-entry";
import type { TemplateSpec } from "../../core/template/spec";
import type { CliContext } from "../context";
import { readAuthority } from "../read-authority";
import { assertPreviousFits, assertPreviousFitsAny, readPrevious } from "../read-previous";
import type { PreviousPeriod } from "../../core/period/types";
import { InputError, UsageError } from "../errors";
import { readUnitListFile } from "../template/read-unit-list";

interface ConsolidateCliOptions {
  readonly out?: string;
  readonly units?: string;
  readonly strict?: boolean;
  readonly json?: boolean;
  readonly csv?: string;
  readonly unit?: string;
  readonly reporter?: string;
  readonly phone?: string;
  readonly date?: string;
  readonly workers?: string;
  readonly template?: string;
  readonly previous?: string;
}

const today = (): string => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/**
 * Registers `report-kit consolidate INPUT... -o SUMMARY.xlsx [--units UNITS] [--template FILE] [--strict] [--json]
 * [--csv DIR]`.
 */
export function registerConsolidate(program: Command, ctx: CliContext): void {
  const en = ctx.lang === "en";
  program
    .command("consolidate")
    .argument(
      "<inputs...>",
      en
        ? "returns: files, folders, .zip archives, .eml emails"
        : "报送的工作簿：文件、文件夹、.zip 压缩包、.eml 邮件",
    )
    .option("-o, --out <file>", en ? "summary workbook to write (.xlsx)" : "输出的汇总工作簿（.xlsx）")
    .option("--units <file>", en ? "unit list (.csv or .xlsx)" : "单位名录（.csv 或 .xlsx）")
    .option(
      "--template <file>",
      en
        ? "the commission's blank template (.xlsx) or its .spec.json: the authority for targets and rows"
        : "下发的空白模板（.xlsx）或其 .spec.json：以它的目标和行为准",
    )
    .option(
      "--previous <summary>",
      en
        ? "the previous period's summary (汇总.xlsx) or folder of returns: 上期值 and 环比 in the summary"
        : "上一报告期的汇总表（汇总.xlsx）或报表文件夹：汇总表给出上期值和环比",
    )
    .option("--strict", en ? "leave out returns with errors" : "有错误的报表不纳入汇总")
    .option("--json", en ? "print returns, records and findings as JSON" : "以 JSON 输出报表、明细和问题")
    .option("--csv <dir>", en ? "also write the tidy records as CSV" : "另将明细写为 CSV")
    .option(
      "--unit <name>",
      en ? "the unit this summary reports as (e.g. the county)" : "本汇总作为哪个单位的报表上报（如本县）",
    )
    .option("--reporter <name>", en ? "填报人 of the summary as a return" : "汇总表的填报人")
    .option("--phone <number>", en ? "联系电话 of the summary as a return" : "汇总表的联系电话")
    .option(
      "--date <YYYY-MM-DD>",
      en ? "填报日期 of the summary as a return (default: today)" : "汇总表的填报日期（默认今天）",
    )
    .option("--workers <n>", en ? "worker threads (default: one per core)" : "并行线程数（默认每核一个）")
    .description(en ? "consolidate returns into one summary workbook" : "把各单位报表汇总为一个工作簿")
    .action(async (inputs: string[], options: ConsolidateCliOptions) => {
      if (!options.out)
        throw new UsageError({
          zh: "请用 -o 指定汇总工作簿，如 -o 汇总.xlsx",
          en: "Give the summary workbook with -o, e.g. -o summary.xlsx",
        });
      // The summary is an .xlsx: written under another name (汇总.txt) it would open as nonsense, or not at all.
      if (extname(options.out).toLowerCase() !== ".xlsx") {
        const suggested = `${basename(options.out, extname(options.out))}.xlsx`;
        throw new UsageError({
          zh: `汇总工作簿的文件名应以 .xlsx 结尾（收到 -o ${options.out}），如 -o ${suggested}`,
          en: `The summary workbook's name must end in .xlsx (got -o ${options.out}), e.g. -o ${suggested}`,
        });
      }
      if (options.date !== undefined && filledOnDate(options.date) === null)
        throw new UsageError({
          zh: `--date 应为日期，如 2024-07-08，收到“${options.date}”`,
          en: `--date must be a date such as 2024-07-08, got "${options.date}"`,
        });
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
        throw new UsageError({ zh: "--workers 应为非负整数", en: "--workers must be a whole number ≥ 0" });
      await runConsolidate(inputs, options, workers, ctx);
    });
}

async function readUnits(path: string | undefined): Promise<readonly string[] | null> {
  if (!path) return null;
  const file = await readUnitListFile(path);
  if (!file.ok) throw new InputError(file.findings);
  const checked = checkUnitList(file.names, { file: path, firstRow: file.firstRow });
  if (hasErrors(checked.findings)) throw new InputError(checked.findings);
  return checked.units;
}

async function runConsolidate(
  inputs: readonly string[],
  options: ConsolidateCliOptions,
  workers: number | undefined,
  ctx: CliContext,
): Promise<void> {
  const units = await readUnits(options.units && resolve(ctx.cwd, options.units));
  const authority = await readAuthority(options.template, ctx.cwd);
  const previous = await readPrevious(options.previous, ctx.cwd, today());
  if (previous && authority) assertPreviousFits(previous, authority, options.previous!);
  // The returns' entries and findings wait on disk until the summary, --csv and --json are written (see ReturnSpill).
  const spill = new ReturnSpill();
  try {
    await consolidateWith(spill, inputs, options, workers, { units, authority, previous }, ctx);
  } finally {
    spill.close();
  }
}

async function consolidateWith(
  spill: ReturnSpill,
  inputs: readonly string[],
  options: ConsolidateCliOptions,
  workers: number | undefined,
  {
    units,
    authority,
    previous,
  }: { units: readonly string[] | null; authority: TemplateSpec | null; previous: PreviousPeriod | null },
  ctx: CliContext,
): Promise<void> {
  const out = resolve(ctx.cwd, options.out!);
  // A summary or CSV that cannot be written is said at once, not after the check.
  await checkWritable(out);
  if (options.csv) await checkWritable(join(resolve(ctx.cwd, options.csv), "records.csv"));
  const day = today();
  const written: string[] = [];
  let result: ConsolidationResult;
  const pool = new WorkerPool({
    today: day,
    ...(units ? { units } : {}),
    ...(authority ? { expected: authority } : {}),
    ...(previous ? { previous } : {}),
    ...(workers !== undefined ? { workers } : {}),
  });
  try {
    const progress = ctx.progress?.(ctx.lang) ?? { update: () => undefined, stop: () => undefined };
    const checked = await pool
      .checkAll(
        gatherInputs(inputs, ctx.cwd),
        spill,
        (done) => progress.update(done),
        // exceljs (a third of a second to load, for the summary) is loaded while the workers have files queued; a
        // failure shows when the summary is written.
        () => void loadExcelJS().catch(() => undefined),
      )
      .finally(() => progress.stop());
    if (previous)
      assertPreviousFitsAny(
        previous,
        checked.map((c) => (c.kind === "return" ? c.spec : null)),
        options.previous!,
      );
    result = consolidateReturns(checked, {
      previous,
      units,
      strict: options.strict ?? false,
      summaryUnit: options.unit ?? "",
      authority,
      summaryName: (spec, i) => summaryPath(options.out!, spec, i),
    });
    // No returns at all (consolidate.no_returns): nothing is written, and the account or --json says why.
    for (const [i, summary] of result.summaries.entries()) {
      const path = summaryPath(out, summary.spec, i);
      const writeOptions = {
        filledOn: (options.date !== undefined && filledOnDate(options.date)) || day,
        lang: ctx.lang,
        reporter: options.reporter ?? null,
        phone: options.phone ?? null,
        compression: zlibCompression,
        // The bulk rows (明细's quarter of a million) are rendered and compressed on the worker threads.
        ...(pool.renderer ? { renderer: pool.renderer } : {}),
      };
      await writeAtomicWith(path, (write) => writeSummaryTo(summary, writeOptions, write));
      written.push(summaryPath(options.out!, summary.spec, i));
    }
  } finally {
    await pool.close();
  }
  if (options.csv && result.summaries.length > 0)
    await writeAtomicWith(join(resolve(ctx.cwd, options.csv), "records.csv"), (write) => {
      for (const chunk of recordsCsv(result, ctx.lang)) write(Buffer.from(chunk));
    });
  if (options.json) for (const chunk of consolidationJson(result, ctx.lang)) ctx.out(chunk);
  else for (const line of formatReport(result, written, ctx.lang)) ctx.out(line);
  if (result.findings.counts.error > 0) ctx.exitCode = 1;
}

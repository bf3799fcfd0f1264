import type { Command } from "commander";
import { hasErrors } from "../../core/findings/make-finding";
import { buildTemplateSpec } from "../../core/template/build-spec";
import { templateFileNames } from "../../core/template/file-name";
import { withPrevious } from "../../core/period/previous-period";
import { copyWriterFor } from "../../xlsx/template/copies";
import { renderTemplate } from "../../xlsx/template/render-template";
import type { CliContext } from "../context";
import { InputError, UsageError } from "../errors";
import { formatFinding } from "../format-findings";
import { assertPreviousFits, readPrevious } from "../read-previous";
import { readTaskListInput } from "../template/read-task-list";
import { readUnitListFile } from "../template/read-unit-list";
import { nodeSyncFlush } from "../template/sync-flush";
import { writeAllOrNothing } from "../template/write-outputs";

interface TemplateCliOptions {
  readonly units?: string;
  readonly period?: string;
  readonly deadline?: string;
  readonly contact?: string;
  readonly previous?: string;
  readonly out?: string;
}

/**
 * Registers `report-kit template PLAN [--units UNITS] [--period P] [--deadline DATE] [--contact TEXT]
 * [--previous SUMMARY] -o DIR`.
 */
export function registerTemplate(program: Command, ctx: CliContext): void {
  const en = ctx.lang === "en";
  program
    .command("template")
    .argument(
      "<plan>",
      en ? "work plan (.txt, .docx) or task list JSON" : "工作要点（.txt、.docx）或任务清单 JSON",
    )
    .option(
      "--units <file>",
      en
        ? "unit list (.csv or .xlsx, names in the first column)"
        : "单位名录（.csv 或 .xlsx，第一列为单位名称）",
    )
    .option(
      "--period <period>",
      en
        ? "reporting period, e.g. 2024年上半年 (default: the plan year)"
        : "报告期，如 2024年上半年（默认为工作要点年度）",
    )
    .option("--deadline <date>", en ? "submission deadline, e.g. 2024-07-10" : "报送截止日期，如 2024-07-10")
    .option("--contact <text>", en ? "contact shown in the instructions" : "填报说明中的联系人")
    .option(
      "--previous <summary>",
      en
        ? "the previous period's summary (汇总.xlsx) or folder of returns: each copy shows its unit's figures then"
        : "上一报告期的汇总表（汇总.xlsx）或报表文件夹：每份模板显示本单位的上期值",
    )
    .option("-o, --out <dir>", en ? "output folder" : "输出文件夹")
    .description(
      en ? "make the reporting template and a copy per unit" : "生成填报模板，并为每个单位生成一份",
    )
    .action(async (plan: string, options: TemplateCliOptions) => {
      if (!options.out)
        throw new UsageError({ zh: "请用 -o 指定输出文件夹", en: "Give the output folder with -o" });
      await runTemplate(plan, options.out, options, ctx);
    });
}

async function runTemplate(
  plan: string,
  out: string,
  options: TemplateCliOptions,
  ctx: CliContext,
): Promise<void> {
  const input = await readTaskListInput(plan);
  const unitFile = options.units ? await readUnitListFile(options.units) : null;
  const early = [...input.findings, ...(unitFile && !unitFile.ok ? unitFile.findings : [])];
  if (!input.ok || (unitFile && !unitFile.ok)) throw new InputError(early);
  const built = buildTemplateSpec(input.taskList, {
    period: options.period ?? null,
    deadline: options.deadline ?? null,
    contact: options.contact ?? null,
    units: unitFile?.ok ? unitFile.names : [],
    unitsSource:
      unitFile?.ok && options.units ? { file: options.units, firstRow: unitFile.firstRow } : undefined,
  });
  if (!built.ok) throw new InputError(built.findings.filter((f) => f.severity === "error"));
  const previous = await readPrevious(options.previous, ctx.cwd, new Date().toISOString().slice(0, 10));
  if (previous) assertPreviousFits(previous, built.spec, options.previous!);
  for (const f of [...input.findings, ...built.findings])
    if (f.severity !== "info") ctx.err(formatFinding(f, ctx.lang));
  const spec = previous ? withPrevious(built.spec, previous) : built.spec;
  const names = templateFileNames(spec);
  const blankName = names.get(null) ?? "template.xlsx";
  async function* files(): AsyncGenerator<readonly [string, Uint8Array | string]> {
    yield [blankName.replace(/\.xlsx$/, ".spec.json"), JSON.stringify(spec, null, 2) + "\n"];
    yield [blankName, await renderTemplate(spec, null)];
    if (spec.units.length === 0) return;
    const write = await copyWriterFor(spec, previous?.figures ?? null, nodeSyncFlush);
    for (const unit of spec.units) yield [names.get(unit) ?? `${unit}.xlsx`, await write(unit)];
  }
  const written = await writeAllOrNothing(out, files());
  const en = ctx.lang === "en";
  ctx.out(
    en
      ? `Template ${spec.templateId} (${spec.period.label}): ${spec.rows.length} rows; wrote ${written.length} files to ${out}`
      : `模板 ${spec.templateId}（${spec.period.label}）：共 ${spec.rows.length} 行；已写入 ${written.length} 个文件到 ${out}`,
  );
  if (previous) {
    const units = spec.units.filter((u) => previous.figures[u]).length;
    ctx.out(
      en
        ? `Previous period ${previous.ref.period.label} (${previous.ref.templateId}): figures for ${units} of ${spec.units.length} units`
        : `上期 ${previous.ref.period.label}（${previous.ref.templateId}）：${spec.units.length} 个单位中 ${units} 个有上期值`,
    );
  }
  for (const name of written) ctx.out(`  ${name}`);
  if (hasErrors(input.findings)) ctx.exitCode = 1;
}

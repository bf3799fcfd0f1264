import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { consolidateReturns } from "../core/consolidate/consolidate";
import type { CheckedInput } from "../core/consolidate/types";
import { previousFromSummary } from "../core/period/previous-period";
import { previousMismatch, previousMismatchText } from "../core/period/same-plan";
import type { PreviousPeriod } from "../core/period/types";
import type { TemplateSpec } from "../core/template/spec";
import { readPreviousSummary } from "../xlsx/previous/read-previous";
import { MAX_WORKBOOK_BYTES } from "../xlsx/safe-zip/sniff";
import { checkInput } from "./consolidate/check-input";
import { gatherInputs } from "./consolidate/gather-inputs";
import { UsageError } from "./errors";

/** A --previous file that cannot serve: exit 2, in plain words, naming the file. */
const refuse = (file: string, zh: string, en: string): UsageError =>
  new UsageError({
    zh: `--previous ${file}：${zh}。请给出上一报告期 report-kit consolidate 生成的汇总表（汇总.xlsx），或上期报表所在的文件夹`,
    en: `--previous ${file}: ${en}. Give the summary report-kit consolidate wrote for the previous period (汇总.xlsx), or the folder of that period's returns`,
  });

/**
 * Reads the previous period given with --previous: its summary workbook (汇总.xlsx), or a folder (or zip) of its
 * returns, consolidated here as `consolidate` would (duplicates settled, rates from 分子/分母). Anything else is a
 * UsageError in plain words (exit 2), never a stack. Null when no path is given.
 */
export async function readPrevious(
  path: string | undefined,
  cwd: string,
  today: string,
): Promise<PreviousPeriod | null> {
  if (!path) return null;
  const full = resolve(cwd, path);
  const info = await stat(full).catch(() => null);
  if (!info) throw refuse(path, "文件或文件夹不存在", "no such file or folder");
  if (info.isDirectory() || /\.(zip|eml)$/i.test(path)) return ofReturns(path, cwd, today);
  if (info.size > MAX_WORKBOOK_BYTES) throw refuse(path, "文件过大", "the file is too large");
  const bytes = await readFile(full).catch((e: NodeJS.ErrnoException) => {
    throw refuse(path, `无法读取（${e.code ?? e.message}）`, `cannot be read (${e.code ?? e.message})`);
  });
  const read = await readPreviousSummary(new Uint8Array(bytes), path);
  if (!read.ok) throw refuse(path, read.why.zh, read.why.en);
  return read.previous;
}

/** The previous period from its returns: the template most of them answer, consolidated. */
async function ofReturns(path: string, cwd: string, today: string): Promise<PreviousPeriod> {
  const checked: CheckedInput[] = [];
  for await (const item of gatherInputs([path], cwd)) checked.push(checkInput(item, { today }));
  const summary = consolidateReturns(checked).summaries[0];
  if (!summary) throw refuse(path, "其中没有任何报表", "it holds no returns");
  return previousFromSummary(summary);
}

/**
 * Refuses a previous period that cannot serve `spec` (another plan, or not an earlier period) with a UsageError.
 * @example assertPreviousFits(previous, spec, "上半年/汇总.xlsx") // throws: --previous 上半年/汇总.xlsx：这是另一份工作要点…
 */
export function assertPreviousFits(previous: PreviousPeriod, spec: TemplateSpec, file: string): void {
  const why = previousMismatch(spec, { planKey: previous.planKey, period: previous.ref.period });
  if (!why) return;
  const text = previousMismatchText(why, previous.ref, spec);
  throw refuse(file, text.zh, text.en);
}

/**
 * Refuses a previous period that serves none of the templates the returns answer (for check and consolidate, which
 * learn the template from the returns).
 */
export function assertPreviousFitsAny(
  previous: PreviousPeriod,
  specs: readonly (TemplateSpec | null)[],
  file: string,
): void {
  const known = specs.filter((s): s is TemplateSpec => s !== null);
  if (known.length === 0) return;
  const fits = known.some(
    (s) => previousMismatch(s, { planKey: previous.planKey, period: previous.ref.period }) === null,
  );
  if (!fits) assertPreviousFits(previous, known[0]!, file);
}

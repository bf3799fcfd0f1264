import { findingKind } from "../../core/findings/kinds";
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { makeFolder } from "../make-folder";
import { removeStaleTemps, tempName } from "../stale-temp";
import { basename, dirname, extname, join } from "node:path";
import type { ConsolidationResult } from "../../core/consolidate/consolidate";
import { FIELD_LABELS, RECORD_STATUS_LABELS } from "../../core/consolidate/labels";
import type { TargetSummary, TidyRecord } from "../../core/consolidate/types";
import type { Finding } from "../../core/findings/types";
import type { TemplateSpec } from "../../core/template/spec";
import { t, type Lang } from "../lang";

/**
 * Writes a file so that it is either all there or not there at all: to a temporary file beside it, then renamed
 * over the target (a rename within one folder is atomic). An interrupted run leaves no half-written workbook. The
 * content is produced chunk by chunk (`produce` calls `write` for each chunk).
 */
export async function writeAtomicWith(
  path: string,
  produce: (write: (chunk: Uint8Array) => void) => Promise<void> | void,
): Promise<void> {
  await makeFolder(dirname(path));
  await removeStaleTemps(dirname(path), basename(path));
  const temp = join(dirname(path), tempName(basename(path), randomBytes(4).toString("hex")));
  const fd = openSync(temp, "w");
  try {
    await produce((chunk) => {
      for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
    });
    fsyncSync(fd);
    closeSync(fd);
    await rename(temp, path);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    await rm(temp, { force: true });
    // A write to a file descriptor (a full disk: ENOSPC) names no path; it is about the file asked for.
    if (typeof e === "object" && e !== null && "code" in e && !("path" in e)) Object.assign(e, { path });
    throw e;
  }
}

/**
 * Makes sure a file can be written at `path` before the long work that produces it: its folder is made, and a file
 * is made in it and removed again. A path that is a folder, or a folder that cannot be made or written, is then
 * found at once rather than after a thousand returns have been read; the error is the file system's (see
 * fileSystemMessage).
 */
export async function checkWritable(path: string): Promise<void> {
  const dir = dirname(path);
  await makeFolder(dir);
  const s = await stat(path).catch(() => null);
  if (s?.isDirectory())
    throw Object.assign(new Error(`EISDIR: ${path}`), { code: "EISDIR", syscall: "rename", path });
  const probe = join(dir, tempName(basename(path), randomBytes(4).toString("hex")));
  closeSync(openSync(probe, "wx"));
  await rm(probe, { force: true });
}

/** The file name of each template's summary: -o for the first, "<name>-<templateId>.xlsx" beside it for others. */
export function summaryPath(out: string, spec: TemplateSpec, index: number): string {
  if (index === 0) return out;
  const ext = extname(out) || ".xlsx";
  return join(dirname(out), `${basename(out, extname(out))}-${spec.templateId}${ext}`);
}

/** A finding flattened to the --json contract of DESIGN.md. */
export function flatFinding(f: Finding, lang: Lang) {
  const where =
    f.location.kind === "cell"
      ? { file: f.location.file, sheet: f.location.sheet, cell: f.location.cell, key: f.location.key ?? null }
      : f.location.kind === "file"
        ? // (A finding about the inputs as a whole, consolidate.no_returns, names no file: null, never "".)
          { file: f.location.file || null, sheet: f.location.sheet ?? null, cell: null, key: null }
        : { file: null, sheet: null, cell: null, key: null };
  return {
    severity: f.severity,
    code: f.code,
    kind: findingKind(f.code),
    ...where,
    message: t(f.message, lang),
  };
}

const jsonRecord = (r: TidyRecord, templateId: string) => ({
  key: r.key,
  task: r.taskId,
  indicator: r.indicator,
  field: r.field,
  value: r.value,
  raw: r.raw,
  sheet: r.sheet,
  cell: r.cell,
  unit: r.unit,
  file: r.file,
  status: r.status,
  sha256: r.sha256,
  templateId,
});

/** One target of a summary as `--json` gives it: its scope, method, aggregate and verdict. */
const jsonTarget = (t: TargetSummary, templateId: string) => ({
  key: t.key,
  indicator: t.indicator,
  target: t.targetLabel,
  unitOfMeasure: t.unitOfMeasure,
  scope: t.scope,
  method: t.method,
  ...(t.weight ? { weight: t.weight } : {}),
  value: t.value,
  numerator: t.numerator,
  denominator: t.denominator,
  unitsReporting: t.reporting,
  unitsMet: t.unitsMet,
  met: t.met,
  min: t.min,
  median: t.median,
  max: t.max,
  // The previous period's aggregate and this one's minus it (points for a rate); null without a previous period.
  previous: t.previous?.value ?? null,
  change: t.previous?.change ?? null,
  templateId,
});

/**
 * `--json`: { returns: [{ file, unit, status, findings }], targets: [{ key, indicator, scope, method, value,
 * numerator, denominator, unitsReporting, unitsMet, met, …, previous, change }], records: [entry fields + unit, file], findings }, as
 * JSON.stringify(…, null, 2) would print it, in chunks of whole lines: a thousand returns make well over a hundred
 * megabytes of it, which are never held at once (the records and findings are read as they are printed).
 */
export function* consolidationJson(result: ConsolidationResult, lang: Lang): Generator<string> {
  const sections: [string, Iterable<unknown>][] = [
    [
      "returns",
      map(result.files, (f) => ({
        file: f.file,
        unit: f.unit,
        status: f.outcome,
        templateId: f.templateId,
        sha256: f.sha256,
        findings: f.findings.map((x) => flatFinding(x, lang)),
      })),
    ],
    [
      "targets",
      (function* () {
        for (const s of result.summaries) yield* map(s.targets, (t) => jsonTarget(t, s.spec.templateId));
      })(),
    ],
    [
      "records",
      (function* () {
        for (const s of result.summaries) yield* map(s.records, (r) => jsonRecord(r, s.spec.templateId));
      })(),
    ],
    ["findings", map(result.findings, (x) => flatFinding(x, lang))],
  ];
  let chunk = "{\n";
  for (const [i, [name, items]] of sections.entries()) {
    chunk += `  ${JSON.stringify(name)}: [`;
    // An item is written once the next is known, so that each chunk ends with a whole line.
    let pending: string | null = null;
    for (const item of items) {
      chunk += pending === null ? "\n" : `${pending},\n`;
      pending = `    ${JSON.stringify(item, null, 2).split("\n").join("\n    ")}`;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = "";
      }
    }
    chunk += pending === null ? "]" : `${pending}\n  ]`;
    chunk += i < sections.length - 1 ? ",\n" : "\n}\n";
  }
  yield chunk;
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** Characters of text gathered before it is handed on (a string of over 128 KB would be a large object). */
const CHUNK = 1 << 14;

/**
 * The CSV's columns: the record's field, and its heading in Chinese. In English (--lang en) the headings are the
 * field names and a field's and a status's values their keys (numerator, superseded), as the JSON has them.
 */
const CSV_COLUMNS = [
  ["templateId", "模板标识"],
  ["unit", "填报单位"],
  ["key", "行键"],
  ["task", "工作任务"],
  ["indicator", "指标"],
  ["field", "字段"],
  ["value", "值"],
  ["raw", "原始内容"],
  ["status", "状态"],
  ["file", "来源文件"],
  ["sheet", "工作表"],
  ["cell", "单元格"],
  ["sha256", "文件SHA-256"],
] as const;

/** What a spreadsheet program reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text that a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR: "=HYPERLINK(…)",
 * "+1+1", "-2+3", a template's own formula) gets a leading apostrophe, as OWASP advises, so it opens as the text it
 * is; quoting alone does not stop Excel. Numbers are written as numbers (a negative figure is a figure).
 */
export const csvField = (v: unknown): string => {
  if (typeof v === "number") return String(v);
  const raw = v === null || v === undefined ? "" : String(v);
  const s = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n\t']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The tidy records as CSV, for people who open it in Excel: in Chinese (headings, 分子, 重复未采用) unless English is
 * asked for. UTF-8 with a BOM (so Excel shows Chinese correctly), CRLF, one row per figure, in chunks (a thousand
 * returns make 60 MB, never held at once). Every field is neutralised against formula injection (see csvField).
 */
export function* recordsCsv(result: ConsolidationResult, lang: Lang): Generator<string> {
  const en = lang === "en";
  let chunk = `\uFEFF${CSV_COLUMNS.map(([field, zh]) => (en ? field : zh)).join(",")}\r\n`;
  for (const s of result.summaries)
    for (const r of s.records) {
      const row = {
        ...r,
        templateId: s.spec.templateId,
        field: en ? r.field : FIELD_LABELS[r.field].zh,
        status: en ? r.status : RECORD_STATUS_LABELS[r.status].zh,
      };
      chunk += `${CSV_COLUMNS.map(([c]) => csvField(row[c])).join(",")}\r\n`;
      if (chunk.length >= CHUNK) {
        yield chunk;
        chunk = "";
      }
    }
  yield chunk;
}

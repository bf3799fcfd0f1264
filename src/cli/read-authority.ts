import { readFile, stat } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { readStoredSpec, specShapeProblem } from "../core/check/stored-spec";
import type { TemplateSpec } from "../core/template/spec";
import { readReturn } from "../xlsx/return/read-return";
import { MAX_WORKBOOK_BYTES } from "../xlsx/safe-zip/sniff";
import { UsageError } from "./errors";
import { nodeSheetJs } from "./sheetjs";

/** A --template file that cannot serve as the authority: exit 2, in plain words, naming the file. */
const refuse = (file: string, zh: string, en: string): UsageError =>
  new UsageError({
    zh: `--template ${file}：${zh}。请给出 report-kit template 生成的空白模板（…-模板.xlsx）或其 .spec.json`,
    en: `--template ${file}: ${en}. Give the blank template written by report-kit template (…-模板.xlsx) or its .spec.json`,
  });

/** The spec of a .spec.json file's text. */
function specOfJson(text: string, file: string): TemplateSpec {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw refuse(file, `不是有效的 JSON（${why}）`, `not valid JSON (${why})`);
  }
  const problem = specShapeProblem(json);
  if (problem)
    throw refuse(
      file,
      `不是完整的模板规格（${problem} 缺失或有误）`,
      `not a whole template spec (${problem} missing or malformed)`,
    );
  return json as TemplateSpec;
}

/** The spec stored in a template workbook (its identity sheet or document properties), read with the return reader. */
function specOfWorkbook(bytes: Uint8Array, file: string): TemplateSpec {
  const read = readReturn(bytes, file, { sheetjs: nodeSheetJs });
  if (!read.ok) {
    const first = read.findings.find((f) => f.severity === "error") ?? read.findings[0];
    throw refuse(file, first?.message.zh ?? "无法读取", first?.message.en ?? "cannot be read");
  }
  const stored = readStoredSpec(read.unitReturn);
  if (!stored.ok)
    throw refuse(
      file,
      "不是 report-kit 生成的模板（找不到模板标识）",
      "not a report-kit template (no identity)",
    );
  const spec = stored.spec;
  if (!spec) throw refuse(file, "模板标识已损坏", "its template identity is damaged");
  return spec;
}

/**
 * Reads the commission's own spec given with --template: the blank template (.xlsx, or any workbook written by
 * `report-kit template`) or its .spec.json. Anything else is a UsageError in plain words (exit 2), never a stack.
 * Null when no file is given.
 */
export async function readAuthority(file: string | undefined, cwd: string): Promise<TemplateSpec | null> {
  if (!file) return null;
  const path = resolve(cwd, file);
  const info = await stat(path).catch(() => null);
  if (!info) throw refuse(file, "文件不存在", "no such file");
  if (!info.isFile()) throw refuse(file, "这是文件夹，不是文件", "it is a folder, not a file");
  if (info.size > MAX_WORKBOOK_BYTES) throw refuse(file, "文件过大", "the file is too large");
  const buffer = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw refuse(file, `无法读取（${e.code ?? e.message}）`, `cannot be read (${e.code ?? e.message})`);
  });
  const bytes = new Uint8Array(buffer);
  // A .spec.json by its name, or any file that opens as JSON text does.
  const looksJson = extname(file).toLowerCase() === ".json" || /^\s*(\uFEFF)?\s*\{/.test(head(bytes));
  return looksJson ? specOfJson(new TextDecoder().decode(bytes), file) : specOfWorkbook(bytes, file);
}

const head = (bytes: Uint8Array): string => new TextDecoder().decode(bytes.subarray(0, 16));

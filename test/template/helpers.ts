import { readFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import type { Target, TaskList } from "../../src/core/plan/types";
import { buildTemplateSpec, type TemplateOptions } from "../../src/core/template/build-spec";
import type { EntryField, TemplateSpec } from "../../src/core/template/spec";
import { cellText } from "../../src/xlsx/template/read-identity";

export const FIXTURES = join(__dirname, "..", "fixtures", "tasklists");

/** A sample plan's task list fixture. */
export function sampleTaskList(name: string): TaskList {
  const read = readTaskListJson(JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")));
  if (!read.ok) throw new Error(`fixture ${name} does not read`);
  return read.taskList;
}

/** The spec of a sample plan's task list fixture, with extra targets if given. */
export function sampleSpec(
  name: string,
  options: TemplateOptions = {},
  extra: readonly Target[] = [],
): TemplateSpec {
  const list = sampleTaskList(name);
  const built = buildTemplateSpec({ ...list, targets: [...list.targets, ...extra] }, options);
  if (!built.ok) throw new Error(JSON.stringify(built.findings));
  return built.spec;
}

/** Every data row of the entry sheet by its key (found in the key column, wherever the row is). */
export function readRowsByKey(
  wb: ExcelJS.Workbook,
  spec: TemplateSpec,
): Map<string, Partial<Record<EntryField, string | number | null>>> {
  const L = spec.layout;
  const ws = wb.getWorksheet(L.entrySheet);
  if (!ws) throw new Error("no entry sheet");
  const out = new Map<string, Partial<Record<EntryField, string | number | null>>>();
  for (let r = L.headerRow + 1; r <= ws.rowCount; r++) {
    const key = cellText(ws.getCell(`${L.keyColumn}${r}`).value);
    if (typeof key !== "string" || !key) continue;
    const fields: Partial<Record<EntryField, string | number | null>> = {};
    for (const [field, col] of Object.entries(L.columns))
      fields[field as EntryField] = cellText(ws.getCell(`${col}${r}`).value);
    out.set(key, fields);
  }
  return out;
}

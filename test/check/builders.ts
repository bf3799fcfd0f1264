import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import { withMeaning } from "../../src/core/plan/target-meaning";
import type { Target, TaskList } from "../../src/core/plan/types";
import { RATE_MULTIPLIER, type TargetRow, type TemplateSpec } from "../../src/core/template/spec";
import { renderTemplate } from "../../src/xlsx/template/render-template";

/** A task list from one of the hand-made fixtures (test/fixtures/tasklists). */
export function fixtureTaskList(name = "000_64af8b8e620b9456.json"): TaskList {
  const json: unknown = JSON.parse(readFileSync(join(__dirname, "../fixtures/tasklists", name), "utf8"));
  const read = readTaskListJson(json);
  if (!read.ok) throw new Error(`bad fixture ${name}`);
  return read.taskList;
}

const task = (id: string, title: string) => ({
  id,
  path: ["一", id],
  title,
  responsible: [],
  line: Number(id),
});
/** Every target of the small list is each unit's (set by hand, as a clerk may): each unit's figure is checked. */
const base = (task: string, indicator: string, unitOfMeasure: string | null) => ({
  task,
  text: indicator,
  indicator,
  unitOfMeasure,
  deadline: null,
  scope: "each" as const,
});

/**
 * A small task list that covers every measure and comparison: a % rate (>=), a count (between), an amount in
 * 万元 (<=), an approx per mille rate and an exact count, plus a task without targets.
 */
export function smallTaskList(): TaskList {
  const targets: Target[] = (
    [
      { ...base("1", "检查检验结果互认率", "%"), op: ">=", value: 95 },
      { ...base("1", "新增互认医疗机构", "家"), op: "between", min: 3, max: 5 },
      { ...base("2", "药品费用", "万元"), op: "<=", value: 2000 },
      { ...base("2", "孕产妇死亡率", "‰"), op: "approx", value: 10, tolerance: 0.5 },
      { ...base("3", "建成胸痛中心", "个"), op: "=", value: 2 },
    ] as const
  ).map(withMeaning);
  return {
    title: "2024年全市卫生健康工作要点",
    year: 2024,
    tasks: [
      task("1", "推进检查检验结果互认"),
      task("2", "控制医疗费用不合理增长"),
      task("3", "加强五大中心建设"),
      task("4", "开展爱国卫生运动"),
    ],
    targets,
  };
}

export const UNITS = ["东湖区卫健委", "西湖区卫健委", "青山湖区卫健委"];

/** The spec of the small task list (or another), for the 2024年上半年 period and the sample units. */
export function makeSpec(
  list: TaskList = smallTaskList(),
  options: { period?: string; units?: string[] } = {},
): TemplateSpec {
  const built = buildTemplateSpec(list, {
    period: options.period ?? "2024年上半年",
    units: options.units ?? UNITS,
  });
  if (!built.ok) throw new Error(built.findings.map((f) => f.message.en).join("; "));
  return built.spec;
}

/** Cell values to type into a return, by row key and field, plus header fields. */
export interface Fill {
  readonly header?: Partial<Record<"unit" | "reporter" | "phone" | "filledOn", ExcelJS.CellValue>>;
  readonly rows?: Record<
    string,
    Partial<Record<"value" | "numerator" | "denominator" | "status" | "note" | "problems", ExcelJS.CellValue>>
  >;
  /** Number formats to set on filled cells, by `${key}.${field}`. */
  readonly numFmt?: Record<string, string>;
}

/** A complete, correct fill of the small spec: every target met, every status chosen, header filled. */
export function goodFill(spec: TemplateSpec): Fill {
  const rows: Record<string, Record<string, ExcelJS.CellValue>> = {};
  for (const r of spec.rows) {
    if (r.kind === "task") rows[r.key] = { status: "按计划推进", note: "工作有序推进" };
    else rows[r.key] = goodFigures(r);
  }
  return { header: { reporter: "张三", phone: "0791-86123456", filledOn: "2024-07-05" }, rows };
}

/** A figure that meets the target: the bound, a step inside it, or the value itself. */
export function meetingValue(t: Target): number {
  return t.op === "between" ? t.min : t.op === ">=" ? t.value + 1 : t.op === "<=" ? t.value - 1 : t.value;
}

function goodFigures(r: TargetRow): Record<string, ExcelJS.CellValue> {
  if (r.measure !== "rate") return { value: meetingValue(r.target) };
  const denominator = RATE_MULTIPLIER[r.target.unitOfMeasure ?? ""] ?? 100;
  return { numerator: Math.min(meetingValue(r.target), denominator), denominator };
}

/** Merges fills: later rows/fields win. */
export function mergeFill(a: Fill, b: Fill): Fill {
  const rows: Record<string, Record<string, ExcelJS.CellValue>> = { ...(a.rows ?? {}) };
  for (const [k, v] of Object.entries(b.rows ?? {})) rows[k] = { ...(rows[k] ?? {}), ...v };
  return { header: { ...a.header, ...b.header }, rows, numFmt: { ...a.numFmt, ...b.numFmt } };
}

const rendered = new Map<string, Uint8Array>();

/** Renders the template for a unit (the real renderer) and returns the exceljs workbook to edit. */
export async function loadTemplate(
  spec: TemplateSpec,
  unit: string | null = UNITS[0] ?? null,
): Promise<ExcelJS.Workbook> {
  const cacheKey = `${spec.templateId}|${spec.specVersion}|${unit}`;
  const bytes = rendered.get(cacheKey) ?? (await renderTemplate(spec, unit));
  rendered.set(cacheKey, bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Row number of each key on the entry sheet. */
export function keyRows(spec: TemplateSpec, ws: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const key = row.getCell(spec.layout.keyColumn).value;
    if (typeof key === "string" && key) rows.set(key, n);
  });
  return rows;
}

/** Types a fill into the workbook's entry sheet (as exceljs writes it: formulas without cached values). */
export function applyFill(spec: TemplateSpec, wb: ExcelJS.Workbook, fill: Fill): void {
  const ws = wb.getWorksheet(spec.layout.entrySheet);
  if (!ws) throw new Error("no entry sheet");
  for (const [field, v] of Object.entries(fill.header ?? {})) {
    const address = spec.layout.headerCells[field as "unit"];
    if (address && v !== undefined) ws.getCell(address).value = v;
  }
  const rows = keyRows(spec, ws);
  for (const [key, fields] of Object.entries(fill.rows ?? {})) {
    const n = rows.get(key);
    if (!n) continue;
    for (const [field, v] of Object.entries(fields)) {
      const column = spec.layout.columns[field as "value"];
      if (!column || v === undefined) continue;
      const cell = ws.getCell(`${column}${n}`);
      cell.value = v;
      const fmt = fill.numFmt?.[`${key}.${field}`];
      if (fmt) cell.numFmt = fmt;
    }
  }
}

/** A filled return as .xlsx bytes: render, fill, optionally edit the workbook further, write. */
export async function makeReturn(
  spec: TemplateSpec,
  fill: Fill = goodFill(spec),
  edit?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void,
  unit: string | null = UNITS[0] ?? null,
): Promise<Uint8Array> {
  const wb = await loadTemplate(spec, unit);
  applyFill(spec, wb, fill);
  const ws = wb.getWorksheet(spec.layout.entrySheet);
  if (edit && ws) edit(wb, ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

import ExcelJS from "exceljs";
import type { Target } from "../../src/core/plan/types";
import { weightOf } from "../../src/core/template/row-fields";
import { RATE_MULTIPLIER, type EntryField, type TemplateSpec } from "../../src/core/template/spec";

/** One value to type into a return: a row field by key, or a header field (key "header"). */
export interface Fill {
  readonly key: string;
  readonly field: EntryField;
  readonly value: number | string | Date | null;
}

/**
 * Fills a rendered template copy the way a clerk would (typing into the input cells, found by the row keys in the
 * key column) and saves it with exceljs. `insertRowAfter` inserts a row after that key first (with
 * `insertedValue` typed into its 完成值 cell).
 */
export async function fillReturn(
  bytes: Uint8Array,
  spec: TemplateSpec,
  fills: readonly Fill[],
  options: { insertRowAfter?: string; insertedValue?: number } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const layout = spec.layout;
  const ws = wb.getWorksheet(layout.entrySheet)!;
  const rowOf = () => {
    const m = new Map<string, number>();
    ws.eachRow((row, n) => {
      const key = row.getCell(layout.keyColumn).value;
      if (typeof key === "string" && n >= layout.firstDataRow) m.set(key, n);
    });
    return m;
  };
  if (options.insertRowAfter) {
    const at = rowOf().get(options.insertRowAfter);
    if (at) ws.spliceRows(at + 1, 0, []);
    if (at && options.insertedValue !== undefined)
      ws.getCell(`${layout.columns.value}${at + 1}`).value = options.insertedValue;
  }
  const rows = rowOf();
  for (const f of fills) {
    const address =
      f.key === "header" ? layout.headerCells[f.field] : `${layout.columns[f.field]}${rows.get(f.key)}`;
    if (!address || address.endsWith("undefined")) continue;
    ws.getCell(address).value = f.value;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The number a target aims at (the middle of a range). */
const targetGoal = (t: Target): number => (t.op === "between" ? (t.min + t.max) / 2 : t.value);

/** A figure for a target: mostly meeting it (`meet`), else missing it by a little. */
function figureFor(t: Target, meet: boolean, r: number): number {
  const goal = t.op === "between" ? (t.min + t.max) / 2 : t.value;
  switch (t.op) {
    case ">=":
      return meet ? goal * (1 + r * 0.1) : goal * (0.8 + r * 0.15);
    case "<=":
      return meet ? goal * (1 - r * 0.3) : goal * (1.1 + r * 0.3);
    case "between":
      return meet ? t.min + (t.max - t.min) * r : t.max + 1;
    default:
      return meet ? goal : goal * 1.5 + 1;
  }
}

/**
 * Plausible figures for every input of a spec (rates as 分子/分母, counts, statuses); `seed` varies them and most
 * meet their targets; with `attain` every figure meets its target exactly.
 */
export function plausibleFills(
  spec: TemplateSpec,
  seed: number,
  header: Partial<Record<EntryField, string | Date>> = {},
  attain = false,
): Fill[] {
  const fills: Fill[] = [
    { key: "header", field: "reporter", value: header.reporter ?? "张三" },
    { key: "header", field: "phone", value: header.phone ?? "0791-86000000" },
    { key: "header", field: "filledOn", value: header.filledOn ?? new Date(Date.UTC(2024, 6, 5)) },
  ];
  if (header.unit) fills.push({ key: "header", field: "unit", value: header.unit });
  let n = seed + 7;
  const next = () => (n = (n * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const row of spec.rows) {
    if (row.kind === "task") {
      fills.push({ key: row.key, field: "status", value: "按计划推进" });
      continue;
    }
    const t = row.target;
    // A count the area adds up (新增互联网医院1-2家): each unit contributes its share, most of them none or one.
    const share = t.scope === "total" && t.method === "sum" && !attain;
    const value = share
      ? Math.floor(targetGoal(t) / Math.max(spec.units.length, 1) + next())
      : attain
        ? t.op === "between"
          ? t.min
          : t.value
        : figureFor(t, next() < 0.85, next());
    if (row.measure === "rate") {
      const m = RATE_MULTIPLIER[t.unitOfMeasure ?? "%"] ?? 100;
      const den = attain ? m : 1000 + Math.floor(next() * 9000);
      const num = attain ? value : Math.min(den, Math.round((value / m) * den));
      fills.push({ key: row.key, field: "denominator", value: den });
      fills.push({ key: row.key, field: "numerator", value: num });
    } else if (row.measure === "count")
      fills.push({
        key: row.key,
        field: "value",
        value: Math.max(0, t.op === ">=" ? Math.ceil(value) : Math.round(value)),
      });
    else fills.push({ key: row.key, field: "value", value: Math.max(0, Math.round(value * 10) / 10) });
    // A mean weighted by what each unit reports (常住人口): a population (from the seed, leaving the other figures
    // as they were).
    if (weightOf(row) !== null)
      fills.push({ key: row.key, field: "denominator", value: 20000 + ((seed * 7919) % 480000) });
  }
  return fills;
}

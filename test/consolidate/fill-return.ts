import ExcelJS from "exceljs";
import { RATE_MULTIPLIER, type EntryField, type TemplateSpec } from "../../src/core/template/spec";

/** One value to type into a return: a row field by key, or a header field (key "header"). */
export interface Fill {
  readonly key: string;
  readonly field: EntryField;
  readonly value: number | string | Date | null;
}

/**
 * Fills a rendered template copy the way a clerk would (typing into the input cells, found by the row keys in the
 * key column) and saves it with exceljs. `insertRowAfter` inserts a blank row after that key first.
 */
export async function fillReturn(
  bytes: Uint8Array,
  spec: TemplateSpec,
  fills: readonly Fill[],
  options: { insertRowAfter?: string } = {},
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

/**
 * Plausible figures for every input of a spec: rates from 分子/分母, counts, statuses; `seed` varies them; with
 * `attain` every figure meets its target exactly.
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
  let n = seed;
  const next = () => (n = (n * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const row of spec.rows) {
    if (row.kind === "task") {
      fills.push({ key: row.key, field: "status", value: "按计划推进" });
      continue;
    }
    if (attain) {
      const t = row.target;
      const value = t.op === "between" ? t.min : t.value;
      if (row.measure === "rate") {
        fills.push({
          key: row.key,
          field: "denominator",
          value: RATE_MULTIPLIER[t.unitOfMeasure ?? "%"] ?? 100,
        });
        fills.push({ key: row.key, field: "numerator", value });
      } else fills.push({ key: row.key, field: "value", value });
    } else if (row.measure === "rate") {
      const den = 100 + Math.floor(next() * 900);
      fills.push({ key: row.key, field: "denominator", value: den });
      fills.push({ key: row.key, field: "numerator", value: Math.floor(den * (0.6 + next() * 0.4)) });
    } else if (row.measure === "count")
      fills.push({ key: row.key, field: "value", value: 1 + Math.floor(next() * 20) });
    else fills.push({ key: row.key, field: "value", value: Math.round(next() * 1000) / 10 });
  }
  return fills;
}

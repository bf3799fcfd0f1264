import { parseCell, quoteSheet, rangeAddress } from "./a1";
import { finishSheet } from "./finish-sheet";
import { REQUEST_BUDGET_BYTES, type ExcelHost } from "./excel-batch";
import type { CellValue, PlanCell, SheetPlan, WriteOutcome } from "./sheet-plan";

/** One rectangular piece of a sheet's values with the number formats that go with it. */
interface Block {
  readonly sheet: number;
  readonly address: string;
  readonly values: CellValue[][];
  readonly formats: string[][];
  readonly bytes: number;
}

/**
 * Writes sheets into the open workbook: new sheets at free names, whole 2D arrays, strings as text (number
 * format "@" is set before the values, so "=SUM(A1)" or "001" typed by a unit stays what it was), data
 * validation, unlocked input ranges, frozen header rows, widths, protection, and an optional chart.
 *
 * Everything but the values is queued by finishSheet (./finish-sheet.ts).
 *
 * context.sync calls: 1 to read the workbook's names and structure protection, then 1 per REQUEST_BUDGET_BYTES
 * of cell data (1 for any ordinary sheet), then 1 for formats, validation, protection and charts. The count does
 * not grow with rows until the data passes the budget.
 */
export async function writeSheets(host: ExcelHost, plans: readonly SheetPlan[]): Promise<WriteOutcome> {
  return host.run(async (context) => {
    const workbook = context.workbook;
    workbook.worksheets.load("items/name");
    workbook.protection.load("protected");
    await context.sync();
    if (workbook.protection.protected) return { ok: false, reason: "workbook_protected" } as const;

    const taken = new Set(workbook.worksheets.items.map((s) => s.name.toLowerCase()));
    const names = plans.map((p) => freeName(p.name, taken));
    const renamed = renameReferences(plans.map((p, i) => [p.name, names[i]!] as const));
    const sheets = names.map((n) => workbook.worksheets.add(n));
    const batches = groupIntoBatches(plans.flatMap((p, i) => toBlocks(p, i, renamed)));
    // Each batch is one request under Excel on the web's payload limit: the number of syncs grows with the
    // data's size in megabytes, not with rows. A typical template or summary is a single batch.
    for (const batch of batches) {
      for (const block of batch) {
        const range = sheets[block.sheet]!.getRange(block.address);
        range.numberFormat = block.formats;
        range.values = block.values;
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB request, see above
      await context.sync();
    }
    const canPrint = host.supports("1.9");
    plans.forEach((plan, i) => finishSheet(sheets[i]!, plan, { renamed, canPrint }));
    plans.forEach((plan, i) =>
      plan.names?.forEach((n) => workbook.names.add(n.name, `=${quoteSheet(names[i]!)}!${n.address}`)),
    );
    await context.sync();
    return { ok: true, sheets: names } as const;
  });
}

/** Sheet names are unique case-insensitively, at most 31 characters, without : \\ / ? * [ ]. */
function freeName(wanted: string, takenLower: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, "_").slice(0, 31);
  let name = base;
  for (let n = 2; takenLower.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  takenLower.add(name.toLowerCase());
  return name;
}

/**
 * Formulas and validation sources that name a sheet which had to take another name (" (2)") are rewritten to
 * the new one, so that a template inserted twice still points at its own lists.
 */
function renameReferences(pairs: readonly (readonly [string, string])[]): (formula: string) => string {
  const changed = pairs.filter(([from, to]) => from !== to);
  if (!changed.length) return (f) => f;
  return (formula) =>
    changed.reduce(
      (f, [from, to]) =>
        f
          .split(`${quoteSheet(from)}!`)
          .join(`${quoteSheet(to)}!`)
          .split(`${from}!`)
          .join(`${quoteSheet(to)}!`),
      formula,
    );
}

const isFormula = (v: PlanCell): v is { readonly formula: string } => typeof v === "object" && v !== null;

/** Rows padded to the widest, cut into blocks of at most REQUEST_BUDGET_BYTES. */
function toBlocks(plan: SheetPlan, sheet: number, renamed: (formula: string) => string): Block[] {
  const width = Math.max(1, ...plan.rows.map((r) => r.length));
  const blocks: Block[] = [];
  const cellFormats = new Map(
    (plan.cellFormats ?? []).map(({ address, format }) => {
      const { row, column } = parseCell(address);
      return [`${row},${column}`, format] as const;
    }),
  );
  let start = 0;
  let bytes = 0;
  let values: CellValue[][] = [];
  let formats: string[][] = [];
  const flush = (): void => {
    if (!values.length) return;
    blocks.push({ sheet, address: rangeAddress(start, 0, values.length, width), values, formats, bytes });
    start += values.length;
    values = [];
    formats = [];
    bytes = 0;
  };
  for (const row of plan.rows) {
    const padded = Array.from({ length: width }, (_, c) => row[c] ?? null);
    // Text gets "@" so Excel keeps it as typed; a formula needs a non-text format to be evaluated.
    const r = start + values.length;
    const rowFormats = padded.map((v, c) =>
      typeof v === "string" ? "@" : (cellFormats.get(`${r},${c}`) ?? plan.numberFormats?.[c] ?? "General"),
    );
    const rowValues = padded.map((v) =>
      v === null ? "" : isFormula(v) ? `=${renamed(v.formula.replace(/^=/, ""))}` : v,
    );
    const rowBytes = JSON.stringify(rowValues).length * 2 + JSON.stringify(rowFormats).length;
    if (bytes + rowBytes > REQUEST_BUDGET_BYTES) flush();
    values.push(rowValues);
    formats.push(rowFormats);
    bytes += rowBytes;
  }
  flush();
  return blocks;
}

/** Blocks packed into requests of at most REQUEST_BUDGET_BYTES, in order. */
function groupIntoBatches(blocks: readonly Block[]): Block[][] {
  const batches: Block[][] = [[]];
  let bytes = 0;
  for (const block of blocks) {
    if (bytes + block.bytes > REQUEST_BUDGET_BYTES && batches[batches.length - 1]!.length) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1]!.push(block);
    bytes += block.bytes;
  }
  return batches;
}

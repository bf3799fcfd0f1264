import { parseCell, rangeAddress } from "./a1";
import { REQUEST_BUDGET_BYTES } from "./excel-batch";
import { jsonBytes } from "./payload-size";
import type { CellValue, PlanCell, SheetPlan } from "./sheet-plan";

/** One rectangular piece of a sheet's values with the number formats that go with it. */
export interface Block {
  /** Index of the sheet's plan. */
  readonly sheet: number;
  readonly address: string;
  readonly values: CellValue[][];
  readonly formats: string[][];
  /** Size in the request: the values' and formats' JSON in UTF-8 bytes, plus the call's own envelope. */
  readonly bytes: number;
}

/** What one range write adds to a request besides its arrays (object path, property names), with a margin. */
const CALL_BYTES = 256;

const isFormula = (v: PlanCell): v is { readonly formula: string } => typeof v === "object" && v !== null;

/**
 * A sheet's rows, padded to the widest, cut into blocks of at most `budget` bytes of UTF-8. A row larger than the
 * budget on its own (hundreds of long Chinese notes side by side) is cut across its columns.
 */
export function toBlocks(
  plan: SheetPlan,
  sheet: number,
  renamed: (formula: string) => string,
  budget: number = REQUEST_BUDGET_BYTES,
): Block[] {
  // (A reduce, not Math.max(...): 明细 of a consolidation has more rows than a call takes arguments.)
  const width = plan.rows.reduce((w, r) => Math.max(w, r.length), 1);
  const cellFormats = new Map(
    (plan.cellFormats ?? []).map(({ address, format }) => {
      const { row, column } = parseCell(address);
      return [`${row},${column}`, format] as const;
    }),
  );
  const blocks: Block[] = [];
  let start = 0;
  let values: CellValue[][] = [];
  let formats: string[][] = [];
  let bytes = CALL_BYTES;
  const flush = (): void => {
    if (!values.length) return;
    blocks.push({ sheet, address: rangeAddress(start, 0, values.length, width), values, formats, bytes });
    start += values.length;
    values = [];
    formats = [];
    bytes = CALL_BYTES;
  };
  plan.rows.forEach((row, r) => {
    const padded = Array.from({ length: width }, (_, c) => row[c] ?? null);
    // Text gets "@" so Excel keeps it as typed; a formula needs a non-text format to be evaluated.
    const rowFormats = padded.map((v, c) =>
      typeof v === "string" ? "@" : (cellFormats.get(`${r},${c}`) ?? plan.numberFormats?.[c] ?? "General"),
    );
    const rowValues = padded.map((v) =>
      v === null ? "" : isFormula(v) ? `=${renamed(v.formula.replace(/^=/, ""))}` : v,
    );
    const rowBytes = jsonBytes(rowValues) + jsonBytes(rowFormats);
    if (CALL_BYTES + rowBytes > budget) {
      flush();
      blocks.push(...splitRow(sheet, r, rowValues, rowFormats, budget));
      start += 1;
      return;
    }
    if (bytes + rowBytes > budget) flush();
    values.push(rowValues);
    formats.push(rowFormats);
    bytes += rowBytes;
  });
  flush();
  return blocks;
}

/** One row too large for a request, as runs of columns that each fit (a cell holds at most 32,767 characters). */
function splitRow(
  sheet: number,
  row: number,
  values: readonly CellValue[],
  formats: readonly string[],
  budget: number,
): Block[] {
  const blocks: Block[] = [];
  let from = 0;
  let bytes = CALL_BYTES;
  values.forEach((v, c) => {
    const cell = jsonBytes(v) + jsonBytes(formats[c]) + 2;
    if (c > from && bytes + cell > budget) {
      blocks.push(rowPart(sheet, row, from, c, values, formats, bytes));
      from = c;
      bytes = CALL_BYTES;
    }
    bytes += cell;
  });
  blocks.push(rowPart(sheet, row, from, values.length, values, formats, bytes));
  return blocks;
}

const rowPart = (
  sheet: number,
  row: number,
  from: number,
  to: number,
  values: readonly CellValue[],
  formats: readonly string[],
  bytes: number,
): Block => ({
  sheet,
  address: rangeAddress(row, from, 1, to - from),
  values: [values.slice(from, to)],
  formats: [formats.slice(from, to)],
  bytes,
});

/** Blocks packed into requests of at most `budget` bytes, in order. */
export function groupIntoBatches(blocks: readonly Block[], budget: number = REQUEST_BUDGET_BYTES): Block[][] {
  const batches: Block[][] = [[]];
  let bytes = 0;
  for (const block of blocks) {
    if (bytes + block.bytes > budget && batches[batches.length - 1]!.length) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1]!.push(block);
    bytes += block.bytes;
  }
  return batches;
}

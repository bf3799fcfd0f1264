import { columnNumber } from "../../core/template/a1";
import type { ModelDataValidation } from "../../core/template/sheet-model";

/** One data validation as written: its definition once, over a range of cells. */
export interface ValidationRange {
  readonly range: string;
  readonly validation: ModelDataValidation;
}

const CELL = /^([A-Z]+)(\d+)$/;

/**
 * The model's validations (one per cell or range) with alike ones joined: cells of the same definition that follow
 * each other down a column become one range ("L7:L69"). exceljs's own joining sorts addresses as text ("L10" before
 * "L7") and wrote overlapping ranges, which Excel may "repair"; given ranges, it writes them as they are. A
 * validation whose range is not a single cell is kept as it is.
 * @example validationRanges([{ range: "L7", …note }, { range: "L8", …note }, { range: "L10", …note }])
 *   // → [{ range: "L7:L8", … }, { range: "L10", … }]
 */
export function validationRanges(validations: readonly ModelDataValidation[]): ValidationRange[] {
  const groups = new Map<string, { validation: ModelDataValidation; cells: [number, number, string][] }>();
  const out: ValidationRange[] = [];
  for (const v of validations) {
    const m = CELL.exec(v.range);
    if (!m) {
      out.push({ range: v.range, validation: v });
      continue;
    }
    const { range: _range, ...definition } = v;
    const key = JSON.stringify(definition);
    const group = groups.get(key) ?? { validation: v, cells: [] };
    group.cells.push([columnNumber(m[1] ?? "A"), Number(m[2]), m[1] ?? "A"]);
    groups.set(key, group);
  }
  for (const { validation, cells } of groups.values()) {
    cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let start = 0;
    for (let i = 1; i <= cells.length; i++) {
      const [col, row] = cells[i] ?? [NaN, NaN];
      const [prevCol, prevRow, letter] = cells[i - 1] ?? [NaN, NaN, ""];
      if (col === prevCol && row === prevRow + 1) continue;
      const top = cells[start]?.[1];
      const range = top === prevRow ? `${letter}${top}` : `${letter}${top}:${letter}${prevRow}`;
      out.push({ range, validation: { ...validation, range } });
      start = i;
    }
  }
  return out;
}

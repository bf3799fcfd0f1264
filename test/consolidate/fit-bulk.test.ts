import { CUT_MARK, EXCEL_CELL_CHARACTERS } from "../../src/core/consolidate/text-cut";
import type { BulkCell, BulkRows } from "../../src/xlsx/summary/bulk-rows";
import { fitBulk } from "../../src/xlsx/summary/fit-bulk";

/** A sheet's rows for the summary: row n holds n, and its text. */
const bulk = (texts: readonly string[]): BulkRows => ({
  sheet: "明细",
  firstRow: 2,
  count: texts.length,
  rows: function* () {
    const row: BulkCell[] = [0, ""];
    for (const [n, t] of texts.entries()) {
      row[0] = n;
      row[1] = { value: t, alt: true };
      yield row; // (one array refilled for every row, as the real lists do)
    }
  },
});

/** The rows' values, each taken as it comes (a row's array is refilled for the next). */
const rowsOf = (b: BulkRows): unknown[][] => {
  const out: unknown[][] = [];
  for (const r of b.rows()) out.push(r.map((c) => (c !== null && typeof c === "object" ? c.value : c)));
  return out;
};

describe("fitBulk", () => {
  it("passes rows that fit as they are, and cuts a text past what a cell holds, its end marked", () => {
    const long = "长".repeat(EXCEL_CELL_CHARACTERS + 5);
    const rows = rowsOf(fitBulk(bulk(["短", long])));
    expect(rows[0]).toEqual([0, "短"]);
    expect(rows[1]![1]).toHaveLength(EXCEL_CELL_CHARACTERS);
    expect(String(rows[1]![1]).endsWith(CUT_MARK)).toBe(true);
  });

  it("writes at most the rows a list is given, the last saying how many more there are", () => {
    const fitted = fitBulk(bulk(["a", "b", "c", "d", "e"]), 3);
    expect(fitted.count).toBe(3);
    const rows = rowsOf(fitted);
    expect(rows).toHaveLength(3);
    expect(rows.slice(0, 2)).toEqual([
      [0, "a"],
      [1, "b"],
    ]);
    expect(rows[2]![0]).toMatch(/^…（另有 3 行未写入：一张列表最多 3 行/);
    expect(fitBulk(bulk(["a", "b", "c"]), 3).count).toBe(3);
    expect(rowsOf(fitBulk(bulk(["a", "b", "c"]), 3))).toHaveLength(3);
  });
});

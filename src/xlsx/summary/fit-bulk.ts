import { EXCEL_CELL_CHARACTERS, fitCell, SUMMARY_LIST_ROWS } from "../../core/consolidate/text-cut";
import type { BulkCell, BulkRows } from "./bulk-rows";

const tooLong = (cell: BulkCell | undefined): boolean => {
  const v = cell !== null && typeof cell === "object" ? cell.value : cell;
  return typeof v === "string" && v.length > EXCEL_CELL_CHARACTERS;
};

const fitted = (cell: BulkCell): BulkCell => {
  if (cell !== null && typeof cell === "object")
    return typeof cell.value === "string" ? { ...cell, value: fitCell(cell.value) } : cell;
  return typeof cell === "string" ? fitCell(cell) : cell;
};

/**
 * A sheet's bulk rows made to fit Excel, for the file and the task pane alike: each text cut to what a cell holds, its
 * end marked (see fitCell), and at most `maxRows` rows, the last of them then saying how many more there are
 * (consolidation says so too: consolidate.text_cut, consolidate.rows_cut). Rows that fit are passed on as they are.
 * @example fitBulk({ sheet: "明细", count: 5, rows: … }, 3).count // → 3, the third row "…（另有 3 行未写入…）"
 */
export function fitBulk(bulk: BulkRows, maxRows = SUMMARY_LIST_ROWS): BulkRows {
  const cut = bulk.count > maxRows;
  const count = cut ? maxRows : bulk.count;
  return {
    ...bulk,
    count,
    rows: function* () {
      let n = 0;
      for (const row of bulk.rows()) {
        if (cut && n === count - 1) break;
        n++;
        yield row.some(tooLong) ? row.map(fitted) : row;
      }
      if (cut)
        yield [
          `…（另有 ${bulk.count - n} 行未写入：一张列表最多 ${maxRows} 行，Excel 一张工作表最多 1048576 行；全部内容见 --json 或 --csv）`,
        ];
    },
  };
}

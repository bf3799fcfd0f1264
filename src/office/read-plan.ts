/** A rectangle of a sheet, 0-based: the used range, or a part of it read in one request. */
export interface Area {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** A part of one sheet's used range, read in one request. */
export interface ReadPiece extends Area {
  /** Index of the sheet in the workbook's list. */
  readonly sheet: number;
}

/**
 * Cells asked for in one request. Each cell comes back three times (value, formula, number format); at this bound a
 * request of ordinary cells returns about 2 MB, well under Excel on the web's 5 MB. A request of long texts can still
 * pass it: the reader then asks again for halves (splitPiece).
 */
export const READ_CELL_BUDGET = 40_000;

/**
 * The used ranges of a workbook's sheets (null for an empty sheet) cut into requests of at most `budget` cells,
 * by whole rows (a row is at most Excel's 16,384 columns, so it always fits). An ordinary workbook is one request.
 */
export function planReads(areas: readonly (Area | null)[], budget: number = READ_CELL_BUDGET): ReadPiece[][] {
  const requests: ReadPiece[][] = [];
  let current: ReadPiece[] = [];
  let cells = 0;
  const close = (): void => {
    if (current.length) requests.push(current);
    current = [];
    cells = 0;
  };
  areas.forEach((area, sheet) => {
    if (!area) return;
    let row = area.row;
    const end = area.row + area.rows;
    while (row < end) {
      const room = Math.floor((budget - cells) / area.columns);
      if (room < 1) {
        close();
        if (area.columns > budget) throw new Error(`a row of ${area.columns} cells exceeds the budget`);
        continue;
      }
      const rows = Math.min(room, end - row);
      current.push({ sheet, row, column: area.column, rows, columns: area.columns });
      cells += rows * area.columns;
      row += rows;
    }
  });
  close();
  return requests;
}

/** A piece in two halves by rows, to ask again when Excel refused to send the whole; null for a single row. */
export function splitPiece(piece: ReadPiece): readonly [ReadPiece, ReadPiece] | null {
  if (piece.rows < 2) return null;
  const top = Math.ceil(piece.rows / 2);
  return [
    { ...piece, rows: top },
    { ...piece, row: piece.row + top, rows: piece.rows - top },
  ];
}

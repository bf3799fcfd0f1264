import type { ExcelHost } from "./excel-batch";

export interface CellLocation {
  readonly sheet: string;
  /** "D7" */
  readonly cell: string;
}

/** Activates the sheet and selects the cell (one context.sync). False when the sheet is gone. */
export async function selectCell(host: ExcelHost, where: CellLocation): Promise<boolean> {
  return host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(where.sheet);
    await context.sync();
    if (sheet.isNullObject) return false;
    sheet.activate();
    sheet.getRange(where.cell).select();
    await context.sync();
    return true;
  });
}

/** What highlightCells changed, so that clearHighlights can put it back. */
export interface HighlightRecord {
  readonly cells: readonly (CellLocation & { readonly previousFill: string | null })[];
}

export const HIGHLIGHT_FILL = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

interface ProtectionState {
  readonly sheet: Excel.Worksheet;
  readonly protected: boolean;
  readonly options: Excel.WorksheetProtectionOptions;
}

/**
 * The named sheets that exist, with their protection queued for loading. Formatting cells of a protected sheet
 * fails, so callers unprotect, change, and protect again with the options the user had (a sheet protected with a
 * password makes the batch fail with Excel's own error; nothing is changed then). Takes the sync that loaded
 * the sheet names; queues the protection load for the caller's next sync.
 */
function existingSheets(
  context: Excel.RequestContext,
  names: readonly string[],
): Map<string, Excel.Worksheet> {
  const present = new Set(context.workbook.worksheets.items.map((s) => s.name));
  return new Map(
    names
      .filter((name) => present.has(name))
      .map((name) => {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.protection.load("protected,options");
        return [name, sheet] as const;
      }),
  );
}

/** After the sync that loaded them: unprotects the protected sheets and returns how to restore them. */
function unprotectAll(sheets: ReadonlyMap<string, Excel.Worksheet>): ProtectionState[] {
  const states = [...sheets.values()].map((sheet) => ({
    sheet,
    protected: sheet.protection.protected,
    options: sheet.protection.options,
  }));
  for (const s of states) if (s.protected) s.sheet.protection.unprotect();
  return states;
}

function protectAgain(states: readonly ProtectionState[]): void {
  for (const s of states) if (s.protected) s.sheet.protection.protect(s.options);
}

const fillOf = (range: Excel.Range): string | null => {
  const color = range.format.fill.color;
  return !color || color.toUpperCase() === "#FFFFFF" ? null : color;
};

/**
 * Fills problem cells (errors red, warnings amber), keeping each sheet's protection as it was. Three
 * context.sync calls however many cells; cells on sheets that no longer exist are left out of the record.
 */
export async function highlightCells(
  host: ExcelHost,
  cells: readonly (CellLocation & { readonly severity: keyof typeof HIGHLIGHT_FILL })[],
): Promise<HighlightRecord> {
  return host.run(async (context) => {
    context.workbook.worksheets.load("items/name");
    await context.sync();
    const sheets = existingSheets(context, [...new Set(cells.map((c) => c.sheet))]);
    const present = cells.flatMap((c) => {
      const sheet = sheets.get(c.sheet);
      if (!sheet) return [];
      const range = sheet.getRange(c.cell);
      range.format.fill.load("color");
      return [{ c, range }];
    });
    await context.sync();
    const states = unprotectAll(sheets);
    const record = present.map(({ c, range }) => ({
      sheet: c.sheet,
      cell: c.cell,
      previousFill: fillOf(range),
    }));
    for (const { c, range } of present) range.format.fill.color = HIGHLIGHT_FILL[c.severity];
    protectAgain(states);
    await context.sync();
    return { cells: record };
  });
}

/** Puts back the fills highlightCells replaced, keeping protection as it is. Three context.sync calls. */
export async function clearHighlights(host: ExcelHost, record: HighlightRecord): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.load("items/name");
    await context.sync();
    const sheets = existingSheets(context, [...new Set(record.cells.map((c) => c.sheet))]);
    await context.sync();
    const states = unprotectAll(sheets);
    for (const c of record.cells) {
      const sheet = sheets.get(c.sheet);
      if (!sheet) continue;
      const fill = sheet.getRange(c.cell).format.fill;
      if (c.previousFill) fill.color = c.previousFill;
      else fill.clear();
    }
    protectAgain(states);
    await context.sync();
  });
}

import type { ExcelHost } from "./excel-batch";
import type { CellValue } from "./sheet-plan";

/** One sheet of the open workbook as plain data: what the check engine needs, read in one pass. */
export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: "Visible" | "Hidden" | "VeryHidden";
  readonly protected: boolean;
  /** Address of the used range's top-left cell, e.g. "A1" (values[0][0] is that cell); null for an empty sheet. */
  readonly origin: string | null;
  readonly values: readonly (readonly CellValue[])[];
  /** Formulas as typed ("=B2/C2"), or the value for constants. */
  readonly formulas: readonly (readonly CellValue[])[];
  readonly numberFormats: readonly (readonly string[])[];
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** Workbook-level defined names and what they refer to ("=填报表!$C$3"). */
  readonly names: readonly { readonly name: string; readonly formula: string }[];
}

/**
 * Reads every sheet (hidden and veryHidden ones too: the template's identity lives there) with values,
 * formulas and number formats, plus the defined names. Two context.sync calls however large the workbook.
 */
export async function readWorkbook(host: ExcelHost): Promise<WorkbookSnapshot> {
  return host.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/visibility");
    const names = context.workbook.names;
    names.load("items/name,items/formula");
    await context.sync();
    const reads = worksheets.items.map((sheet) => {
      sheet.protection.load("protected");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("address,values,formulas,numberFormat");
      return { sheet, used };
    });
    await context.sync();
    const sheets = reads.map(({ sheet, used }): SheetSnapshot => {
      const empty = used.isNullObject;
      return {
        name: sheet.name,
        visibility: sheet.visibility as SheetSnapshot["visibility"],
        protected: sheet.protection.protected,
        origin: empty
          ? null
          : used.address
              .slice(used.address.lastIndexOf("!") + 1)
              .split(":")[0]!
              .replace(/\$/g, ""),
        values: empty ? [] : (used.values as CellValue[][]),
        formulas: empty ? [] : (used.formulas as CellValue[][]),
        numberFormats: empty ? [] : (used.numberFormat as string[][]),
      };
    });
    return { sheets, names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })) };
  });
}

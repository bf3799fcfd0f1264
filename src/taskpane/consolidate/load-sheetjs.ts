import type { SheetJsSource } from "../../xlsx/return/read-other-format";
import { mayNeedSheetJs } from "../../xlsx/safe-zip/sniff";

let loading: Promise<SheetJsSource> | undefined;

/**
 * SheetJS for a picked file that needs it (an .xls, .et, .ods or .xlsb): imported on first use, so consolidating
 * .xlsx returns never loads it; undefined for any other file.
 */
export async function sheetJsFor(bytes: Uint8Array | null): Promise<SheetJsSource | undefined> {
  if (!bytes || !mayNeedSheetJs(bytes)) return undefined;
  loading ??= import("@e965/xlsx").then((library) => () => library);
  return loading;
}

import { createRequire } from "node:module";
import type { SheetJsLibrary } from "../xlsx/return/read-other-format";

let library: SheetJsLibrary | undefined;

/**
 * SheetJS (@e965/xlsx), required the first time an .xls, .et, .ods or .xlsb return is read: loading it takes a
 * third of a second, which a run over .xlsx returns (and every check worker) never pays.
 */
export function nodeSheetJs(): SheetJsLibrary {
  library ??= createRequire(__filename)("@e965/xlsx") as SheetJsLibrary;
  return library;
}

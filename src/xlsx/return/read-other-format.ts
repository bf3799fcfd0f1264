import type * as SheetJs from "@e965/xlsx";
import { unzipSync, zipSync } from "fflate";
import { columnLetters } from "../../core/check/a1";
import type { RawCell, RawRow, UnitReturn, WorkbookFormat } from "../../core/check/unit-return";
import { makeFinding } from "../../core/findings/make-finding";
import { InternalError } from "../../core/errors";
import type { TemplateLayout } from "../../core/template/spec";
import {
  readZipEntry,
  zipDetail,
  zipProblemCode,
  type RawInflate,
  type ZipEntry,
  type ZipLimits,
} from "../safe-zip/safe-unzip";
import { identityRowsOfProperties, type DocumentProperty } from "../../core/template/identity";
import {
  CUSTOM_PROPERTIES_PART,
  readCustomProperties,
  readOdsCustomProperties,
  readOleCustomProperties,
} from "../custom-properties";
import { PartProblem, readSheets, type SheetRef } from "./find-sheets";
import { outlineOds, type OdsOutline, type OdsTable } from "./ods-content";
import { to1900 } from "./scan-sheet";
import {
  DEFAULT_SHEET_LIMITS,
  overLimitFinding,
  SheetBudget,
  tooManySheetsFinding,
  type SheetLimits,
} from "./sheet-limits";
import { byteString } from "./xml-text";

/** What the reader needs of SheetJS (@e965/xlsx, the SheetJS Community Edition: see docs/formats.md). */
export type SheetJsLibrary = Pick<typeof SheetJs, "read" | "CFB">;

/** Gives SheetJS when a file needs it (the library is loaded on first use; see ReadReturnOptions.sheetjs). */
export type SheetJsSource = () => SheetJsLibrary;

export interface OtherFormatOptions {
  readonly layout?: TemplateLayout;
  readonly sheetLimits?: SheetLimits;
  readonly limits: ZipLimits;
  readonly inflate?: RawInflate;
  readonly sheetjs?: SheetJsSource;
}

interface BookSheet extends SheetRef {
  readonly sheet: SheetJs.WorkSheet | undefined;
  /** From content.xml for an .ods (SheetJS does not read it); else from SheetJS. */
  readonly isProtected: boolean;
}

/** Parts of an .ods that SheetJS reads (settings, thumbnails and pictures are left packed). */
const ODS_PARTS = new Set(["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]);

/**
 * Reads an .xls, .et (BIFF8), .ods or .xlsb return through SheetJS into the same plain UnitReturn as the .xlsx
 * reader: identity rows, the entry sheet's cells (value, formula, number format), protection, within the same
 * limits. A zip (.ods, .xlsb) is unpacked by the bounded reader first (declared sizes, overlaps and the parts'
 * real sizes checked as for an .xlsx) and handed to SheetJS stored, so SheetJS inflates nothing itself. A file
 * SheetJS cannot parse is `file.corrupt_workbook`, never an exception. Throws PartProblem with the finding.
 * @example readOtherFormat(xlsBytes, "东湖区.xls", "xls", [], { limits, sheetjs }) // → { file: "东湖区.xls", format: "xls", identityRows: [["kind", "report-kit/template"], …], … }
 */
export function readOtherFormat(
  bytes: Uint8Array,
  file: string,
  format: WorkbookFormat,
  entries: readonly ZipEntry[],
  options: OtherFormatOptions,
): UnitReturn {
  if (!options.sheetjs) throw new InternalError(`no SheetJS given to read ${format} return ${file}`);
  const limits = options.sheetLimits ?? DEFAULT_SHEET_LIMITS;
  const { data, outline } = forSheetJs(bytes, file, format, entries, options, limits);
  const library = options.sheetjs();
  const book = parse(library, data, file, format);
  const sheets = bookSheets(book, outline?.tables ?? null);
  if (sheets.length > limits.sheets) throw new PartProblem(tooManySheetsFinding(file, limits.sheets));
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);
  const scan = (ref: BookSheet, columns?: ReadonlySet<string>) => {
    const scanned = sheetRows(ref.sheet, date1904, limits, columns);
    if (scanned.overLimit) throw new PartProblem(overLimitFinding(file, ref.name, scanned.overLimit));
    return { rows: scanned.rows, isProtected: ref.isProtected };
  };
  return {
    file,
    ...readSheets(
      sheets,
      scan,
      options.layout,
      identityRowsOfProperties(documentProperties(library, data, format)),
      (ref) => ref.sheet !== undefined,
    ),
    hasExternalLinks:
      (outline?.hasExternalLinks ?? false) || entries.some((e) => e.name.startsWith("xl/externalLinks/")),
    format,
  };
}

/**
 * The custom document properties, the identity's second carrier, which SheetJS does not give: an .ods keeps them in
 * meta.xml (meta:user-defined), an .xls or .et in its DocumentSummaryInformation stream, an .xlsb in
 * docProps/custom.xml (kept among the parts unpacked). A compound file SheetJS has just read is opened again with its own CFB reader to find the
 * stream; one that cannot be followed has no properties (the identity sheet is read all the same).
 */
function documentProperties(
  library: SheetJsLibrary,
  data: Uint8Array,
  format: WorkbookFormat,
): readonly DocumentProperty[] {
  if (format === "ods" || format === "xlsb") {
    // (data is the zip of parts unpacked and stored again: nothing here is inflated.)
    const part = format === "ods" ? "meta.xml" : CUSTOM_PROPERTIES_PART;
    const xml = unzipSync(data, { filter: (f) => f.name === part })[part];
    if (!xml) return [];
    return format === "ods"
      ? readOdsCustomProperties(byteString(xml))
      : readCustomProperties(byteString(xml));
  }
  const cfb = library.CFB as {
    read: (d: Uint8Array, o: { type: "array" }) => unknown;
    find: (c: unknown, path: string) => { content?: ArrayLike<number> } | null;
  };
  const stream = cfb.find(cfb.read(data, { type: "array" }), "\u0005DocumentSummaryInformation")?.content;
  return stream ? readOleCustomProperties(Uint8Array.from(stream)) : [];
}

/**
 * The bytes to hand SheetJS: a compound file as it is; a zip's parts unpacked by the bounded reader and stored again
 * (an .ods's content.xml outlined first, and refused past the limits).
 */
function forSheetJs(
  bytes: Uint8Array,
  file: string,
  format: WorkbookFormat,
  entries: readonly ZipEntry[],
  options: OtherFormatOptions,
  limits: SheetLimits,
): { data: Uint8Array; outline: OdsOutline | null } {
  if (entries.length === 0) return { data: bytes, outline: null };
  const wanted = format === "ods" ? (n: string) => ODS_PARTS.has(n) : isDataPart;
  const parts = unpack(bytes, file, entries, wanted, options);
  const outline =
    format === "ods" ? outlineOds(byteString(parts["content.xml"] ?? new Uint8Array()), limits) : null;
  if (outline?.overLimit)
    throw new PartProblem(overLimitFinding(file, outline.overLimit.sheet, outline.overLimit.over));
  return { data: zipSync(parts, { level: 0 }), outline };
}

/** Parts of an .xlsb that hold data (pictures, printer settings and thumbnails are left packed). */
const isDataPart = (name: string): boolean => /\.(bin|xml|rels)$/i.test(name) || name === "mimetype";

/** The chosen parts of a zip, each unpacked by the bounded reader: a damaged or inflating part is a finding. */
function unpack(
  bytes: Uint8Array,
  file: string,
  entries: readonly ZipEntry[],
  wanted: (name: string) => boolean,
  options: OtherFormatOptions,
): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = {};
  for (const entry of entries) {
    if (!wanted(entry.name) || entry.name.endsWith("/")) continue;
    const read = readZipEntry(bytes, entry, options.limits, options.inflate);
    if (!read.ok) {
      const code = zipProblemCode(read.problem);
      throw new PartProblem(makeFinding(code, { kind: "file", file }, zipDetail(read.problem)));
    }
    parts[entry.name] = read.data;
  }
  return parts;
}

/**
 * SheetJS's workbook: every sheet dense (rows of cells), formulas and number formats kept, dates as serial numbers
 * (as the .xlsx reader gives them), no display text built. SheetJS reports some things it does not understand in an
 * .ods (conditional number formats) on the console; a return is read silently, and what matters is a finding.
 */
function parse(
  lib: SheetJsLibrary,
  data: Uint8Array,
  file: string,
  format: WorkbookFormat,
): SheetJs.WorkBook {
  const { error, warn } = console;
  console.error = console.warn = () => undefined;
  try {
    return lib.read(data, {
      type: "array",
      dense: true,
      cellFormula: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellDates: false,
      bookVBA: false,
    });
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    throw new PartProblem(makeFinding("file.corrupt_workbook", { kind: "file", file }, { format, detail }));
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

const STATES = ["visible", "hidden", "veryHidden"] as const;

/** The workbook's sheets in tab order, with visibility and protection (an .ods's from its content.xml). */
function bookSheets(book: SheetJs.WorkBook, tables: readonly OdsTable[] | null): BookSheet[] {
  return book.SheetNames.map((name, i) => {
    const sheet = book.Sheets[name];
    const table = tables?.find((t) => t.name === name);
    if (tables)
      return {
        name,
        sheet,
        state: table?.hidden ? "hidden" : "visible",
        isProtected: table?.isProtected ?? false,
      };
    const protect = sheet?.["!protect"] as SheetJs.ProtectInfo | boolean | undefined;
    return {
      name,
      sheet,
      state: STATES[book.Workbook?.Sheets?.[i]?.Hidden ?? 0] ?? "visible",
      isProtected: !!protect,
    };
  });
}

/** Excel's error values by their BIFF code, as SheetJS gives them in `v`. */
const ERRORS: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** One SheetJS cell as the check engine's RawCell; null for an empty one. */
function rawCell(cell: SheetJs.CellObject, address: string, date1904: boolean): RawCell | null {
  const formula = typeof cell.f === "string" && cell.f !== "" ? { formula: cell.f } : {};
  // SheetJS Community Edition does not read cell protection: a cell reads as locked, Excel's default (the check
  // does not rely on it).
  const base = { address, numFmt: typeof cell.z === "string" ? cell.z : "General", locked: true, ...formula };
  switch (cell.t) {
    case "n":
      return date1904 ? to1900({ ...base, value: cell.v as number }) : { ...base, value: cell.v as number };
    case "s":
      return { ...base, value: String(cell.v ?? "") };
    case "b":
      return { ...base, value: Boolean(cell.v) };
    case "e":
      return { ...base, value: null, error: ERRORS[cell.v as number] ?? "#VALUE!" };
    case "d":
      return { ...base, value: cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v) };
    default:
      return "formula" in formula ? { ...base, value: null } : null;
  }
}

/** A sheet's cells as rows, counted against the limits as the .xlsx reader counts them. */
function sheetRows(
  sheet: SheetJs.WorkSheet | undefined,
  date1904: boolean,
  limits: SheetLimits,
  columns?: ReadonlySet<string>,
): { rows: RawRow[]; overLimit?: ReturnType<SheetBudget["take"]> } {
  const rows: RawRow[] = [];
  const budget = new SheetBudget(limits);
  const data = sheet?.["!data"] ?? [];
  for (let r = 0; r < data.length; r++) {
    const line = data[r];
    if (!line) continue;
    const cells: Record<string, RawCell> = {};
    let opensRow = true;
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (!cell) continue;
      const letters = columnLetters(c + 1);
      if (columns && !columns.has(letters)) continue;
      const raw = rawCell(cell, `${letters}${r + 1}`, date1904);
      if (!raw) continue;
      const overLimit = budget.take(raw, opensRow);
      if (overLimit) return { rows, overLimit };
      opensRow = false;
      cells[letters] = raw;
    }
    if (!opensRow) rows.push({ row: r + 1, cells });
  }
  return { rows };
}

import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";
import { identityRowsOfProperties } from "../../core/template/identity";
import type { TemplateLayout } from "../../core/template/spec";
import type { UnitReturn, WorkbookFormat } from "../../core/check/unit-return";
import { CUSTOM_PROPERTIES_PART, readCustomProperties } from "../custom-properties";
import {
  DEFAULT_ZIP_LIMITS,
  readNamed,
  zipDetail,
  type ZipEntry,
  type ZipLimits,
} from "../safe-zip/safe-unzip";
import { readsWithSheetJs, sniffWorkbook, type SniffOptions } from "../safe-zip/sniff";
import { PartProblem, readSheets, type SheetRef } from "./find-sheets";
import { readOtherFormat, type SheetJsSource } from "./read-other-format";
import { readStyles } from "./read-styles";
import { scanSheet, type SharedStrings } from "./scan-sheet";
import {
  DEFAULT_SHEET_LIMITS,
  overLimitFinding,
  tooManySheetsFinding,
  type SheetLimits,
} from "./sheet-limits";
import { attributes, byteString, decodedTextOf, sheetByteString, textOf, utf8String } from "./xml-text";

export interface ReadReturnOptions extends SniffOptions {
  /** Layout to fall back on when the stored spec is damaged (the expected template's). */
  readonly layout?: TemplateLayout;
  /** What a sheet may hold before the file is refused (DEFAULT_SHEET_LIMITS; tests pass smaller ones). */
  readonly sheetLimits?: SheetLimits;
  /**
   * SheetJS, for .xls, .et, .ods and .xlsb returns; asked for only when such a file comes (it is large and slow to
   * load: the CLI requires it then, the task pane imports it first; see src/cli/sheetjs.ts, src/taskpane/sheetjs.ts).
   */
  readonly sheetjs?: SheetJsSource;
}

export type ReadReturnResult =
  | { readonly ok: true; readonly unitReturn: UnitReturn; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

interface PartRef extends SheetRef {
  readonly path: string;
}

/** Resolves a relationship target against xl/: "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml". */
function resolvePart(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

/**
 * Reads a returned workbook into a plain UnitReturn for the check engine, touching only the parts it needs:
 * workbook.xml and its rels, sharedStrings, styles, the identity sheet, the custom document properties (the
 * identity's second carrier) and the entry sheet (found by the name in the stored spec, or by its row keys when
 * renamed). Sniffs the file first (not a workbook, encrypted, truncated, zip bomb…): those are findings, never
 * exceptions, and memory stays bounded. An .xls, .et, .ods or .xlsb is read through SheetJS into the same plain data
 * (readOtherFormat), within the same limits. A sheet past its limits
 * (rows, cells, characters: see SheetLimits) is one finding too, and the file is not read further.
 * @example readReturn(bytes, "东湖区.xlsx") // → { ok: true, unitReturn: { file: "东湖区.xlsx", identityRows: [["kind", "report-kit/template"], …], entrySheet: { name: "填报表", rows: […] }, … }, findings: [] }
 */
export function readReturn(
  bytes: Uint8Array,
  file: string,
  options: ReadReturnOptions = {},
): ReadReturnResult {
  const sniff = sniffWorkbook(bytes, file, options);
  if (!sniff.ok) return sniff;
  const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
  try {
    if (!readsWithSheetJs(sniff.format)) {
      const unitReturn = readParts(bytes, file, sniff.format, sniff.entries, limits, options);
      return { ok: true, unitReturn, findings: sniff.findings };
    }
    const unitReturn = readOtherFormat(bytes, file, sniff.format, sniff.entries, { ...options, limits });
    // Said once the file is read: which format it came in (a damaged one gets only the finding that says so).
    const note = makeFinding("file.other_format", { kind: "file", file }, { format: sniff.format });
    return { ok: true, unitReturn, findings: [...sniff.findings, note] };
  } catch (e) {
    if (e instanceof PartProblem) return { ok: false, findings: [...sniff.findings, e.finding] };
    throw e;
  }
}

function readParts(
  bytes: Uint8Array,
  file: string,
  format: WorkbookFormat,
  entries: readonly ZipEntry[],
  limits: ZipLimits,
  options: ReadReturnOptions,
): UnitReturn {
  const { layout: fallbackLayout, inflate } = options;
  const partBytes = (name: string): Uint8Array | null => {
    const read = readNamed(bytes, entries, name, limits, inflate);
    if (!read) return null;
    if (!read.ok) {
      const code = read.problem.kind === "bomb" ? "file.zip_bomb" : "file.corrupt_zip";
      throw new PartProblem(makeFinding(code, { kind: "file", file }, zipDetail(read.problem)));
    }
    return read.data;
  };
  const part = (name: string): string | null => {
    const data = partBytes(name);
    return data ? byteString(data) : null;
  };
  const workbookXml = part("xl/workbook.xml") ?? "";
  const sheetLimits = options.sheetLimits ?? DEFAULT_SHEET_LIMITS;
  const sheets = readSheetRefs(workbookXml, part("xl/_rels/workbook.xml.rels") ?? "", sheetLimits.sheets);
  if (sheets.length > sheetLimits.sheets)
    throw new PartProblem(tooManySheetsFinding(file, sheetLimits.sheets));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbookXml);
  const shared = readSharedStrings(partBytes("xl/sharedStrings.xml"));
  const styles = readStyles(part("xl/styles.xml") ?? "");
  const sheet = (name: string): string => {
    const data = partBytes(name);
    return data ? sheetByteString(data) : "";
  };
  const scan = (ref: PartRef, columns?: ReadonlySet<string>) => {
    const scanned = scanSheet(sheet(ref.path), shared, styles, {
      date1904,
      limits: sheetLimits,
      ...(columns ? { columns } : {}),
    });
    if (scanned.overLimit) throw new PartProblem(overLimitFinding(file, ref.name, scanned.overLimit));
    return scanned;
  };
  const customXml = part(CUSTOM_PROPERTIES_PART);
  const identityProperties = customXml ? identityRowsOfProperties(readCustomProperties(customXml)) : null;
  return {
    file,
    ...readSheets(sheets, scan, fallbackLayout, identityProperties, (ref) => ref.path !== ""),
    hasExternalLinks: entries.some((e) => e.name.startsWith("xl/externalLinks/")),
    format,
  };
}

/** The workbook's sheets in tab order; at most `max` + 1 (one more says there are too many). */
function readSheetRefs(workbookXml: string, relsXml: string, max: number): PartRef[] {
  const targets = new Map<string, string>();
  const relRe = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  for (let m = relRe.exec(relsXml); m; m = relRe.exec(relsXml)) {
    const a = attributes(m[1] ?? "");
    if (a.Id && a.Target) targets.set(a.Id, resolvePart(a.Target));
  }
  const sheets: PartRef[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  for (let m = sheetRe.exec(workbookXml); m && sheets.length <= max; m = sheetRe.exec(workbookXml)) {
    const a = attributes(m[1] ?? "");
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    sheets.push({ name: a.name ?? "", state, path: targets.get(a.id ?? "") ?? "" });
  }
  return sheets;
}

/**
 * The shared string table, decoded as cells refer to it: a return's table holds the whole template's text (the
 * unit list of the dropdown, instructions, the spec), of which a reader needs a part. The part is split as a byte
 * string (cheap); the long strings (the stored spec, tens of KB, the same in every return of a template) are
 * decoded at once through textOf's cache, and the runs of short ones between them are UTF-8-decoded a run at a time
 * (one native call per run) and cut into items only when asked for.
 */
function readSharedStrings(bytes: Uint8Array | null): SharedStrings {
  if (!bytes) return [];
  const xml = byteString(bytes);
  if (xml.includes(":si")) {
    const out: string[] = [];
    const re = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? textOf(m[1]) : "");
    return out;
  }
  const table = new LazySharedStrings();
  let run = 0;
  const flush = (stop: number) => {
    if (stop > run) table.addRun(utf8String(bytes.subarray(run, stop)));
  };
  for (let at = xml.indexOf("<si", run); at >= 0; at = xml.indexOf("<si", at + 3)) {
    if (!isItemStart(xml, at)) continue;
    const tagEnd = xml.indexOf(">", at);
    if (tagEnd < 0) break;
    if (xml.charCodeAt(tagEnd - 1) === 47) continue;
    const close = xml.indexOf("</si>", tagEnd);
    if (close < 0) break;
    if (close - tagEnd > LONG_SHARED) {
      flush(at);
      table.addText(textOf(xml.slice(tagEnd + 1, close)));
      run = close + 5;
    }
    at = close;
  }
  flush(xml.length);
  return table;
}

/** Above this many bytes a shared string is decoded through textOf's cache (the spec's chunks). */
const LONG_SHARED = 4096;

/** `<si` followed by `>`, `/` or white space (not `<sig…`). */
const isItemStart = (xml: string, at: number): boolean => {
  const next = xml.charCodeAt(at + 3);
  return next === 62 || next === 47 || next === 32 || next === 9 || next === 10 || next === 13;
};

/** Shared strings by index: decoded ones, and items of decoded runs of the part cut out on first use. */
class LazySharedStrings implements SharedStrings {
  private readonly texts: (string | undefined)[] = [];
  /** Per item: its run (-1 when decoded already), and where its content starts and ends in the run. */
  private readonly runOf: number[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly runs: string[] = [];

  addText(text: string): void {
    this.push(text, -1, 0, 0);
  }

  /** Unprefixed <si> items of a decoded run of the part, found with indexOf (no regex backtracking). */
  addRun(xml: string): void {
    const run = this.runs.push(xml) - 1;
    for (let at = xml.indexOf("<si"); at >= 0; at = xml.indexOf("<si", at + 3)) {
      if (!isItemStart(xml, at)) continue;
      const tagEnd = xml.indexOf(">", at);
      if (tagEnd < 0) return;
      if (xml.charCodeAt(tagEnd - 1) === 47) {
        this.push("", -1, 0, 0);
        continue;
      }
      const close = xml.indexOf("</si>", tagEnd);
      if (close < 0) return;
      if (close > tagEnd + 1) this.push(undefined, run, tagEnd + 1, close);
      else this.push("", -1, 0, 0);
      at = close;
    }
  }

  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.texts.length)) return undefined;
    let text = this.texts[index];
    if (text === undefined) {
      const run = this.runs[this.runOf[index]!]!;
      text = decodedTextOf(run.slice(this.starts[index], this.ends[index]));
      this.texts[index] = text;
    }
    return text;
  }

  private push(text: string | undefined, run: number, start: number, end: number): void {
    this.texts.push(text);
    this.runOf.push(run);
    this.starts.push(start);
    this.ends.push(end);
  }
}

import { loadExcelJS } from "./exceljs";
import { makeFinding } from "../core/findings/make-finding";
import type { Finding } from "../core/findings/types";
import { cleanUnitName } from "../core/template/units";

/** Names from the first column of a unit list, with the row number of the first name. */
export type UnitListFile =
  | { readonly ok: true; readonly names: readonly string[]; readonly firstRow: number }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** A first cell that is a column heading, not a unit: 单位名称, 填报单位, 名称, unit, name… */
const HEADING = /^(序号)?[\s,，]*(填报)?(单位|机构)(名称|名录)?$|^名称$|^(unit|units|name|unit name)$/i;

/**
 * Reads a unit list from its bytes: .csv/.txt (UTF-8 with or without BOM, or GBK) or .xlsx (first visible
 * sheet); the first column holds names, a heading row is optional. Used by the CLI and the task pane.
 */
export async function readUnitListBytes(bytes: Uint8Array, path: string): Promise<UnitListFile> {
  const bad = (): UnitListFile => ({
    ok: false,
    findings: [makeFinding("template.units_unreadable", { kind: "file", file: path }, { file: path })],
  });
  let cells: string[];
  if (path.toLowerCase().endsWith(".xlsx")) {
    const wb = new (await loadExcelJS()).Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      return bad();
    }
    const ws = wb.worksheets.find((w) => w.state === "visible") ?? wb.worksheets[0];
    if (!ws) return bad();
    cells = [];
    for (let r = 1; r <= ws.actualRowCount || r <= ws.rowCount; r++)
      cells.push(ws.getRow(r).getCell(1).text ?? "");
  } else {
    const text = decode(new Uint8Array(bytes));
    if (text === null) return bad();
    cells = textCells(text);
  }
  const { names, firstRow } = namesOf(cells);
  if (names.length === 0)
    return {
      ok: false,
      findings: [makeFinding("template.units_empty", { kind: "file", file: path }, { file: path })],
    };
  return { ok: true, names, firstRow };
}

/**
 * A unit list typed or pasted into the task pane, read as a .txt/.csv file of those lines is: the first field of
 * each line, a heading row (单位名称…) left out, trailing blank lines dropped. `firstRow` is the line of the first
 * name, so that findings name the line the clerk sees. An empty text gives no names.
 * @example readUnitListText("单位名称,联系人\n东湖区卫健委,张三\n西湖区卫健委") // → { names: ["东湖区卫健委", "西湖区卫健委"], firstRow: 2 }
 */
export function readUnitListText(text: string): {
  readonly names: readonly string[];
  readonly firstRow: number;
} {
  return namesOf(textCells(text.replace(/^\uFEFF/, "")));
}

const textCells = (text: string): string[] => text.split(/\r\n|\n|\r/).map(firstCsvField);

/** Names from first cells: trailing blanks dropped, a heading row left out. */
function namesOf(cells: string[]): { names: string[]; firstRow: number } {
  while (cells.length && !cleanUnitName(cells[cells.length - 1] ?? "")) cells.pop();
  const header = cells.length > 0 && HEADING.test(cleanUnitName(cells[0] ?? ""));
  return { names: header ? cells.slice(1) : cells, firstRow: header ? 2 : 1 };
}

/** UTF-8 (BOM dropped) when valid, else GBK (Excel's "CSV" on Chinese Windows); null for binary junk. */
function decode(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    try {
      return new TextDecoder("gbk", { fatal: true }).decode(bytes);
    } catch {
      return null;
    }
  }
}

/** The first field of a CSV line ("a,b" → a; "\"x, y\",z" → x, y). */
function firstCsvField(line: string): string {
  if (!line.startsWith('"')) return line.split(/[,\t]/)[0] ?? "";
  let out = "";
  for (let i = 1; i < line.length; i++) {
    const c = line[i];
    if (c === '"' && line[i + 1] === '"') {
      out += '"';
      i++;
    } else if (c === '"') break;
    else out += c;
  }
  return out;
}

import { strFromU8, unzipSync } from "fflate";
import { zlibCompression } from "../../src/cli/consolidate/zlib-compression";
import { StreamZip } from "../../src/xlsx/summary/stream-zip";

/**
 * Hostile returns made by the tests themselves (nothing large is kept in the repository): a real filled return
 * whose entry sheet is given more rows, written straight as sheet XML and zipped with Node's zlib, so that a
 * million rows take a fraction of a second to make.
 */

/** The part path of a sheet by its name ("xl/worksheets/sheet2.xml"), from workbook.xml and its relationships. */
export function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  const id = new RegExp(`<sheet\\b[^>]*?name="${sheet}"[^>]*?r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`<Relationship\\b[^>]*?Id="${id}"[^>]*?Target="([^"]+)"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Rows to append to a sheet, made from the number of the first one (the row after the sheet's last). */
export type ExtraRows = (first: number) => Iterable<Uint8Array>;

/**
 * `count` rows, each with a 1 in `column` ("I"): a figure nobody typed, in an input column, on a row without a key.
 * Made a megabyte at a time into one reused buffer (a million rows take a fraction of a second).
 */
export const numberRows = (column: string, count: number): ExtraRows =>
  function* (first) {
    const buffer = Buffer.alloc(1 << 20);
    let at = 0;
    for (let r = first; r < first + count; r++) {
      if (at > buffer.length - 100) {
        yield buffer.subarray(0, at);
        at = 0;
      }
      at += buffer.write(`<row r="${r}"><c r="${column}${r}"><v>1</v></c></row>`, at, "latin1");
    }
    yield buffer.subarray(0, at);
  };

/** One row with `text` as an inline string in `column`. */
export const textRow =
  (column: string, text: string): ExtraRows =>
  (first) => {
    const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    return [
      Buffer.from(
        `<row r="${first}"><c r="${column}${first}" t="inlineStr"><is><t>${escaped}</t></is></c></row>`,
      ),
    ];
  };

/**
 * A copy of a return (an .xlsx made by the template renderer) with `rows` appended to `sheet`'s cells; the other
 * parts are kept as they are.
 * @example withRows(bytes, "填报表", numberRows("I", 1_000_000)) // → about 4.8 MB, its entry sheet 49 MB of XML
 */
export function withRows(bytes: Uint8Array, sheet: string, rows: ExtraRows): Uint8Array {
  const files = unzipSync(bytes);
  const path = sheetPart(files, sheet);
  const xml = strFromU8(files[path]!);
  const end = xml.lastIndexOf("</sheetData>");
  let lastRow = 0;
  for (const m of xml.slice(0, end).matchAll(/<row r="(\d+)"/g)) lastRow = Math.max(lastRow, Number(m[1]));
  const chunks: Uint8Array[] = [];
  const zip = new StreamZip((c) => chunks.push(c.slice()), zlibCompression);
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith("/")) continue;
    if (name !== path) {
      zip.add(name, [data], 6);
      continue;
    }
    // (A generator: the rows' buffer may be reused, so each chunk is compressed before the next is made.)
    zip.add(
      name,
      (function* () {
        yield new TextEncoder().encode(xml.slice(0, end));
        yield* rows(lastRow + 1);
        yield new TextEncoder().encode(xml.slice(end));
      })(),
      1,
    );
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

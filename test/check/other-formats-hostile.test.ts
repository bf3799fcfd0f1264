import { fc, test as propTest } from "@fast-check/jest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { nodeSheetJs } from "../../src/cli/sheetjs";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { readReturn } from "../../src/xlsx/return/read-return";
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from "../../src/xlsx/return/sheet-limits";
import { rewrittenBySheetJs } from "../consolidate/fixtures";
import { overlappingZip } from "../consolidate/input-builders";
import { makeReturn, makeSpec } from "./builders";

/**
 * The rules for hostile files hold for .xls, .et and .ods too: the zip checks of an .xlsx (declared sizes, overlapping
 * entries, parts inflating past their size), the sheet limits (counted before SheetJS expands an .ods's repeated
 * cells), a damaged file as a finding naming its format, and no exception whatever the bytes. The .xls and .ods here
 * are written by SheetJS from a filled return (see rewrittenBySheetJs; LibreOffice's own files are tested in
 * other-formats.test.ts).
 */
const spec = makeSpec();
let xls: Uint8Array;
let ods: Uint8Array;
beforeAll(async () => {
  const filled = await makeReturn(spec);
  xls = rewrittenBySheetJs(filled, "biff8");
  ods = rewrittenBySheetJs(filled, "ods");
});

const check = (bytes: Uint8Array, file: string, sheetLimits?: Partial<SheetLimits>) =>
  checkWorkbook(bytes, file, {
    today: "2024-07-10",
    sheetjs: nodeSheetJs,
    ...(sheetLimits ? { sheetLimits: { ...DEFAULT_SHEET_LIMITS, ...sheetLimits } } : {}),
  });
const codes = (bytes: Uint8Array, file: string, sheetLimits?: Partial<SheetLimits>) =>
  check(bytes, file, sheetLimits).findings.map((f) => f.code);

/** The .ods with its parts changed (mimetype first and stored, as OpenDocument wants). */
function repackOds(change: (files: Record<string, Uint8Array>) => void, from = ods): Uint8Array {
  const files = unzipSync(from);
  change(files);
  const { mimetype, ...rest } = files;
  return zipSync({ ...(mimetype ? { mimetype: [mimetype, { level: 0 }] } : {}), ...rest }, { level: 6 });
}

/** Sets the declared unzipped size of one entry in the central directory (a forged zip). */
function forgeDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let p = 0; p < out.length - 46; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const length = view.getUint16(p + 28, true);
    if (strFromU8(out.subarray(p + 46, p + 46 + length)) === name) view.setUint32(p + 24, size, true);
  }
  return out;
}

describe("hostile .ods", () => {
  test("repeated cells standing for a billion are counted before SheetJS expands them: file.too_many_rows, at once", () => {
    const bomb =
      '<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" ' +
      'office:value="1" table:number-columns-repeated="1024"/></table:table-row>';
    const bytes = repackOds((files) => {
      const xml = strFromU8(files["content.xml"]!);
      files["content.xml"] = strToU8(xml.replace("</table:table>", `${bomb}</table:table>`));
    });
    const started = Date.now();
    const result = check(bytes, "东湖区.ods");
    expect(result.findings).toMatchObject([{ code: "file.too_many_rows", data: { limit: 20_000 } }]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(codes(bytes, "东湖区.ods", { rows: 2_000_000 })).toEqual(["file.too_many_cells"]);
  });

  test("file.zip_bomb: content.xml inflating past its declared size stops there", () => {
    const deflated = repackOds(() => undefined);
    const content = unzipSync(deflated)["content.xml"]!;
    expect(codes(forgeDeclaredSize(deflated, "content.xml", content.length >> 1), "东湖区.ods")).toEqual([
      "file.zip_bomb",
    ]);
  });

  test("file.zip_overlap: entries sharing their data, refused before anything is inflated", () => {
    expect(codes(overlappingZip(strToU8("x"), 16, ".xml"), "东湖区.ods")).toEqual(["file.zip_overlap"]);
  });

  test("file.corrupt_workbook: an .ods without its content, never called an archive", () => {
    const result = check(
      repackOds((files) => delete files["content.xml"]),
      "东湖区.ods",
    );
    expect(result.findings).toMatchObject([{ code: "file.corrupt_workbook", data: { format: "ods" } }]);
    expect(result.findings[0]?.message.zh).not.toContain("压缩包");
  });

  test("file.encrypted: an .ods saved with a password", () => {
    const bytes = repackOds((files) => {
      const manifest = strFromU8(files["META-INF/manifest.xml"]!);
      const entry = /(<manifest:file-entry manifest:full-path="content\.xml"[^>]*?)\/>/;
      expect(manifest).toMatch(entry);
      files["META-INF/manifest.xml"] = strToU8(
        manifest.replace(entry, "$1><manifest:encryption-data/></manifest:file-entry>"),
      );
    });
    expect(codes(bytes, "东湖区.ods")).toEqual(["file.encrypted"]);
  });

  test("file.not_xlsx: another OpenDocument file is named for what it is", () => {
    const odt = repackOds((files) => {
      files.mimetype = strToU8("application/vnd.oasis.opendocument.text");
    });
    expect(check(odt, "东湖区.ods").findings).toMatchObject([
      { code: "file.not_xlsx", data: { format: "OpenDocument 文本 .odt" } },
    ]);
  });
});

describe("limits and damage in .xls", () => {
  test("the sheet limits apply: a long cell named, too many sheets", () => {
    expect(check(xls, "东湖区.xls", { cellCharacters: 20 }).findings).toMatchObject([
      { code: "file.cell_too_long", location: { sheet: "_rk_identity" } },
    ]);
    expect(codes(xls, "东湖区.xls", { sheets: 2 })).toEqual(["file.too_many_sheets"]);
    expect(codes(xls, "东湖区.xls", { rows: 5 })).toEqual(["file.too_many_rows"]);
  });

  test("a cut-off .xls is file.corrupt_workbook", () => {
    expect(codes(xls.subarray(0, xls.length >> 1), "东湖区.xls")).toEqual(["file.corrupt_workbook"]);
  });

  test("without SheetJS given, reading an .xls is a bug of the caller, not a finding", () => {
    expect(() => readReturn(xls, "东湖区.xls")).toThrow(/no SheetJS/);
  });
});

describe("damaged .xls and .ods never crash the check", () => {
  const edits = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
    minLength: 1,
    maxLength: 20,
  });
  propTest.prop([edits], { numRuns: 40 })("random bytes overwritten in an .xls", (changes) => {
    const bytes = xls.slice();
    for (const [at, value] of changes) bytes[at % bytes.length] = value;
    expect(() => check(bytes, "fuzz.xls")).not.toThrow();
  });
  propTest.prop([edits], { numRuns: 40 })("random bytes overwritten in an .ods's content.xml", (changes) => {
    const bytes = repackOds((files) => {
      const content = files["content.xml"]!.slice();
      for (const [at, value] of changes) content[at % content.length] = value;
      files["content.xml"] = content;
    });
    expect(() => check(bytes, "fuzz.ods")).not.toThrow();
  });
});

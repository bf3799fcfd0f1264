import { strToU8, unzipSync, zipSync } from "fflate";
import type { FindingCode } from "../../src/core/findings/codes";
import { listZip, readZipEntry } from "../../src/xlsx/safe-zip/safe-unzip";
import { sniffWorkbook } from "../../src/xlsx/safe-zip/sniff";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { nodeSheetJs } from "../../src/cli/sheetjs";
import { makeReturn, makeSpec } from "./builders";

/**
 * Bad files, generated here and named after the finding they must produce. Each is a finding with advice, never
 * an exception, and nothing is inflated past the limits.
 */
const spec = makeSpec();
let good: Uint8Array;
beforeAll(async () => {
  good = await makeReturn(spec);
});

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A compound-file-like byte string: the OLE signature, then directory entry names in UTF-16LE. */
function compoundFile(...streams: string[]): Uint8Array {
  const out = new Uint8Array(4096);
  out.set(OLE, 0);
  let p = 1024;
  for (const name of streams) {
    for (let i = 0; i < name.length; i++) out[p + i * 2] = name.charCodeAt(i);
    p += 128;
  }
  return out;
}

/** The good return with its parts changed. */
function repack(change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(good);
  change(files);
  return zipSync(files);
}

/** Sets the declared unzipped size of one entry in the central directory (a forged zip). */
function forgeDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  for (let p = 0; p < out.length - 46; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(p + 28, true);
    const entryName = out.subarray(p + 46, p + 46 + nameLength);
    if (entryName.length === target.length && entryName.every((b, i) => b === target[i])) {
      view.setUint32(p + 24, size, true);
    }
  }
  return out;
}

const codesOf = (bytes: Uint8Array, file = "return.xlsx", maxBytes?: number): FindingCode[] =>
  checkWorkbook(bytes, file, { sheetjs: nodeSheetJs, ...(maxBytes ? { maxBytes } : {}) }).findings.map(
    (f) => f.code,
  );

describe("bad files are findings, never crashes", () => {
  test("file.empty: a 0-byte file", () => {
    expect(codesOf(new Uint8Array(0))).toEqual(["file.empty"]);
  });

  test("file.too_large: a file over the size limit is not opened", () => {
    expect(codesOf(good, "return.xlsx", 1000)).toEqual(["file.too_large"]);
  });

  test("file.pdf: a PDF renamed to .xlsx", () => {
    expect(codesOf(strToU8("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"))).toEqual(["file.pdf"]);
  });

  test.each([
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0]],
  ])("file.image: a %s screenshot renamed to .xlsx", (format, magic) => {
    const result = checkWorkbook(new Uint8Array([...magic, 0, 0, 0, 0]), "截图.xlsx");
    expect(result.findings).toMatchObject([{ code: "file.image", data: { format } }]);
  });

  test("file.corrupt_workbook: a compound file with a Workbook stream that is not a readable .xls or .et", () => {
    const result = (bytes: Uint8Array, file: string) => checkWorkbook(bytes, file, { sheetjs: nodeSheetJs });
    const xls = result(compoundFile("Root Entry", "Workbook", "\u0005SummaryInformation"), "return.xls");
    expect(xls.findings).toMatchObject([{ code: "file.corrupt_workbook", data: { format: "xls" } }]);
    expect(xls.findings[0]?.message.zh).toContain("无法作为 Excel 97-2003（.xls）读取");
    expect(result(compoundFile("Root Entry", "Workbook"), "return.et").findings).toMatchObject([
      { code: "file.corrupt_workbook", data: { format: "et" } },
    ]);
    expect(result(compoundFile("Root Entry", "WpsContent"), "return.xlsx").findings).toMatchObject([
      { code: "file.corrupt_workbook", data: { format: "et" } },
    ]);
  });

  test("file.encrypted: a password-protected .xlsx (an encrypted OOXML compound file)", () => {
    const bytes = compoundFile("Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces");
    expect(codesOf(bytes, "return.xlsx")).toEqual(["file.encrypted"]);
  });

  test("file.ole_unknown: an old Word .doc renamed", () => {
    expect(codesOf(compoundFile("Root Entry", "WordDocument"), "return.xlsx")).toEqual(["file.ole_unknown"]);
  });

  test.each([0.9, 0.5, 0.1])("file.corrupt_zip: a download cut at %p of its length", (share) => {
    expect(codesOf(good.subarray(0, Math.floor(good.length * share)))).toEqual(["file.corrupt_zip"]);
  });

  test("file.corrupt_zip: damaged compressed data", () => {
    const listing = listZip(good);
    if (!listing.ok) throw new Error("fixture");
    const sheet = listing.entries.find((e) => e.name === "xl/worksheets/sheet2.xml");
    const bytes = good.slice();
    const start = (sheet?.localHeaderOffset ?? 0) + 30 + (sheet?.name.length ?? 0) + 40;
    for (let i = start; i < start + 200; i++) bytes[i] = 0xff;
    const codes = codesOf(bytes);
    expect(codes.length).toBe(1);
    expect(["file.corrupt_zip", "file.zip_bomb"]).toContain(codes[0]);
  });

  test("file.zip_bomb: a part that declares an abnormal ratio is refused before inflating", () => {
    const bomb = zipSync(
      { "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": new Uint8Array(8 * 1024 * 1024) },
      { level: 9 },
    );
    expect(codesOf(bomb)).toEqual(["file.zip_bomb"]);
  });

  test("file.zip_bomb: a part that inflates past its declared size stops there", () => {
    const listing = listZip(good);
    if (!listing.ok) throw new Error("fixture");
    const name = "xl/worksheets/sheet2.xml";
    const forged = forgeDeclaredSize(good, name, 100);
    const relisted = listZip(forged);
    if (!relisted.ok) throw new Error("forged listing");
    const entry = relisted.entries.find((e) => e.name === name);
    if (!entry) throw new Error("no entry");
    const read = readZipEntry(forged, entry);
    expect(read).toMatchObject({ ok: false, problem: { kind: "bomb" } });
    expect(codesOf(forged)).toEqual(["file.zip_bomb"]);
  });

  test("file.zip_bomb: the sum of declared sizes over the limit", () => {
    const parts: Record<string, Uint8Array> = {
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8("<workbook/>"),
    };
    const listing = sniffWorkbook(zipSync(parts), "x.xlsx", {
      limits: { maxEntryBytes: 1000, maxTotalBytes: 10, maxRatio: 200, maxEntries: 10 },
    });
    expect(listing).toMatchObject({ ok: false, findings: [{ code: "file.zip_bomb" }] });
  });

  test("file.xlsm: a macro-enabled workbook is a warning and is still read", () => {
    const xlsm = repack((files) => {
      const types = new TextDecoder().decode(files["[Content_Types].xml"]);
      files["[Content_Types].xml"] = strToU8(
        types.replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        ),
      );
    });
    const result = checkWorkbook(xlsm, "return.xlsm", { today: "2024-07-10" });
    expect(result.findings.map((f) => [f.code, f.severity])).toEqual([["file.xlsm", "warning"]]);
    expect(result.entries.length).toBeGreaterThan(10);
  });

  test("file.not_xlsx: a Word document renamed to .xlsx", () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8("<w:document/>"),
    });
    expect(checkWorkbook(docx, "return.xlsx").findings).toMatchObject([
      { code: "file.not_xlsx", data: { format: "Word .docx" } },
    ]);
  });

  test("file.unknown_format: a text file renamed to .xlsx", () => {
    expect(codesOf(strToU8("单位,完成值\n东湖区,95\n"))).toEqual(["file.unknown_format"]);
  });

  test("every message has Chinese advice and English", () => {
    const result = checkWorkbook(strToU8("%PDF-1.4"), "a.xlsx");
    expect(result.findings[0]?.message.zh).toMatch(/xlsx/);
    expect(result.findings[0]?.message.en).toMatch(/xlsx/);
  });
});

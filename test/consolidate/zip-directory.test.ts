import { strToU8, unzipSync, zipSync } from "fflate";
import { listZip, readZipEntry } from "../../src/xlsx/safe-zip/safe-unzip";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { makeReturn, makeSpec } from "../check/builders";
import { overlappingZip, zip64Of } from "./input-builders";

/** The zip directory: zip64 records read (issue 21, item 3), overlapping entries refused (item 2). */
const text = (s: string) => strToU8(s);
const readAll = (bytes: Uint8Array) => {
  const listing = listZip(bytes);
  if (!listing.ok) throw new Error(listing.problem.detail);
  return Object.fromEntries(
    listing.entries.map((e) => {
      const read = readZipEntry(bytes, e);
      return [e.name, read.ok ? new TextDecoder().decode(read.data) : read.problem.kind];
    }),
  );
};

let good: Uint8Array;
beforeAll(async () => {
  good = await makeReturn(makeSpec());
});

/** Where the last central directory entry starts. */
function lastCentral(view: DataView): number {
  let p = view.byteLength - 4;
  while (view.getUint32(p, true) !== 0x02014b50) p--;
  return p;
}

describe("zip64", () => {
  it("reads an archive written with zip64 records, as zip -fz writes it", () => {
    const files = { "乙县.xlsx": text("乙".repeat(500)), "丙县.xlsx": text("丙"), "说明.txt": text("") };
    expect(readAll(zip64Of(files))).toEqual({
      "乙县.xlsx": "乙".repeat(500),
      "丙县.xlsx": "丙",
      "说明.txt": "",
    });
  });

  it("reads a workbook saved with zip64 records as a return", () => {
    const result = checkWorkbook(zip64Of(unzipSync(good)), "东湖区.xlsx");
    expect(result.findings.filter((f) => f.code.startsWith("file."))).toEqual([]);
    expect(result.identity).not.toBeNull();
  });

  it("calls a zip64 entry without its extra field damaged, not a bomb", () => {
    const bytes = zip64Of({ "a.xlsx": text("a"), "b.xlsx": text("b") });
    // Rename the second central entry's zip64 extra field (tag 0x0001) to an unknown one.
    const view = new DataView(bytes.buffer);
    const central = lastCentral(view);
    const extraAt = central + 46 + view.getUint16(central + 28, true);
    view.setUint16(extraAt, 0x9999, true);
    const listing = listZip(bytes);
    expect(listing).toMatchObject({ ok: false, problem: { kind: "corrupt" } });
    expect(!listing.ok && listing.problem.detail).toMatch(/zip64/);
  });
});

describe("overlapping entries", () => {
  it("refuses a directory naming one local entry many times, before inflating anything", () => {
    const listing = listZip(overlappingZip(text("x"), 16, ".xlsx"));
    expect(listing).toMatchObject({ ok: false, problem: { kind: "overlap" } });
    expect(!listing.ok && listing.problem.detail).toContain("16");
  });

  it("is a finding when a workbook's parts overlap (file.zip_overlap)", () => {
    const forged = overlappingZip(good, 2, ".xml");
    expect(checkWorkbook(forged, "东湖区.xlsx").findings.map((f) => f.code)).toEqual(["file.zip_overlap"]);
  });

  it("calls an entry whose data runs into the directory damaged", () => {
    const bytes = zipSync({ "a.txt": text("hello") }, { level: 0 });
    const view = new DataView(bytes.buffer);
    const central = lastCentral(view);
    view.setUint32(central + 20, 1000, true); // compressed size far past the data
    expect(listZip(bytes)).toMatchObject({ ok: false, problem: { kind: "corrupt" } });
  });

  it("leaves ordinary archives alone", () => {
    const bytes = zipSync({
      "a/1.xlsx": text("1"),
      "a/2.xlsx": text("22"),
      "b.zip": zipSync({ c: text("c") }),
    });
    expect(listZip(bytes).ok).toBe(true);
  });
});

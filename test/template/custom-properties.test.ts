import * as XLSX from "@e965/xlsx";
import { fc, test as prop } from "@fast-check/jest";
import { strFromU8, unzipSync } from "fflate";
import {
  readCustomProperties,
  readOleCustomProperties,
  withCustomProperties,
} from "../../src/xlsx/custom-properties";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { identityProperties } from "../../src/core/template/identity";
import { sampleSpec } from "./helpers";

const spec = sampleSpec("000_64af8b8e620b9456");

describe("custom document properties in an .xlsx", () => {
  test('a rendered template carries the identity properties, read back whole (text with & < > " and CJK)', async () => {
    const files = unzipSync(await renderTemplate(spec, '东湖区<&>"卫健委"'));
    const custom = files["docProps/custom.xml"];
    expect(custom).toBeDefined();
    expect(readCustomProperties(strFromU8(custom ?? new Uint8Array(), true))).toEqual(
      identityProperties(spec),
    );
    expect(strFromU8(files["[Content_Types].xml"] ?? new Uint8Array())).toContain(
      'PartName="/docProps/custom.xml"',
    );
    expect(strFromU8(files["_rels/.rels"] ?? new Uint8Array())).toContain('Target="docProps/custom.xml"');
  });

  test("written twice, the part and its references are there once", async () => {
    const files = unzipSync(await renderTemplate(spec, null));
    const again = withCustomProperties(files, [["rk_0001_kind", "x"]]);
    const types = strFromU8(again["[Content_Types].xml"] ?? new Uint8Array());
    expect(types.split("/docProps/custom.xml").length).toBe(2);
    expect(readCustomProperties(strFromU8(again["docProps/custom.xml"] ?? new Uint8Array(), true))).toEqual([
      ["rk_0001_kind", "x"],
    ]);
  });
});

describe("custom properties of an .xls (property stream)", () => {
  // SheetJS writes an .xls with user-defined properties; our reader reads its stream.
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["x"]]), "s");
  wb.Custprops = { rk_0001_kind: "report-kit/template", rk_0002_planTitle: "2024年卫生健康工作要点" };
  const xls = XLSX.write(wb, { type: "array", bookType: "xls" }) as ArrayBuffer;
  const entry = XLSX.CFB.find(
    XLSX.CFB.read(new Uint8Array(xls), { type: "array" }),
    "\u0005DocumentSummaryInformation",
  );
  const stream = new Uint8Array((entry?.content ?? []) as ArrayLike<number>);

  test("are read by name", () => {
    expect(readOleCustomProperties(stream)).toEqual(
      expect.arrayContaining([
        ["rk_0001_kind", "report-kit/template"],
        ["rk_0002_planTitle", "2024年卫生健康工作要点"],
      ]),
    );
  });

  prop.prop([fc.nat(), fc.uint8Array({ maxLength: 64 })])(
    "a cut or overwritten stream never throws",
    (at, junk) => {
      const cut = stream.slice(0, at % (stream.length + 1));
      const spoilt = stream.slice();
      spoilt.set(junk.slice(0, Math.max(0, spoilt.length - (at % spoilt.length))), at % spoilt.length);
      expect(() => readOleCustomProperties(cut)).not.toThrow();
      expect(() => readOleCustomProperties(spoilt)).not.toThrow();
    },
  );
});

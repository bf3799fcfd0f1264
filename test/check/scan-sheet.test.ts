import { strToU8 } from "fflate";
import { readStyles } from "../../src/xlsx/return/read-styles";
import { scanSheet } from "../../src/xlsx/return/scan-sheet";
import {
  byteString,
  decodedTextOf,
  decodeXml,
  sheetByteString,
  xmlText,
} from "../../src/xlsx/return/xml-text";

/**
 * The sheet scanner on XML as other programs write it (Excel, WPS, the OpenXML SDK), which the tests cannot
 * produce with a real program here: namespace prefixes, cells without addresses, shared formulas, rich inline
 * strings, booleans, errors, phonetic runs, entities and _xHHHH_ escapes. Parts are scanned as byte strings.
 */
const bytes = (xml: string) => byteString(strToU8(xml));

const STYLES = bytes(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
  <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
  <cellXfs count="5">
    <xf numFmtId="0" fontId="0"/>
    <xf numFmtId="164" applyProtection="1"><protection locked="0"/></xf>
    <xf numFmtId="165"><alignment wrapText="1"/></xf>
    <xf numFmtId="9"/>
    <xf numFmtId="31" applyProtection="1"><protection locked="false" hidden="1"/></xf>
  </cellXfs></styleSheet>`);

test("styles: custom and built-in formats (East Asian dates too), lock state", () => {
  expect(readStyles(STYLES)).toEqual([
    { numFmt: "General", locked: true },
    { numFmt: "0.0%", locked: false },
    { numFmt: 'yyyy"年"m"月"d"日"', locked: true },
    { numFmt: "0%", locked: true },
    { numFmt: "yyyy-mm-dd", locked: false },
  ]);
});

test("cells: shared strings, numbers, booleans, errors, formula strings, inline rich text, entities", () => {
  const shared = ["东湖区", "不适用"];
  const xml = bytes(`<worksheet><sheetData>
    <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" s="1"><v>0.95</v></c><c r="C3" t="b"><v>1</v></c>
      <c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3" t="str"><f>IF(A1&gt;0,&quot;达标&quot;,&quot;&quot;)</f><v>达标</v></c>
      <c r="F3" t="inlineStr"><is><r><t>9</t></r><r><rPr><b/></rPr><t xml:space="preserve">5%</t></r><rPh><t>ﾌﾘｶﾞﾅ</t></rPh></is></c>
      <c r="G3" t="s"><v>1</v></c><c r="H3" s="2"><v>45483</v></c><c r="I3" t="inlineStr"><is><t>A &amp; B_x000D_</t></is></c>
      <c r="J3" s="3"/></row>
  </sheetData><sheetProtection sheet="1" objects="1"/></worksheet>`);
  const sheet = scanSheet(xml, shared, readStyles(STYLES));
  expect(sheet.isProtected).toBe(true);
  const cells = sheet.rows[0]?.cells ?? {};
  expect(Object.keys(cells)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
  expect(cells.A).toMatchObject({ address: "A3", value: "东湖区", locked: true });
  expect(cells.B).toMatchObject({ value: 0.95, numFmt: "0.0%", locked: false });
  expect(cells.C?.value).toBe(true);
  expect(cells.D).toMatchObject({ value: null, error: "#DIV/0!" });
  expect(cells.E).toMatchObject({ value: "达标", formula: 'IF(A1>0,"达标","")' });
  expect(cells.F?.value).toBe("95%");
  expect(cells.G?.value).toBe("不适用");
  expect(cells.H).toMatchObject({ value: 45483, numFmt: 'yyyy"年"m"月"d"日"' });
  expect(cells.I?.value).toBe("A & B\r");
});

test("namespace prefixes (OpenXML SDK) and cells without addresses", () => {
  const xml =
    bytes(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
    <x:row r="2"><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c r="E2"><x:v>5</x:v></x:c><x:c><x:v>6</x:v></x:c></x:row>
    <x:row><x:c><x:v>7</x:v></x:c></x:row>
  </x:sheetData></x:worksheet>`);
  const sheet = scanSheet(xml, ["文本"], []);
  expect(sheet.isProtected).toBe(false);
  expect(sheet.rows.map((r) => Object.values(r.cells).map((c) => [c.address, c.value]))).toEqual([
    [
      ["A2", 1],
      ["B2", "文本"],
      ["E2", 5],
      ["F2", 6],
    ],
    [["A3", 7]],
  ]);
});

test("empty cells passed over still place a later cell without an address", () => {
  const xml = bytes(`<worksheet><sheetData>
    <row r="4"><c r="B4" s="1"/><c s="1"/><c><v>3</v></c><c r="G4"><v>7</v></c><c s="2"/><c t="s"><v>0</v></c></row>
    <row r="5"><c s="1"/><c s="1"/><c><v>5</v></c></row>
  </sheetData></worksheet>`);
  const sheet = scanSheet(xml, ["甲"], []);
  expect(sheet.rows.map((r) => Object.values(r.cells).map((c) => [c.address, c.value]))).toEqual([
    [
      ["D4", 3],
      ["G4", 7],
      ["I4", "甲"],
    ],
    [["C5", 5]],
  ]);
});

test("shared formulas: followers carry their master's text; a formula without a value is kept as such", () => {
  const xml = bytes(`<worksheet><sheetData><row r="7">
    <c r="J7"><f t="shared" ref="J7:J9" si="0">IF(ISNUMBER(I7),1,0)</f><v>1</v></c></row>
    <row r="8"><c r="J8"><f t="shared" si="0"/><v>0</v></c><c r="K8"><f>SUM(A1:A2)</f></c></row>
  </sheetData></worksheet>`);
  const rows = scanSheet(xml, [], []).rows;
  expect(rows[1]?.cells.J).toMatchObject({ formula: "IF(ISNUMBER(I7),1,0)", value: 0 });
  expect(rows[1]?.cells.K).toMatchObject({ formula: "SUM(A1:A2)", value: null });
});

test('protection: LibreOffice\'s sheet="true" is on, a missing sheet attribute is off', () => {
  const on = bytes(`<worksheet><sheetData/><sheetProtection sheet="true" password="CC3D"/></worksheet>`);
  const off = bytes(`<worksheet><sheetData/><sheetProtection objects="1"/></worksheet>`);
  expect(scanSheet(on, [], []).isProtected).toBe(true);
  expect(scanSheet(off, [], []).isProtected).toBe(false);
});

test("text helpers: numeric entities, UTF-8 only where used, unknown entities left alone", () => {
  expect(decodeXml("&#20013;&#x6587; &unknown; & alone")).toBe("中文 &unknown; & alone");
  expect(xmlText(bytes("&quot;不适用&quot; &lt;&gt; &amp;lt;"))).toBe('"不适用" <> &lt;');
});

test("shared string items: plain ones taken as they are, the rest decoded", () => {
  expect(decodedTextOf("<t>不适用</t>")).toBe("不适用");
  expect(decodedTextOf('<t xml:space="preserve"> 95% </t>')).toBe(" 95% ");
  expect(decodedTextOf("<t>A &amp; B</t>")).toBe("A & B");
  expect(decodedTextOf("<t>行_x000D_尾</t>")).toBe("行\r尾");
  expect(decodedTextOf("<r><t>9</t></r><r><t>5%</t></r>")).toBe("95%");
  expect(decodedTextOf("<t>甲</t><rPh><t>ｺｳ</t></rPh>")).toBe("甲");
  expect(decodedTextOf("<t/>")).toBe("");
});

test("a shared string index that is not in the table reads as empty text, never as another string", () => {
  const xml = bytes(
    `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>-1</v></c><c r="B1" t="s"><v>x</v></c>` +
      `<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>1.5</v></c><c r="E1" t="s"><v>1</v></c></row></sheetData></worksheet>`,
  );
  const cells = scanSheet(xml, ["甲", "乙"], []).rows[0]!.cells;
  expect(Object.values(cells).map((c) => [c.address, c.value])).toEqual([
    ["A1", ""],
    ["B1", ""],
    ["C1", ""],
    ["D1", ""],
    ["E1", "乙"],
  ]);
});

describe("a sheet part is decoded up to its cells and its protection only", () => {
  const scanPart = (xml: string) => scanSheet(sheetByteString(strToU8(xml)), ["甲"], []);
  const values = (sheet: ReturnType<typeof scanSheet>) =>
    sheet.rows.flatMap((r) => Object.values(r.cells).map((c) => [c.address, c.value]));

  it("reads every cell and the protection even when later text says sheetData or sheetProtection", () => {
    const xml =
      `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>sheetData sheetProtection</t></is></c>` +
      `<c r="B1"><v>2</v></c></row></sheetData><sheetProtection sheet="1"/>` +
      `<dataValidations count="1"><dataValidation prompt="see sheetData, sheetProtection" sqref="B1"/></dataValidations></worksheet>`;
    const sheet = scanPart(xml);
    expect(values(sheet)).toEqual([
      ["A1", "sheetData sheetProtection"],
      ["B1", 2],
    ]);
    expect(sheet.isProtected).toBe(true);
  });

  it("with a namespace prefix, and without protection", () => {
    const on = `<x:worksheet><x:sheetData><x:row r="3"><x:c r="C3" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData><x:sheetProtection x:sheet="1" sheet="1"/></x:worksheet>`;
    expect(values(scanPart(on))).toEqual([["C3", "甲"]]);
    expect(scanPart(on).isProtected).toBe(true);
    const off = `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations/></worksheet>`;
    expect(values(scanPart(off))).toEqual([["A1", 1]]);
    expect(scanPart(off).isProtected).toBe(false);
  });

  it("a truncated part without the end of its cells is read whole", () => {
    const xml = `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>`;
    expect(values(scanPart(xml))).toEqual([
      ["A1", 1],
      ["B1", 2],
    ]);
  });
});

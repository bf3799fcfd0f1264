import {
  byteString,
  portableByteString,
  portableSheetByteString,
  sheetByteString,
} from "../../src/xlsx/return/xml-text";

// The task pane has no Buffer: its byte strings must be the ones the CLI reads, one character per byte.
describe("byte strings outside Node", () => {
  test("every byte value maps to itself (0x80-0x9f too, which windows-1252 would change)", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const s = portableByteString(all);
    expect(s.length).toBe(256);
    expect([...s].map((c) => c.charCodeAt(0))).toEqual([...all]);
    expect(s).toBe(byteString(all));
  });

  test("a part with UTF-8 text and a leading 0xFF 0xFE reads as Buffer's latin1 does, at any length", () => {
    const text = new TextEncoder().encode(`<si><t>床位使用率 ≥ 85%</t></si>`.repeat(3000));
    for (const bytes of [new Uint8Array([0xff, 0xfe, 0x3c]), text, text.subarray(1, 40_001)])
      expect(portableByteString(bytes)).toBe(Buffer.from(bytes).toString("latin1"));
  });
});

describe("sheet parts cut after their cells outside Node", () => {
  test.each([
    [
      "cut after the cells, protection kept",
      `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>sheetData sheetProtection</t></is></c></row></sheetData><sheetProtection sheet="1"/><dataValidations count="1"><dataValidation prompt="sheetData" sqref="B1"/></dataValidations></worksheet>`,
    ],
    [
      "a namespace prefix",
      `<x:worksheet><x:sheetData><x:row r="3"><x:c r="C3" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData><x:sheetProtection x:sheet="1"/></x:worksheet>`,
    ],
    [
      "no protection",
      `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><dataValidations/></worksheet>`,
    ],
    ["truncated: read whole", `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>`],
    ["no sheetData at all", `<worksheet/>`],
    [
      "protection before the cells",
      `<worksheet><sheetProtection sheet="1"/><sheetData/><conditionalFormatting/></worksheet>`,
    ],
  ])("%s: as the CLI reads it", (_, xml) => {
    const bytes = new TextEncoder().encode(xml);
    expect(portableSheetByteString(bytes)).toBe(sheetByteString(bytes));
    expect(portableSheetByteString(bytes).length).toBeLessThanOrEqual(bytes.length);
  });
});

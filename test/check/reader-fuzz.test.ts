import { fc, test as propTest } from "@fast-check/jest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { checkWorkbook } from "../../src/xlsx/return/check-workbook";
import { makeReturn, makeSpec } from "./builders";

/**
 * The reader and the engine never throw on a damaged file: random bytes overwritten in the zip, and random edits
 * to the XML of the parts they read (then zipped again), always end in findings or a result.
 */
const spec = makeSpec();
let good: Uint8Array;
let parts: Record<string, Uint8Array>;
beforeAll(async () => {
  good = await makeReturn(spec);
  parts = unzipSync(good);
});

const PARTS = [
  "xl/workbook.xml",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/sheet4.xml",
];

describe("damaged files never crash the check", () => {
  propTest.prop(
    [fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })],
    {
      numRuns: 60,
    },
  )("random bytes overwritten in the zip", (edits) => {
    const bytes = good.slice();
    for (const [at, value] of edits) bytes[at % bytes.length] = value;
    expect(() => checkWorkbook(bytes, "fuzz.xlsx", { today: "2024-07-10" })).not.toThrow();
  });

  propTest.prop(
    [
      fc.constantFrom(...PARTS),
      fc.array(
        fc.tuple(
          fc.nat(),
          fc.nat({ max: 40 }),
          fc.constantFrom(
            "",
            "<",
            ">",
            '"',
            "&",
            '<c r="Z9">',
            "</row>",
            "&#xFFFFFF;",
            "_x00",
            "<v>",
            "</c>",
            "不适用",
          ),
        ),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
    ],
    { numRuns: 80 },
  )("random edits to the XML of a part that is read", (name, edits) => {
    let xml = strFromU8(parts[name] ?? new Uint8Array());
    for (const [at, length, insert] of edits) {
      const i = at % Math.max(1, xml.length);
      xml = xml.slice(0, i) + insert + xml.slice(i + length);
    }
    const bytes = zipSync({ ...parts, [name]: strToU8(xml) });
    expect(() => checkWorkbook(bytes, "fuzz.xlsx", { today: "2024-07-10" })).not.toThrow();
  });
});

import { fc, test as propTest } from "@fast-check/jest";
import type { ExcelHost } from "../../src/office/excel-batch";
import { jsonBytes, utf8Bytes } from "../../src/office/payload-size";
import { planReads, splitPiece, type Area } from "../../src/office/read-plan";
import { readWorkbook } from "../../src/office/read-workbook";
import type { SheetPlan } from "../../src/office/sheet-plan";
import { toBlocks } from "../../src/office/value-blocks";
import { writeSheets } from "../../src/office/write-sheets";
import { FakeExcel, REQUEST_LIMIT_BYTES, newSheet, payloadBytes } from "./fake-excel";

// Excel on the web refuses a request or a response over 5 MB counted in bytes of UTF-8, where a Chinese character is
// 3 bytes: writes are cut by UTF-8 size and reads ask for a bounded number of cells. The fake counts bytes the same way.

const hostOf = (fake: FakeExcel): ExcelHost => fake.host("1.9") as unknown as ExcelHost;
const encoder = new TextEncoder();

describe("sizes in UTF-8", () => {
  test("ASCII is 1 byte, Chinese 3, a character outside the BMP 4, a lone surrogate 3 (sent as U+FFFD)", () => {
    expect(utf8Bytes("T1.2")).toBe(4);
    expect(utf8Bytes("床位使用率")).toBe(15);
    expect(utf8Bytes("é")).toBe(2);
    expect(utf8Bytes("𠀀")).toBe(4);
    expect(utf8Bytes("\ud800x")).toBe(4);
    expect(jsonBytes(["达标", 95, null])).toBe(utf8Bytes('["达标",95,null]'));
  });

  propTest.prop([fc.string({ unit: "binary" })])("agrees with TextEncoder on any string", (text) => {
    expect(utf8Bytes(text)).toBe(encoder.encode(text).length);
  });

  test("the fake counts a request's bytes, not its characters", async () => {
    const fake = new FakeExcel();
    const ctx = fake.context();
    const text = "进展".repeat(10_000);
    ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[text]];
    await ctx.sync();
    expect(fake.requestBytes[0]).toBeGreaterThanOrEqual(3 * text.length);
  });
});

describe("writes cut by UTF-8 size", () => {
  // 1.9 million Chinese characters: 3.8 MB counted as two bytes a character (one request under the 4 MB budget by
  // that measure), 5.5 MB of UTF-8, which Excel on the web refuses in one request.
  const note = "各县区按季度报送工作进展，说明存在问题及下一步计划。".repeat(10);
  const rows = Array.from({ length: Math.ceil(1_900_000 / (2 * note.length)) }, (_, i) => [i, note, note]);

  test("a sheet of Chinese notes goes in requests that each fit under 5 MB of UTF-8", async () => {
    const fake = new FakeExcel();
    const result = await writeSheets(hostOf(fake), [{ name: "明细", rows }]);
    expect(result.ok).toBe(true);
    expect(payloadBytes(rows)).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    expect(fake.requestBytes.length).toBeGreaterThan(3);
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(fake.cell("明细", `B${rows.length}`).value).toBe(note);
    expect(fake.cell("明细", `A${rows.length}`).value).toBe(rows.length - 1);
  });

  test("a block's size is its values' and formats' JSON in UTF-8", () => {
    const plan: SheetPlan = { name: "填报表", rows: [["床位使用率", 95]] };
    const [block] = toBlocks(plan, 0, (f) => f);
    expect(block!.bytes).toBeGreaterThanOrEqual(
      jsonBytes([["床位使用率", 95]]) + jsonBytes([["@", "General"]]),
    );
    expect(block!.bytes).toBeLessThan(jsonBytes([["床位使用率", 95]]) + 400);
  });

  test("a sheet of more rows than a call takes arguments (明细 of a big consolidation) is cut, not refused", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [i]);
    rows[123_456] = [1, 2, 3];
    const blocks = toBlocks({ name: "明细", rows }, 0, (f) => f);
    expect(blocks.reduce((n, b) => n + b.values.length, 0)).toBe(200_000);
    expect(blocks.every((b) => b.values.every((r) => r.length === 3))).toBe(true);
  });

  test("a single row too large for one request is cut across its columns", async () => {
    const long = "说".repeat(32_767);
    const wide: SheetPlan = { name: "宽表", rows: [["单位"], Array.from({ length: 60 }, () => long)] };
    const blocks = toBlocks(wide, 0, (f) => f);
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks.slice(1).map((b) => b.address)[0]).toMatch(/^A2:[A-Z]+2$/);
    const fake = new FakeExcel();
    await writeSheets(hostOf(fake), [wide]);
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(REQUEST_LIMIT_BYTES);
    expect(fake.cell("宽表", "BH2").value).toBe(long);
    expect(fake.cell("宽表", "A1").value).toBe("单位");
  });
});

describe("reads of bounded size", () => {
  const area = (rows: number, columns: number, row = 0, column = 0): Area => ({ row, column, rows, columns });

  test("an ordinary workbook is one request; a long sheet is cut by whole rows, each request within the budget", () => {
    expect(planReads([area(300, 16), null, area(2, 2)])).toHaveLength(1);
    const requests = planReads([area(5, 3, 2, 1), area(100_000, 3)], 40_000);
    expect(requests.length).toBe(Math.ceil((15 + 300_000) / 40_000));
    for (const pieces of requests)
      expect(pieces.reduce((n, p) => n + p.rows * p.columns, 0)).toBeLessThanOrEqual(40_000);
    // Every row of the long sheet is asked for once, in order.
    const rowsOf = requests.flat().filter((p) => p.sheet === 1);
    expect(rowsOf.reduce((n, p) => n + p.rows, 0)).toBe(100_000);
    rowsOf.slice(1).forEach((p, i) => expect(p.row).toBe(rowsOf[i]!.row + rowsOf[i]!.rows));
    expect(requests[0]![0]).toEqual({ sheet: 0, row: 2, column: 1, rows: 5, columns: 3 });
  });

  test("a piece halves by rows; a single row does not", () => {
    expect(splitPiece({ sheet: 0, row: 4, column: 0, rows: 5, columns: 2 })).toEqual([
      { sheet: 0, row: 4, column: 0, rows: 3, columns: 2 },
      { sheet: 0, row: 7, column: 0, rows: 2, columns: 2 },
    ]);
    expect(splitPiece({ sheet: 0, row: 4, column: 0, rows: 1, columns: 2 })).toBeNull();
  });

  /** A fake workbook with one sheet of `rows` × `columns` cells of the given text (the row number in column A). */
  function bigSheet(rows: number, columns: number, text: string): FakeExcel {
    const sheet = newSheet("明细");
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++)
        sheet.cells.set(`${r + 1},${c}`, {
          value: c === 0 ? r : text, formula: null, numberFormat: "General", fill: null, bold: false, locked: true, look: {},
        }); // prettier-ignore
    return new FakeExcel([newSheet("填报表"), sheet]);
  }

  test("a sheet used down to row 60,001 is read in requests of at most 40,000 cells, all of it", async () => {
    const fake = bigSheet(60_000, 2, "已完成");
    const snapshot = await readWorkbook(hostOf(fake));
    expect(fake.syncCount).toBe(2 + Math.ceil(120_000 / 40_000));
    const sheet = snapshot.sheets[1]!;
    expect(sheet.origin).toBe("A2");
    expect(sheet.values).toHaveLength(60_000);
    expect(sheet.values[59_999]).toEqual([59_999, "已完成"]);
    expect(snapshot.sheets[0]).toMatchObject({ origin: null, values: [] });
  });

  test("a request whose answer would pass 5 MB is asked again in halves, and nothing is lost", async () => {
    // 3,000 × 8 cells of 100 Chinese characters: within the cell budget, about 14 MB of answer.
    const text = "本季度完成情况良好，".repeat(10);
    const fake = bigSheet(3_000, 8, text);
    const snapshot = await readWorkbook(hostOf(fake));
    const answered = fake.responseBytes.filter((b) => b <= REQUEST_LIMIT_BYTES);
    expect(answered.length).toBeLessThan(fake.responseBytes.length);
    const sheet = snapshot.sheets[1]!;
    expect(sheet.values).toHaveLength(3_000);
    expect(sheet.values.every((row, r) => row[0] === r && row[7] === text)).toBe(true);
    expect(sheet.formulas[2_999]![3]).toBe(text);
    expect(sheet.numberFormats[1_500]).toHaveLength(8);
  });
});

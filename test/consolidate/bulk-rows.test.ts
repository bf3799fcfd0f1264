import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { zlibCompression, zlibPiece } from "../../src/cli/consolidate/zlib-compression";
import {
  renderBlock,
  spliceBulkRows,
  type BulkCell,
  type BulkRows,
  type PieceRenderer,
} from "../../src/xlsx/summary/bulk-rows";
import { portableCompression, type Compression } from "../../src/xlsx/summary/stream-zip";

/** A workbook with headings and one styled sample row on row 2, as the summary's skeleton has. */
async function skeleton(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("明细");
  ws.addRow(["单位", "值", "备注"]);
  const sample = ws.addRow(["", "", ""]);
  sample.getCell(2).numFmt = "0.00";
  return new Uint8Array(await wb.xlsx.writeBuffer({ useSharedStrings: true }));
}

// Enough rows for several blocks (a block is 65,536 cells), with text that repeats and text that does not.
const ROWS = 50_000;
const bulk: BulkRows = {
  sheet: "明细",
  firstRow: 2,
  count: ROWS,
  rows: function* () {
    const row: BulkCell[] = [];
    for (let i = 0; i < ROWS; i++) {
      row[0] = `第${Math.floor(i / 250)}号医院`;
      row[1] = i % 97 === 0 ? null : i / 8;
      row[2] = i % 5 === 0 ? `备注<${i}>&` : "";
      row.length = i % 11 === 0 ? 2 : 3; // some rows shorter
      yield row;
    }
  },
};

const write = async (compression: Compression, renderer?: PieceRenderer): Promise<Uint8Array> => {
  const chunks: Uint8Array[] = [];
  await spliceBulkRows(await skeleton(), [bulk], (c) => chunks.push(c.slice()), compression, renderer);
  return Buffer.concat(chunks);
};

describe("bulk rows rendered block by block", () => {
  it("give the same workbook rendered here or elsewhere, in whatever order the blocks are done", async () => {
    let blocks = 0;
    // Rendered as on a worker (a copy of the job, compressed as a joinable piece), each block done later than the
    // one after it.
    const late: PieceRenderer = {
      render: (job) => {
        const wait = 40 - 5 * blocks++;
        const { block, styles, level } = structuredClone(job);
        const piece = zlibPiece(renderBlock(block, styles), level);
        return new Promise((resolve) => setTimeout(() => resolve({ piece, block }), Math.max(wait, 0)));
      },
      piece: zlibPiece,
    };
    const elsewhere = await write(zlibCompression, late);
    expect(blocks).toBeGreaterThan(2);
    // Compared as text (jest compares typed arrays element by element, too slowly for megabytes).
    const parts = (bytes: Uint8Array) =>
      Object.entries(unzipSync(bytes))
        .filter(([n]) => n.startsWith("xl/worksheets/") || n.includes("shared"))
        .map(([n, data]) => [n, Buffer.from(data).toString("utf8")]);
    const expected = parts(elsewhere);
    expect(parts(await write(zlibCompression))).toEqual(expected);
    expect(parts(await write(portableCompression))).toEqual(expected);
  });

  it("reuse the arrays of blocks already rendered for the blocks after them", async () => {
    const wide: BulkRows = {
      sheet: "明细",
      firstRow: 2,
      count: 30_000,
      rows: function* () {
        const row: BulkCell[] = [];
        for (let i = 0; i < 30_000; i++) {
          for (let c = 0; c < 20; c++) row[c] = i + c;
          yield row;
        }
      },
    };
    const seen = new Set<Float64Array>();
    let blocks = 0;
    const renderer: PieceRenderer = {
      render: async (job) => {
        blocks++;
        seen.add(job.block.numbers);
        await new Promise((resolve) => setTimeout(resolve, 1));
        return { piece: zlibPiece(renderBlock(job.block, job.styles), job.level), block: job.block };
      },
      piece: zlibPiece,
    };
    await spliceBulkRows(await skeleton(), [wide], () => undefined, zlibCompression, renderer);
    expect(blocks).toBeGreaterThanOrEqual(9); // 600,000 cells in blocks of 65,536
    expect(seen.size).toBeLessThanOrEqual(6); // the blocks in flight (4) and the one being encoded, not one per block
  });

  it("put every row in its place, read back by exceljs", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await write(portableCompression)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("明细")!;
    expect(ws.rowCount).toBe(ROWS + 1);
    for (const i of [0, 1, 97, 12_345, ROWS - 1]) {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(`第${Math.floor(i / 250)}号医院`);
      expect(row.getCell(2).value).toBe(i % 97 === 0 ? null : i / 8);
      expect(row.getCell(2).numFmt).toBe("0.00");
      expect(row.getCell(3).value).toBe(i % 5 === 0 && i % 11 !== 0 ? `备注<${i}>&` : null);
    }
  });
});

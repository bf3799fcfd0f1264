// Bench fixtures for scripts/bench/consolidate.mjs (bundled there with esbuild): a 150-row template, a fast way to
// write many filled returns of it, and the "straightforward exceljs loop" the consolidation is compared with.
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import { withMeaning } from "../../src/core/plan/target-meaning";
import type { Target, Task } from "../../src/core/plan/types";
import type { TemplateSpec } from "../../src/core/template/spec";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { packEntry, writeZip, type PackedEntry } from "../../src/xlsx/template/zip-writer";
import { fillReturn, type Fill } from "../../test/consolidate/fill-return";

export { checkReturn } from "../../src/core/check/check-return";
export { readReturn } from "../../src/xlsx/return/read-return";

/** 50 tasks, each with a rate (≥90%) and a count (≥3家): 150 rows. */
export function benchSpec(units: readonly string[]): TemplateSpec {
  const tasks: Task[] = [];
  const targets: Target[] = [];
  for (let i = 1; i <= 50; i++) {
    const id = String(i);
    tasks.push({ id, path: ["一", id], title: `第${i}项重点工作`, responsible: [], line: i });
    const base = { task: id, text: "", deadline: null };
    targets.push(withMeaning({ ...base, indicator: `覆盖率${i}`, unitOfMeasure: "%", op: ">=", value: 90 }));
    targets.push(
      withMeaning({ ...base, indicator: `新建机构数${i}`, unitOfMeasure: "家", op: ">=", value: 3 }),
    );
  }
  const built = buildTemplateSpec(
    { title: "2024年卫生健康工作要点（基准测试）", year: 2024, tasks, targets },
    { period: "2024年上半年", deadline: "2024-07-10", units },
  );
  if (!built.ok) throw new Error("bench spec");
  return built.spec;
}

const UNIT = "RKBENCHUNIT0a1b2c";
const FIRST = 900001;

/**
 * Fills a personalised copy once with exceljs, using placeholder numbers, then returns a writer that makes a
 * unit's filled return by replacing the placeholders (and the unit's name) in the XML: about a millisecond a file.
 */
export async function fastReturnWriter(
  spec: TemplateSpec,
): Promise<(unit: string, seed: number) => Uint8Array> {
  const fills: Fill[] = [
    { key: "header", field: "reporter", value: "张三" },
    { key: "header", field: "phone", value: "0791-86000000" },
    { key: "header", field: "filledOn", value: new Date(Date.UTC(2024, 6, 5)) },
  ];
  let n = FIRST;
  const kinds: ("den" | "num" | "count")[] = [];
  for (const row of spec.rows) {
    if (row.kind === "task") fills.push({ key: row.key, field: "status", value: "按计划推进" });
    else if (row.measure === "rate") {
      fills.push({ key: row.key, field: "denominator", value: n++ });
      fills.push({ key: row.key, field: "numerator", value: n++ });
      kinds.push("den", "num");
    } else {
      fills.push({ key: row.key, field: "value", value: n++ });
      kinds.push("count");
    }
  }
  const files = unzipSync(await fillReturn(await renderTemplate(spec, UNIT), spec, fills));
  const decoder = new TextDecoder();
  const sheetName = Object.keys(files).find((f) => decoder.decode(files[f]).includes(`<v>${FIRST}</v>`))!;
  const sheetParts = decoder.decode(files[sheetName]).split(/<v>(9\d{5})<\/v>/);
  const strings = decoder.decode(files["xl/sharedStrings.xml"]).split(UNIT);
  const packed = new Map<string, PackedEntry>();
  for (const [name, data] of Object.entries(files))
    if (name !== sheetName && name !== "xl/sharedStrings.xml") packed.set(name, packEntry(name, data));
  const names = Object.keys(files);
  const encoder = new TextEncoder();
  return (unit, seed) => {
    let x = seed + 1;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    let den = 0;
    const values = kinds.map((k) => {
      if (k === "den") return (den = 100 + Math.floor(rnd() * 900));
      // Most units meet their targets (≥90%, ≥3家); about one figure in six misses.
      if (k === "num") return Math.floor(den * (0.88 + rnd() * 0.12));
      return 2 + Math.floor(rnd() * 8);
    });
    const sheet = sheetParts.map((p, i) => (i % 2 ? `<v>${values[Number(p) - FIRST]}</v>` : p)).join("");
    const own = new Map([
      [sheetName, packEntry(sheetName, encoder.encode(sheet))],
      ["xl/sharedStrings.xml", packEntry("xl/sharedStrings.xml", encoder.encode(strings.join(unit)))],
    ]);
    return writeZip(names.map((name) => own.get(name) ?? packed.get(name)!));
  };
}

/** The straightforward way: load each workbook fully with exceljs and read every cell of its entry sheet. */
export async function exceljsLoop(files: readonly Uint8Array[]): Promise<number> {
  let cells = 0;
  for (const bytes of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.getWorksheet("填报表")?.eachRow((row) =>
      row.eachCell(() => {
        cells++;
      }),
    );
  }
  return cells;
}

/** The exceljs loop over the first `count` files of a folder (run in its own process so its memory is its own). */
export async function exceljsLoopDir(dir: string, count: number): Promise<void> {
  const { readdirSync, readFileSync } = await import("node:fs");
  const names = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .slice(0, count);
  const t0 = performance.now();
  const cells = await exceljsLoop(names.map((f) => new Uint8Array(readFileSync(`${dir}/${f}`))));
  process.stdout.write(JSON.stringify({ files: names.length, cells, ms: performance.now() - t0 }));
}

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../cli/run-cli";
import { printToPdf } from "../libreoffice-pdf";
import { filledReturn, fixtureSpec } from "./fixtures";

/**
 * The summary as LibreOffice prints it (headless soffice to PDF, poppler to find words and pixels): 未达标 is drawn
 * on light red, the per-unit columns start a page of their own, and every page repeats the headings and the name
 * columns. Fails when LibreOffice or poppler is missing: these are what the test is about.
 */
const UNITS = [..."甲乙丙丁戊己庚辛壬癸子丑"].map((c) => `${c}县医院`);
const dir = mkdtempSync(join(tmpdir(), "rk-summary-lo-"));

interface Word {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** Every page's words with their boxes (points), from pdftotext -bbox. */
function pageWords(pdf: string): Word[][] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  return html
    .split("<page ")
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ text: m[5]!, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) })),
    );
}

/** The most common colour in a box of a page rendered at 72 dpi (1 px = 1 pt): a cell's background behind its text. */
function backgroundIn(pdf: string, page: number, box: Word): [number, number, number] {
  const ppm = execFileSync("pdftoppm", ["-r", "72", "-f", String(page), "-l", String(page), pdf], {
    maxBuffer: 1 << 24,
  });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString("latin1"))!;
  const width = Number(header[1]);
  const start = header[0].length;
  const counts = new Map<string, number>();
  for (let y = Math.ceil(box.y0); y < Math.floor(box.y1); y++)
    for (let x = Math.ceil(box.x0); x < Math.floor(box.x1); x++) {
      const at = start + (y * width + x) * 3;
      const key = `${ppm[at]},${ppm[at + 1]},${ppm[at + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  const [best] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return best.split(",").map(Number) as [number, number, number];
}

let pdf: string;
let pages: Word[][];

beforeAll(async () => {
  const spec = fixtureSpec(UNITS);
  const returns = join(dir, "returns");
  mkdirSync(returns);
  for (const [i, unit] of UNITS.entries())
    writeFileSync(join(returns, `${unit}.xlsx`), await filledReturn(spec, unit, i + 1, "2024-07-05"));
  const units = join(dir, "units.csv");
  writeFileSync(units, `单位名称\n${UNITS.join("\n")}\n`);
  const out = join(dir, "summary.xlsx");
  const result = await run(["consolidate", returns, "-o", out, "--units", units]);
  expect(result.err).toBe("");
  pdf = printToPdf(out, dir);
  pages = pageWords(pdf);
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const has = (words: readonly Word[], text: string) => words.some((w) => w.text.startsWith(text));

test("汇总是否达标: a 未达标 cell is drawn light red (FFC7CE), as Excel and WPS draw it", () => {
  const page = pages.findIndex((w) => has(w, "汇总是否达标") && has(w, "未达标"));
  expect(page).toBeGreaterThanOrEqual(0);
  const word = pages[page]!.find((w) => w.text.startsWith("未达标") && w.y0 > 60)!;
  const [r, g, b] = backgroundIn(pdf, page + 1, word);
  expect(Math.abs(r - 0xff)).toBeLessThanOrEqual(8);
  expect(Math.abs(g - 0xc7)).toBeLessThanOrEqual(8);
  expect(Math.abs(b - 0xce)).toBeLessThanOrEqual(8);
});

test("the units' columns start pages of their own, each with the headings and the name columns", () => {
  // 汇总's pages: its name in the footer.
  const summary = pages.filter((w) => w.some((x) => x.text === "汇总" && x.y0 > 500));
  const withUnits = summary.filter((w) => w.some((x) => UNITS.includes(x.text)));
  expect(withUnits.length).toBeGreaterThanOrEqual(2);
  // The page with the aggregates has no unit column; the units' pages repeat 序号, 工作任务 and 指标.
  expect(summary.some((w) => has(w, "汇总值") && !w.some((x) => UNITS.includes(x.text)))).toBe(true);
  for (const words of withUnits)
    for (const heading of ["序号", "工作任务", "指标"]) expect(has(words, heading)).toBe(true);
  // Every unit is on some page, none lost at a page edge.
  const shown = new Set(withUnits.flatMap((w) => w.map((x) => x.text)));
  for (const unit of UNITS) expect(shown.has(unit)).toBe(true);
});

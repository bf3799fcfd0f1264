import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { columnNumber } from "../../src/core/template/a1";
import { run } from "../cli/run-cli";

/**
 * Static check of the written files: no two data validations of a sheet cover the same cell (Excel "repairs" such a
 * file). For every sample plan in seeds/: the blank template, a unit's copy, and the summary of the unit copies, as
 * the CLI writes them.
 */
const SEEDS = join(__dirname, "../../seeds");
const plans = readdirSync(SEEDS).filter((f) => f.endsWith(".txt"));

interface Box {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The rectangles of a sqref ("L7:L69 K14"). */
function boxes(sqref: string): Box[] {
  return sqref.split(/\s+/).map((ref) => {
    const [a = "", b = a] = ref.replace(/\$/g, "").split(":");
    const cell = (x: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(x);
      if (!m) throw new Error(`not a cell: ${x}`);
      return [Number(m[2]), columnNumber(m[1] ?? "")] as const;
    };
    const [top, left] = cell(a);
    const [bottom, right] = cell(b);
    return { ref, top, left, bottom, right };
  });
}

const overlap = (a: Box, b: Box) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Every pair of validations of one sheet that share a cell, as "sheet: A ∩ B". */
function overlaps(file: string): string[] {
  const files = unzipSync(new Uint8Array(readFileSync(file)));
  const found: string[] = [];
  let validations = 0;
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    const all = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((m) => boxes(m[1] ?? ""));
    validations += all.length;
    all.forEach((a, i) =>
      all.slice(i + 1).forEach((b) => {
        for (const x of a) for (const y of b) if (overlap(x, y)) found.push(`${name}: ${x.ref} ∩ ${y.ref}`);
      }),
    );
  }
  if (validations === 0) throw new Error(`${file} has no data validation at all`);
  return found;
}

const dir = mkdtempSync(join(tmpdir(), "rk-validations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("there are sample plans", () => expect(plans.length).toBeGreaterThanOrEqual(5));

describe.each(plans)("%s", (plan) => {
  const out = join(dir, plan);
  beforeAll(async () => {
    const made = await run([
      "template",
      join(SEEDS, plan),
      "--units",
      join(SEEDS, "units.csv"),
      "--period",
      "2024年度",
      "-o",
      out,
    ]);
    if (made.code !== 0) throw new Error(made.err || made.out);
    await run(["consolidate", out, "-o", join(out, "summary", "汇总.xlsx")]);
  }, 60_000);

  test("no two validations of a sheet overlap in the template, a unit's copy or the summary", () => {
    const written = readdirSync(out).filter((f) => f.endsWith(".xlsx"));
    const blank = written.find((f) => f.endsWith("-模板.xlsx"));
    const copy = written.find((f) => !f.endsWith("-模板.xlsx"));
    const files = [blank, copy, join("summary", "汇总.xlsx")].map((f) => join(out, f ?? "missing"));
    expect(files.flatMap(overlaps)).toEqual([]);
  });
});

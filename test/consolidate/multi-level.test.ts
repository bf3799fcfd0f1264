import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withMeaning } from "../../src/core/plan/target-meaning";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import type { TemplateSpec } from "../../src/core/template/spec";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { fixtureTaskList } from "../check/builders";
import { run } from "../cli/run-cli";
import { fillReturn, plausibleFills } from "./fill-return";

/**
 * Two counties consolidate their hospitals' returns and send their summaries up; the city consolidates the two
 * summaries. It must get exactly what it gets from all six hospitals at once: sums, Σ分子/Σ分母, means weighted by
 * the hospitals behind them, and for each unit's targets the hospitals that meet them, not the counties.
 */
const HOSPITALS = [
  "甲县人民医院",
  "甲县中医院",
  "甲县妇幼保健院",
  "乙县人民医院",
  "乙县中医院",
  "乙县妇幼保健院",
];
const dir = mkdtempSync(join(tmpdir(), "rk-levels-"));
let spec: TemplateSpec;

type Target = {
  key: string;
  scope: string;
  method: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unitsReporting: number;
  unitsMet: number | null;
  met: boolean | null;
  weight?: string;
};

beforeAll(async () => {
  // Sample plan 000 (sums, rates, a 3-5次 for each unit) and two figures that never add up.
  const list = fixtureTaskList();
  const extra = [
    withMeaning({
      task: list.tasks[0]!.id,
      text: "全市人均预期寿命达到79.5岁",
      indicator: "人均预期寿命",
      unitOfMeasure: "岁",
      deadline: null,
      op: ">=",
      value: 79.5,
      // Weighted by the population behind each figure, which the template asks for.
      weight: "常住人口",
    }),
    withMeaning({
      task: list.tasks[1]!.id,
      text: "各医院平均住院日控制在9天以内",
      indicator: "平均住院日",
      unitOfMeasure: "天",
      deadline: null,
      op: "<=",
      value: 9,
    }),
  ];
  const built = buildTemplateSpec(
    { ...list, targets: [...list.targets, ...extra] },
    { period: "2024年上半年", units: HOSPITALS },
  );
  if (!built.ok) throw new Error("spec");
  spec = built.spec;
  for (const [i, unit] of HOSPITALS.entries()) {
    const county = unit.slice(0, 2);
    mkdirSync(join(dir, county), { recursive: true });
    const bytes = await fillReturn(await renderTemplate(spec, unit), spec, plausibleFills(spec, i * 17 + 3));
    writeFileSync(join(dir, county, `${unit}.xlsx`), bytes);
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function targetsOf(args: string[]): Promise<Target[]> {
  const r = await run(["consolidate", ...args, "--json"]);
  expect(r.err).not.toMatch(/report-kit 的缺陷|bug/);
  return (JSON.parse(r.out) as { targets: Target[] }).targets;
}

describe("a county's summary sent up as a return", () => {
  it("gives the city what it would get from all the hospitals directly", async () => {
    for (const county of ["甲县", "乙县"])
      await targetsOf([join(dir, county), "-o", join(dir, "up", `${county}汇总.xlsx`), "--unit", county]);
    const city = await targetsOf([join(dir, "up"), "-o", join(dir, "市汇总.xlsx")]);
    const direct = await targetsOf([join(dir, "甲县"), join(dir, "乙县"), "-o", join(dir, "直接汇总.xlsx")]);
    const pick = (t: Target) => ({
      key: t.key,
      scope: t.scope,
      method: t.method,
      value: t.value,
      numerator: t.numerator,
      denominator: t.denominator,
      unitsReporting: t.unitsReporting,
      unitsMet: t.unitsMet,
      met: t.met,
    });
    expect(city.map(pick)).toEqual(direct.map(pick));
    // The test means something: every method and both scopes are there, and hospitals (not counties) are counted.
    expect(new Set(direct.map((t) => t.method))).toEqual(new Set(["sum", "ratio", "mean"]));
    expect(new Set(direct.map((t) => t.scope))).toEqual(new Set(["each", "total"]));
    expect(Math.max(...city.map((t) => t.unitsReporting))).toBe(HOSPITALS.length);
    const stay = direct.find((t) => t.method === "mean" && t.scope === "each")!;
    expect(stay.value).not.toBeNull();
    // The weighted mean went up as Σ(figure × weight) and Σ weight, and came out the same.
    const life = direct.find((t) => t.weight === "常住人口")!;
    expect(life.denominator).toBeGreaterThan(6 * 20000);
    expect(life.value).toBeCloseTo(life.numerator! / life.denominator!, 2);
  }, 120_000);

  it("is not judged by check against a target meant for each hospital: its figures are aggregates", async () => {
    const r = await run(["check", join(dir, "up", "甲县汇总.xlsx"), "--json"]);
    const checked = JSON.parse(r.out) as { findings: { code: string; kind: string }[] };
    expect(checked.findings.filter((f) => f.kind === "attainment").map((f) => f.code)).toEqual([]);
    // A hospital's own return is judged: the fixture misses some targets meant for each unit.
    const own = await run(["check", join(dir, "甲县"), "--json"]);
    const hospitals = JSON.parse(own.out) as { findings: { kind: string }[] }[];
    expect(hospitals.flatMap((h) => h.findings).some((f) => f.kind === "attainment")).toBe(true);
  }, 60_000);
});

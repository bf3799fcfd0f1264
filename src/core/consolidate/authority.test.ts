import type { Target } from "../plan/types";
import type { TemplateSpec } from "../template/spec";
import { makeReturn, makeSpec, makeTaskList } from "./builders";
import { consolidateReturns, type ConsolidateOptions, type ConsolidationResult } from "./consolidate";
import type { CheckedInput } from "./types";

const spec = makeSpec(["甲县", "乙县", "丙县", "丁县"]);

/** The spec a unit edited inside its own return: same template id, one target changed. */
function edited(key: string, over: Partial<Target>): TemplateSpec {
  return {
    ...spec,
    rows: spec.rows.map((r) =>
      r.key === key && r.kind === "target" ? { ...r, target: { ...r.target, ...over } as Target } : r,
    ),
  };
}
const lowered = edited("T1.1", { value: 60 });

/** Everything a consolidation gives, as text: summaries (spec, figures, records), files and findings. */
function snapshot(result: ConsolidationResult): string {
  return JSON.stringify({
    summaries: result.summaries.map((s) => ({
      spec: s.spec,
      units: s.units,
      targets: s.targets.map((t) => ({ ...t, byUnit: [...t.byUnit] })),
      progress: s.progress,
      unitReports: s.unitReports,
      records: [...s.records],
      asReturn: s.asReturn,
    })),
    files: result.files.map((f) => ({ ...f, findings: f.findings })),
    findings: [...result.findings],
  });
}

/** A shuffle by a seeded generator (the same runs every time). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let n = seed;
  for (let i = out.length - 1; i > 0; i--) {
    n = (n * 1103515245 + 12345) % 2147483648;
    const j = n % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const codesOf = (result: ConsolidationResult, file: string) =>
  result.files.find((f) => f.file === file)!.findings.map((f) => f.code);

describe("one spec per template", () => {
  const honest = [
    makeReturn(spec, { unit: "甲县", figures: { "T1.1": { numerator: 70, denominator: 100 } } }),
    makeReturn(spec, { unit: "乙县", figures: { "T1.1": { numerator: 90, denominator: 100 } } }),
  ];
  const tampered = makeReturn(lowered, {
    unit: "丙县",
    figures: { "T1.1": { numerator: 65, denominator: 100 } },
  });

  it("takes the spec most returns carry and names the return whose copy differs, whichever comes first", () => {
    for (const inputs of [
      [tampered, ...honest],
      [...honest, tampered],
    ]) {
      const result = consolidateReturns(inputs);
      const summary = result.summaries[0]!;
      expect(summary.spec).toBe(spec);
      expect(codesOf(result, "丙县.xlsx")).toEqual(["consolidate.spec_disagrees"]);
      expect(codesOf(result, "甲县.xlsx")).toEqual([]);
      const finding = result.files.find((f) => f.file === "丙县.xlsx")!.findings[0]!;
      expect(finding.severity).toBe("error");
      expect(finding.message.zh).toContain("3 份报表中 2 份为多数的内容");
      expect(finding.message.zh).toContain("T1.1 目标：多数报表为“≥85”，本报表为“≥60”");
      // 丙县's 65% is judged against 85%, not against the 60% its copy says.
      const rate = summary.targets.find((t) => t.key === "T1.1")!;
      expect(rate.byUnitAttainment[summary.units.indexOf("丙县")]).not.toBe("attained");
      expect(result.files.find((f) => f.file === "丙县.xlsx")!.outcome).toBe("used_with_errors");
    }
  });

  it("gives the same result, byte for byte, however the returns are ordered", () => {
    const inputs: CheckedInput[] = [
      ...honest,
      tampered,
      makeReturn(spec, { unit: "丁县", file: "丁县-1.xlsx", filledOn: "2024-07-06" }),
      // Two returns of 丁县 filled the same day: which is kept must not depend on the order either.
      makeReturn(spec, { unit: "丁县", file: "丁县-2.xlsx", filledOn: "2024-07-06" }),
      { kind: "not_return", file: "说明.txt", sha256: "t", fileTime: null, findings: [] },
      makeReturn(makeSpec(["甲县"], makeTaskList({ title: "2024年疾控工作要点" })), {
        unit: "甲县",
        file: "疾控.xlsx",
      }),
    ];
    const options: ConsolidateOptions = { summaryUnit: "东湖区" };
    const first = snapshot(consolidateReturns(inputs, options));
    for (let seed = 1; seed <= 8; seed++)
      expect(snapshot(consolidateReturns(shuffled(inputs, seed), options))).toBe(first);
  });

  it("breaks a tie for the copy whose meaning still gives its template id (an edited copy no longer does)", () => {
    for (const inputs of [
      [honest[0]!, tampered],
      [tampered, honest[0]!],
    ]) {
      const result = consolidateReturns(inputs);
      expect(result.summaries[0]!.spec).toBe(spec);
      expect(codesOf(result, "丙县.xlsx")).toEqual(["consolidate.spec_disagrees"]);
    }
  });

  it("with the commission's spec, judges every return against it, whatever most returns carry", () => {
    const more = [tampered, makeReturn(lowered, { unit: "丁县" }), honest[0]!];
    const result = consolidateReturns(more, { authority: spec });
    expect(result.summaries[0]!.spec).toBe(spec);
    expect(codesOf(result, "丙县.xlsx")).toEqual(["check.spec_changed"]);
    expect(codesOf(result, "丁县.xlsx")).toEqual(["check.spec_changed"]);
    expect(codesOf(result, "甲县.xlsx")).toEqual([]);
    const message = result.files.find((f) => f.file === "丙县.xlsx")!.findings[0]!.message.zh;
    expect(message).toContain("T1.1 目标：下发的模板为“≥85”，本报表为“≥60”");
  });

  it("with the commission's spec, a copy that differs only in scope or roll-up is not the unit's doing", () => {
    const scope =
      (spec.rows[1] as { target: { scope?: string } }).target.scope === "total" ? "each" : "total";
    const judged = {
      ...spec,
      rows: spec.rows.map((r, i) =>
        i === 1 ? { ...r, target: { ...(r as { target: Target }).target, scope } } : r,
      ),
    } as TemplateSpec;
    const result = consolidateReturns([makeReturn(judged, { unit: "甲县" })], { authority: spec });
    expect(result.summaries[0]!.spec).toBe(spec);
    expect(codesOf(result, "甲县.xlsx")).toEqual([]);
  });

  it("puts the commission's template first even when another has more returns", () => {
    const other = makeSpec(["甲县"], makeTaskList({ title: "2024年疾控工作要点" }));
    const result = consolidateReturns(
      [
        makeReturn(other, { unit: "甲县", file: "a.xlsx" }),
        makeReturn(other, { unit: "乙县", file: "b.xlsx" }),
        honest[0]!,
      ],
      { authority: spec },
    );
    expect(result.summaries.map((s) => s.spec.templateId)).toEqual([spec.templateId, other.templateId]);
  });
});

import { consolidationJson, recordsCsv } from "../../src/cli/consolidate/outputs";
import { makeReturn, makeSpec } from "../../src/core/consolidate/builders";
import { consolidateReturns } from "../../src/core/consolidate/consolidate";

const spec = makeSpec(["甲县", "乙县"]);
// Enough figures that the text comes in many chunks: 300 returns of the same two units (duplicates).
const many = consolidateReturns(
  Array.from({ length: 300 }, (_, i) =>
    makeReturn(spec, { unit: i % 2 ? "甲县" : "乙县", file: `第${i}号.xlsx` }),
  ),
  { units: ["甲县", "乙县"] },
);
const none = consolidateReturns([
  { kind: "not_return", file: "a.pdf", sha256: "", fileTime: null, findings: [] },
]);

describe("--json and --csv, written chunk by chunk", () => {
  it("--json is printed exactly as JSON.stringify(…, null, 2) would, in whole lines", () => {
    for (const result of [many, none]) {
      const chunks = [...consolidationJson(result, "zh")];
      const text = chunks.join("");
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      for (const c of chunks) expect(c.endsWith("\n")).toBe(true);
      const parsed = JSON.parse(text) as { returns: unknown[]; records: unknown[]; findings: unknown[] };
      expect(parsed.returns).toHaveLength(result.files.length);
      expect(parsed.records).toHaveLength(result.summaries.reduce((n, s) => n + s.records.length, 0));
      expect(parsed.findings).toHaveLength(result.findings.length);
    }
    expect([...consolidationJson(many, "zh")].length).toBeGreaterThan(2);
  });

  it("--csv has a row per record after the heading, in chunks", () => {
    const chunks = [...recordsCsv(many, "en")];
    expect(chunks.length).toBeGreaterThan(2);
    const lines = chunks.join("").split("\r\n");
    expect(lines[0]).toMatch(/^\uFEFFtemplateId,unit,key,/);
    expect(lines.at(-1)).toBe("");
    expect(lines.length - 2).toBe(many.summaries[0]!.records.length);
  });
});

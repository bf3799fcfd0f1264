import { decodeFindings, encodeFindings } from "../../src/cli/consolidate/finding-codec";
import { ReturnSpill } from "../../src/cli/consolidate/return-spill";
import { makeFinding } from "../../src/core/findings/make-finding";
import type { Finding } from "../../src/core/findings/types";

const findings: Finding[] = [
  makeFinding(
    "check.below_target",
    { kind: "cell", file: "县/第1号.xlsx", sheet: "填报表", cell: "I29", key: "T3.1" },
    { indicator: "覆盖率", value: 89.24, target: "≥90%" },
  ),
  makeFinding("file.corrupt_zip", { kind: "file", file: "a.zip › b/c.xlsx" }),
  makeFinding("file.corrupt_zip", { kind: "file", file: "c.xlsx", sheet: "填报表" }),
  makeFinding("plan.no_items", { kind: "plan", line: 3 }),
  makeFinding("plan.no_items", { kind: "plan", line: 7, column: 0 }, {}, "warning"),
  {
    severity: "info",
    code: "check.below_target",
    location: { kind: "cell", file: "", sheet: "", cell: "A1" },
    message: { zh: "表情 😀 与 \u0000 控制字符", en: "" },
    data: { negative: -0.5, big: 1e300, zero: 0, text: "0", 中文键: "值" },
  },
];

describe("findings kept as bytes", () => {
  it("come back equal and in order, whatever their location, data and text", () => {
    expect(decodeFindings(encodeFindings(findings))).toEqual(findings);
    expect(decodeFindings(encodeFindings([]))).toEqual([]);
    // A finding without data comes back without the key, as makeFinding made it.
    expect("data" in decodeFindings(encodeFindings([findings[1]!]))[0]!).toBe(false);
  });

  it("are kept on disk beside the entries and read back as often as asked", () => {
    const spill = new ReturnSpill();
    try {
      const readers = [findings.slice(0, 2), [], findings.slice(2)].map((f) =>
        spill.keepFindings(encodeFindings(f)),
      );
      for (const i of [2, 0, 0, 1, 2])
        expect(readers[i]!()).toEqual([findings.slice(0, 2), [], findings.slice(2)][i]);
    } finally {
      spill.close();
    }
  });
});

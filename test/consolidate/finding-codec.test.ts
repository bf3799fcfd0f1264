import { decodeFindings, encodeFindings } from "../../src/cli/consolidate/finding-codec";
import { ReturnSpill } from "../../src/cli/consolidate/return-spill";
import { makeFinding } from "../../src/core/findings/make-finding";
import type { Finding } from "../../src/core/findings/types";
import { exposeGc } from "./gc";

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

  it("come back as strings of their own: one kept does not keep the rest of its return's", () => {
    const gc = exposeGc();
    // A return with a hundred messages (10 KB as bytes); the summary keeps one message from each return.
    const many = Array.from({ length: 100 }, (_, i) =>
      makeFinding(
        "check.below_target",
        { kind: "cell", file: "县/第1号.xlsx", sheet: "填报表", cell: `I${i + 8}`, key: `T${i}.1` },
        { indicator: `覆盖率${i}`, value: 80 + i / 7, target: "≥90%" },
      ),
    );
    const bytes = encodeFindings(many);
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 500 }, () => decodeFindings(bytes)[0]!.message.zh);
    gc();
    // As slices of the return's text, the 500 messages held 1.4 MB; on their own they are about 50 KB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(500_000);
    expect(kept[499]).toBe(many[0]!.message.zh);
  });
});

import { fc, test } from "@fast-check/jest";
import { parsePlan } from "./parse-plan";
import { formatBytes, MAX_PLAN_BYTES, textTooLarge, utf8Length } from "./plan-size";

const PLAN = "2024年工作要点\n一、重点任务\n1.提升服务。家庭医生签约服务覆盖率达到75%。\n";
/** `text` padded with spaces to exactly `bytes` of UTF-8. */
const padded = (text: string, bytes: number) => text + " ".repeat(bytes - utf8Length(text));

describe("utf8Length", () => {
  test.prop([fc.string({ unit: fc.constantFrom("a", "\n", "é", "中", "，", "😀") })])(
    "counts as TextEncoder does",
    (text) => {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    },
  );

  it("stops counting just past its limit", () => {
    expect(utf8Length("中".repeat(1000), 10)).toBeLessThanOrEqual(13);
  });
});

describe("formatBytes", () => {
  it.each([
    [1, "1 KB"],
    [1024 * 1024 - 1, "1024 KB"],
    [1024 * 1024, "1 MB"],
    [2.25 * 1024 * 1024, "2.3 MB"],
  ])("%d bytes are %s", (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe("a plan over the size limit", () => {
  it("at the limit is read", () => {
    const text = padded(PLAN, MAX_PLAN_BYTES);
    expect(textTooLarge(text)).toBeNull();
    const { taskList, findings } = parsePlan(text);
    expect(findings).toEqual([]);
    expect(taskList.targets.map((t) => t.indicator)).toEqual(["家庭医生签约服务覆盖率"]);
  });

  it("one byte over is not read, and says so in both languages", () => {
    const { taskList, findings } = parsePlan(padded(PLAN, MAX_PLAN_BYTES + 1));
    expect(taskList.tasks).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(["plan.too_large"]);
    expect(findings[0]?.severity).toBe("error");
    expect(findings[0]?.message.zh).toContain("计划文本过大（2 MB），上限为 2 MB");
    expect(findings[0]?.message.en).toContain("too large (2 MB; the limit is 2 MB)");
  });

  it("counts bytes of UTF-8, not characters: Chinese text is three bytes a character", () => {
    const chinese = "加".repeat(Math.floor(MAX_PLAN_BYTES / 3));
    expect(textTooLarge(chinese)).toBeNull();
    expect(textTooLarge(`${chinese}加`)?.code).toBe("plan.too_large");
  });
});

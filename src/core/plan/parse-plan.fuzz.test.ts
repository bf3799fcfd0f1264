import { fc, test } from "@fast-check/jest";
import { parsePlan } from "./parse-plan";

/** Pieces of the genre, so that random text reaches the parser's deep paths, not just its first checks. */
const PIECES = [
  "一、",
  "（一）",
  "(二)",
  "1.",
  "2、",
  "3．",
  "（1）",
  "①",
  "\n",
  "\r\n",
  "。",
  "，",
  "；",
  "：",
  "、",
  "“",
  "”",
  "《",
  "》",
  "达到",
  "以上",
  "以下",
  "不低于",
  "控制在",
  "左右",
  "分别",
  "均",
  "和",
  "到2025年底",
  "上半年",
  "力争",
  "95%",
  "12/10万",
  "6‰",
  "3-5次",
  "1:2",
  "三家",
  "10个",
  "二级以上",
  "65岁以上",
  "1+N",
  "责任单位:",
  "(",
  ")",
  "牵头",
  "市卫健委",
  "覆盖率",
  "建成",
  "新增",
  "每千人口",
  "张",
  "0.85",
  "2024年",
  "第",
  "的",
  "|",
  "\t",
  "序号",
  " ",
];

describe("parsePlan on arbitrary text", () => {
  test.prop([fc.array(fc.constantFrom(...PIECES), { maxLength: 200 })])(
    "never throws on genre-like text",
    (parts) => {
      const result = parsePlan(parts.join(""));
      // Every target belongs to a task, or, in a text with no numbered items, to none ("").
      const { tasks } = result.taskList;
      for (const t of result.taskList.targets)
        expect(tasks.length ? tasks.some((task) => task.id === t.task) : t.task === "").toBe(true);
    },
  );

  test.prop([fc.string({ maxLength: 500 })])("never throws on any string", (text) => {
    expect(() => parsePlan(text)).not.toThrow();
  });

  it("handles long pathological runs in one pass (no catastrophic backtracking)", () => {
    const runs = [
      "1".repeat(20000),
      "（".repeat(20000),
      "一".repeat(20000),
      "“1".repeat(10000),
      "3-".repeat(10000),
      "、1个".repeat(5000),
    ];
    for (const run of runs) {
      expect(() => parsePlan(`一、任务\n1.${run}\n${run}`)).not.toThrow();
    }
  });
});

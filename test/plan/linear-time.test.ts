import { fc, test } from "@fast-check/jest";
import { parsePlan } from "../../src/core/plan/parse-plan";

/**
 * Any input, linear time: parsing a text of 4n characters takes no more than some 4 times as long as n characters of
 * the same shape, and gives no more than some 4 times as much. Hostile shapes are generated (pieces of the genre
 * repeated: labels, brackets, numbers, 、, quotes, operator words, time phrases, responsibility clauses, table cells),
 * alongside the shapes that were once quadratic, each in an item's paragraph, bare, or one per line.
 *
 * Times are CPU times, the best of three runs, taken where n parses in some 20 ms; the bound is generous (12: linear
 * is 4, quadratic 16) so that a loaded two-core machine does not fail it, and a case over it is measured again before
 * it fails. The size of the result is compared exactly.
 */
const PIECES = [
  "一、",
  "（一）",
  "1.",
  "2、",
  "（1）",
  "①",
  "。",
  "，",
  "；",
  "：",
  "、",
  "“",
  "”",
  "《",
  "》",
  "（",
  "）",
  "(责任单位:",
  "市卫健委会市财政局",
  "牵头",
  "达到",
  "不低于",
  "控制在",
  "提高到",
  "以上",
  "以下",
  "左右",
  "分别",
  "均",
  "和",
  "从",
  "的",
  "到2025年底",
  "6月底前",
  "95%",
  "12/10万",
  "3-5次",
  "1:2",
  "建成5个",
  "2名/",
  "3余",
  "每千人口",
  "覆盖率",
  "医院",
  " ",
  "\t",
  "|",
  "序号",
  "附件",
];

type Framing = "item" | "bare" | "lines";

const repeat = (unit: string, size: number): string =>
  unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
const inItem = (body: string): string => `2024年工作要点\n一、重点任务\n1.${body}`;

/** A shape of text: a unit repeated to `size` characters, framed, then a tail. */
function shape(unit: string, framing: Framing, tail = ""): (size: number) => string {
  return (size) => {
    const body = framing === "lines" ? repeat(`${unit}\n`, size) : repeat(unit, size);
    return framing === "item" ? inItem(body + tail) : body + tail;
  };
}

/** Numbered things, one after another, to `size` characters: `make(1) + make(2) + …`. */
function numbered(make: (i: number) => string, size: number): string {
  const parts: string[] = [];
  for (let i = 1, length = 0; length < size; i++) {
    parts.push(make(i));
    length += parts[parts.length - 1]?.length ?? 1;
  }
  return parts.join("");
}

/** Milliseconds of CPU this process has used: unlike the wall clock, hardly moved by other work on the machine. */
const cpu = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

const timed = (f: () => void): number => {
  const start = cpu();
  f();
  return cpu() - start;
};

/**
 * How many times longer 4n characters take than n, and how much more they give, n where it parses in ~20 ms of CPU.
 * The two are run in turn, three times each, and the best of each compared; a ratio over the bound is measured again
 * (up to twice) before it counts, as a quadratic path is over it every time.
 */
function growth(make: (size: number) => string): { time: number; output: number } {
  let size = 2000;
  while (size < 64_000 && timed(() => parsePlan(make(size))) < 20) size *= 2;
  const small = make(size);
  const large = make(4 * size);
  const output = (text: string) => JSON.stringify(parsePlan(text)).length;
  let time = Infinity;
  for (let attempt = 0; attempt < 3 && time >= 12; attempt++) {
    let n = Infinity;
    let n4 = Infinity;
    for (let run = 0; run < 3; run++) {
      n = Math.min(
        n,
        timed(() => parsePlan(small)),
      );
      n4 = Math.min(
        n4,
        timed(() => parsePlan(large)),
      );
    }
    time = Math.min(time, n4 / Math.max(n, 1));
  }
  return { time, output: output(large) / output(small) };
}

/** Shapes that were once quadratic (issue 20), each found by profiling. */
const ONCE_QUADRATIC: readonly [string, (size: number) => string][] = [
  ["提高到95%、 in an item", shape("提高到95%、", "item")],
  ["提高到95%、 as prose", shape("提高到95%、", "bare")],
  ["open brackets", shape("（（（（", "item")],
  ["nested brackets", (n) => inItem(repeat("（", n / 2) + repeat("）", n / 2))],
  ["numbers", shape("1 2 3 ", "item")],
  ["counts", shape("建成5个", "item")],
  ["rates between tabs", shape("95%\t", "item")],
  ["分别 before each rate", shape("分别达到95%、", "item")],
  ["quoted numbers", shape("“1", "item")],
  ["book titles", shape("《规划》达到95%", "item")],
  ["dated goals", shape("到2025年底达到95%", "item")],
  ["deadlines without a year", shape("6月底前", "item")],
  ["ratios", shape("1:", "item")],
  ["余 counts", shape("3余", "item")],
  ["counts per place", shape("2名/", "item")],
  ["subjects shared by 均", shape("孕产妇和", "item", "儿童系统管理率均达到95%")],
  ["spaces before a goal", shape(" ", "item", "达到95%")],
  ["responsibility clauses", (n) => inItem(numbered((i) => `加强服务(责任单位:第${i}中心)`, n))],
  ["distinct units in one clause", (n) => inItem(`完善(责任单位:${numbered((i) => `第${i}中心、`, n)})`)],
  ["units joined by 会", (n) => inItem(`完善(责任单位:${repeat("市卫健委会市财政局会", n)})`)],
  ["stops in a unit list", (n) => inItem(`完善(责任单位:${repeat("。", n)}x)`)],
  ["labels run together", (n) => `工作要点${numbered((i) => `${(i % 999) + 1}.完善服务`, n)}`],
  ["headings run together", shape("一、任务（一）加强1.完善", "bare")],
  ["pipes", shape("|", "bare")],
  ["序号 lines", shape("序号", "lines")],
  [
    "hard-wrapped lines",
    (n) => `一、任务\n1.完善\n${repeat("加强基层医疗卫生服务能力建设加强基层医疗\n", n)}`,
  ],
  [
    "table rows past 999",
    (n) => `序号 | 指标 | 目标值 | 责任单位\n${numbered((i) => `${i} | 覆盖率 | 95% | 市卫健委\n`, n)}`,
  ],
];

describe("parsePlan on hostile text grows linearly", () => {
  it.each(ONCE_QUADRATIC)("%s", (_name, make) => {
    const { time, output } = growth(make);
    expect(time).toBeLessThan(12);
    expect(output).toBeLessThan(12);
  });

  test.prop(
    [
      fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }),
      fc.constantFrom<Framing>("item", "bare", "lines"),
      fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }),
    ],
    { numRuns: 8 },
  )("for generated shapes", (pieces, framing, tail) => {
    const { time, output } = growth(shape(pieces.join(""), framing, tail.join("")));
    expect(time).toBeLessThan(12);
    expect(output).toBeLessThan(12);
  });
});

import { joinCellLines } from "./cell-lines";
import { parsePlan } from "./parse-plan";
import { splitLines } from "./scan-items";

const rows = (...lines: string[]) => joinCellLines(splitLines(lines.join("\n"))).map((l) => l.text);
/** Targets of a plan as [path, indicator, op, value(s), unit, deadline, review]. */
const targets = (...lines: string[]) => {
  const { tasks, targets: found } = parsePlan(lines.join("\n")).taskList;
  const path = new Map(tasks.map((t) => [t.id, t.path.join("/")]));
  return found.map((t) => [
    path.get(t.task) ?? "",
    t.indicator,
    t.op,
    t.op === "between" ? [t.min, t.max] : t.value,
    t.unitOfMeasure,
    t.deadline,
    [...t.review].sort(),
  ]);
};

describe("a table that arrives one cell per line", () => {
  it("is rebuilt row by row from its headings", () => {
    expect(
      rows("序号", "指标", "单位", "目标值", "1", "床位使用率", "%", "≥85", "2", "平均住院日", "天", "≤9"),
    ).toEqual(["序号 | 指标 | 单位 | 目标值", "1 | 床位使用率 | % | ≥85", "2 | 平均住院日 | 天 | ≤9"]);
  });

  it("keeps blank lines between cells out, group headings between rows in, and ends where the rows end", () => {
    expect(
      rows(
        "序号",
        "",
        "项目名称",
        "目标",
        "一、健康水平",
        "1",
        "",
        "人均预期寿命",
        "80岁",
        "2",
        "婴儿死亡率",
        "4‰",
        "说明：以上为预期性指标。",
      ),
    ).toEqual([
      "序号 | 项目名称 | 目标",
      "一、健康水平",
      "1 | 人均预期寿命 | 80岁",
      "2 | 婴儿死亡率 | 4‰",
      "说明：以上为预期性指标。",
    ]);
  });

  it("ends a row with cells left out where the next row begins", () => {
    expect(
      rows(
        "序号",
        "指标名称",
        "单位",
        "2025年",
        "1",
        "甲类指标",
        "2",
        "乙类指标",
        "%",
        "90",
        "3",
        "丙类指标",
        "个",
        "5",
      ),
    ).toEqual([
      "序号 | 指标名称 | 单位 | 2025年",
      "1 | 甲类指标",
      "2 | 乙类指标 | % | 90",
      "3 | 丙类指标 | 个 | 5",
    ]);
  });

  it("leaves alone a 序号 line that does not open a table", () => {
    expect(rows("序号", "说明：本表按年度更新，请各单位对照执行。", "1.加强管理。")).toEqual([
      "序号",
      "说明：本表按年度更新，请各单位对照执行。",
      "1.加强管理。",
    ]);
  });
});

describe("the goals of an indicator table", () => {
  it("a year column is the deadline, the first of several years the baseline, a bare value goes the indicator's way", () => {
    expect(
      targets(
        "某县“十四五”健康事业主要指标",
        "序号",
        "指标名称",
        "单位",
        "2020年",
        "2023年",
        "2025年",
        "责任单位",
        "1",
        "居民健康素养水平",
        "%",
        "22",
        "26",
        "30",
        "县卫健局",
        "2",
        "新生儿死亡率",
        "‰",
        "3.1",
        "2.9",
        "2.5",
        "县卫健局、县妇联",
      ),
    ).toEqual([
      ["1", "居民健康素养水平", ">=", 26, "%", "2023-12-31", ["direction_from_indicator", "from_table"]],
      ["1", "居民健康素养水平", ">=", 30, "%", "2025-12-31", ["direction_from_indicator", "from_table"]],
      ["2", "新生儿死亡率", "<=", 2.9, "‰", "2023-12-31", ["direction_from_indicator", "from_table"]],
      ["2", "新生儿死亡率", "<=", 2.5, "‰", "2025-12-31", ["direction_from_indicator", "from_table"]],
    ]);
  });

  it("a 现状 column is never a goal, an operator in the cell is kept, a unit in the name's brackets is read", () => {
    expect(
      targets(
        "某市医疗服务能力提升行动主要指标",
        "序号 | 指标 | 现状 | 2026年目标",
        "1 | 急诊患者等候时间(分钟) | 40 | 30以内",
        "2 | 三级医院平均住院日(天) | 9.2 | ≤8",
        "3 | 县域内就诊率(%) | 85 | 90以上",
      ).map(([path, name, op, value, unit, deadline]) => [path, name, op, value, unit, deadline]),
    ).toEqual([
      ["1", "急诊患者等候时间", "<=", 30, "分钟", "2026-12-31"],
      ["2", "三级医院平均住院日", "<=", 8, "天", "2026-12-31"],
      ["3", "县域内就诊率", ">=", 90, "%", "2026-12-31"],
    ]);
  });

  it("reads a table whose cells are set apart by spaces", () => {
    expect(
      targets(
        "某区公共卫生服务主要指标",
        "序号    指标名称              单位    2027年目标值",
        "1       适龄儿童免疫规划疫苗接种率    %       95",
        "2       甲类传染病报告发病率          /10万    5",
      ).map(([path, name, op, value, unit]) => [path, name, op, value, unit]),
    ).toEqual([
      ["1", "适龄儿童免疫规划疫苗接种率", ">=", 95, "%"],
      ["2", "甲类传染病报告发病率", "<=", 5, "/10万"],
    ]);
  });
});

describe("a plan with no numbered items", () => {
  it("yields the targets of its prose, of no task, with a warning, never a refusal", () => {
    const { taskList, findings } = parsePlan(
      [
        "某县2025年卫生健康重点工作安排",
        "今年要全面提升基层服务能力，全县家庭医生签约服务覆盖率达到75%以上，",
        "孕产妇死亡率控制在10/10万以下。同时做好疫情防控。",
      ].join("\n"),
    );
    expect(taskList.tasks).toEqual([]);
    expect(
      taskList.targets.map((t) => [t.task, t.indicator, t.op, t.op === "between" ? t.min : t.value]),
    ).toEqual([
      ["", "家庭医生签约服务覆盖率", ">=", 75],
      ["", "孕产妇死亡率", "<=", 10],
    ]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["plan.no_items_targets", "warning"]]);
  });

  it("a text with neither items nor targets is still said plainly", () => {
    expect(parsePlan("会议通知\n请各单位准时参会。").findings.map((f) => f.code)).toEqual(["plan.no_items"]);
  });
});

describe("a table with group rows, notes and rows short of cells", () => {
  it("skips group rows and notes, puts a short row's figures under the last headings, reads no formula", () => {
    const plan = [
      "某市健康城市建设主要指标",
      ...["领域", "序号", "指标", "基期水平", "2025年目标值", "2030年目标值", "指标性质"],
      ...["(一)", "健康环境"],
      ...["1", "城市生活垃圾无害化处理率(%)", "92", "≥95", "100", "约束性"],
      "计算方法：无害化处理量/生活垃圾产生量×100%。",
      ...["2", "农村卫生户厕普及率(%)", "75", "85", "预期性"],
      ...["(二)", "健康人群"],
      ...["3", "成人吸烟率(%)", "2015—2020年平均每年下降约0.5%", "持续下降", "预期性"],
    ];
    expect(
      targets(...plan).map(([path, name, op, value, unit, deadline]) => [
        path,
        name,
        op,
        value,
        unit,
        deadline,
      ]),
    ).toEqual([
      ["(一)/1", "城市生活垃圾无害化处理率", ">=", 95, "%", "2025-12-31"],
      ["(一)/1", "城市生活垃圾无害化处理率", ">=", 100, "%", "2030-12-31"],
      ["(一)/2", "农村卫生户厕普及率", ">=", 75, "%", "2025-12-31"],
      ["(一)/2", "农村卫生户厕普及率", ">=", 85, "%", "2030-12-31"],
    ]);
  });
});

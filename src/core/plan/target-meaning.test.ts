import { parsePlan } from "./parse-plan";
import { readTaskListJson, toTaskListJson } from "./task-list-json";
import { inferMethod, inferScope, withMeaning } from "./target-meaning";

/** Scope of a clause as the reader infers it (method from the indicator and unit first, as the parser does). */
const scopeOf = (text: string, indicator: string, unit: string | null) =>
  inferScope(text, indicator, unit, inferMethod(indicator, unit)).scope;

describe("how a target rolls up (method)", () => {
  it.each([
    ["产科质控合格率", "%", "ratio"],
    ["新生儿死亡率", "‰", "ratio"],
    ["甲类传染病报告发病率", "/10万", "ratio"],
    ["新建发热门诊", "家", "sum"],
    ["基本公共卫生服务经费", "万元", "sum"],
    ["服务人次", "人次", "sum"],
    ["达到二级医院服务能力水平的乡镇卫生院数", "所", "sum"],
    ["人均基本公共卫生服务经费", "元", "mean"],
    ["平均住院日", "天", "mean"],
    ["居民人均预期寿命", "岁", "mean"],
    ["电子病历系统应用水平", "级", "mean"],
    ["患者满意度", null, "mean"],
    ["健康发展指数", null, "mean"],
    ["每千人口执业(助理)医师数", "人/千人", "mean"],
    ["床护比", "ratio", "mean"],
    ["急救反应时间", "分钟", "mean"],
    ["门诊次均费用增幅", "%", "mean"],
  ] as const)("%s (%s) → %s", (indicator, unit, method) => {
    expect(inferMethod(indicator, unit)).toBe(method);
  });
});

describe("whom a target applies to (scope)", () => {
  it.each([
    // Each unit: words spreading it over each place, an activity every unit holds, a rate or level by default.
    ["每所乡镇卫生院至少配备2名全科医生", "全科医生数", "名", "each"],
    ["各二级以上医院均设置老年医学科", "设置老年医学科的医院数", "家", "each"],
    ["所有县级医院电子病历应用水平达到4级", "县级医院电子病历应用水平", "级", "each"],
    ["以村为单位适龄儿童免疫规划疫苗接种率保持在95%以上", "适龄儿童免疫规划疫苗接种率", "%", "each"],
    ["每季度开展院感防控培训不少于1次", "院感防控培训次数", "次", "each"],
    ["组织应急演练2场", "应急演练场数", "场", "each"],
    ["三级医院平均住院日不超过8天", "三级医院平均住院日", "天", "each"],
    ["门诊预约诊疗率达到60%", "门诊预约诊疗率", "%", "each"],
    // The area as a whole: words naming it, things made or added, shares of places, population figures.
    ["全县孕产妇死亡率控制在10/10万以下", "孕产妇死亡率", "/10万", "total"],
    ["我区新增二级医院1家", "新增二级医院数", "家", "total"],
    ["辖区内基层医疗卫生机构门诊量占比达到65%", "基层医疗卫生机构门诊量占比", "%", "total"],
    ["建成3个县域医共体", "县域医共体数", "个", "total"],
    ["引进高层次人才20名", "引进高层次人才数", "名", "total"],
    ["80%以上的村卫生室实现医保结算", "实现医保结算的村卫生室比例", "%", "total"],
    ["人均预期寿命达到80岁", "人均预期寿命", "岁", "total"],
    ["居民健康素养水平达到30%", "居民健康素养水平", "%", "total"],
    ["每千人口拥有执业医师数达到3.2人", "每千人口执业医师数", "人/千人", "total"],
    ["投入资金5000万元", "投入资金", "万元", "total"],
  ] as const)("%s → %s", (text, indicator, unit, scope) => {
    expect(scopeOf(text, indicator, unit)).toBe(scope);
  });

  it("does not read 均 in 平均 or 人均, 每 in 每千人口, or a build verb in a place name as a scope word", () => {
    expect(scopeOf("平均住院日不超过9天", "平均住院日", "天")).toBe("each");
    expect(inferScope("人均经费达到90元", "人均经费", "元", "mean").scopeReason.zh).not.toContain("“均”");
    expect(inferScope("新建区名医工作室达到3个", "名医工作室数", "个", "sum").scopeReason.zh).not.toContain(
      "新建",
    );
  });

  it("reads 均 after a list of indicators as spreading the figure over them, not over units", () => {
    const r = inferScope("高血压和糖尿病患者规范管理率均达到65%", "高血压患者规范管理率", "%", "ratio");
    expect(r.scopeReason.zh).not.toContain("“均”");
  });

  it("says why, in both languages", () => {
    const r = inferScope("全市新增互联网医院1-2家", "新增互联网医院数", "家", "sum");
    expect(r.scopeReason).toEqual({
      zh: "“全市”：全区域整体目标",
      en: '"全市": a goal for the area as a whole',
    });
  });

  it("keeps the clerk's scope and method, and reads only what is missing", () => {
    const base = { task: "1", text: "全市孕产妇死亡率≤10/10万", indicator: "孕产妇死亡率", deadline: null };
    const t = withMeaning({
      ...base,
      unitOfMeasure: "/10万",
      op: "<=",
      value: 10,
      scope: "each",
      method: "mean",
    });
    expect([t.scope, t.method, t.scopeReason.zh]).toEqual(["each", "mean", "人工指定"]);
    const read = withMeaning({ ...base, unitOfMeasure: "/10万", op: "<=", value: 10, scope: "all" as never });
    expect([read.scope, read.method]).toEqual(["total", "ratio"]);
  });

  it("is read by the parser for every target, in traditional script too", () => {
    const plan = [
      "2025年某市衛生健康工作要點",
      "一、提升服務能力",
      "1.全市孕產婦死亡率控制在10/10萬以下。",
      "2.各縣區醫院均開展急診急救培訓不少於2次。",
    ].join("\n");
    const { taskList } = parsePlan(plan);
    expect(taskList.targets.map((t) => [t.scope, t.method])).toEqual([
      ["total", "ratio"],
      ["each", "sum"],
    ]);
  });
});

describe("where the reader is unsure (review)", () => {
  const read = (...lines: string[]) =>
    parsePlan(["2025年某县卫生健康工作要点", ...lines].join("\n")).taskList.targets.map(
      (t): [string, string[]] => [t.indicator, [...t.review].sort()],
    );

  it("a rate with no word of direction is read as at least, and says so", () => {
    expect(read("一、重点工作", "1.全县门诊预约诊疗率60%。")).toEqual([["门诊预约诊疗率", ["op_implicit"]]]);
    expect(read("一、重点工作", "1.全县门诊预约诊疗率达到60%以上。")).toEqual([["门诊预约诊疗率", []]]);
  });

  it("a name taken from the clause before, a table cell, a deadline opening the paragraph", () => {
    const named = read("一、重点工作", "1.三级医院预约诊疗率达到70%以上，二级医院达到60%以上。");
    expect(named.map(([name, review]) => [name, review.includes("name_from_context")])).toEqual([
      ["三级医院预约诊疗率", false],
      ["二级医院预约诊疗率", true],
    ]);
    const table = read(
      "序号 | 指标名称 | 2025年目标值 | 责任单位",
      "1 | 全县孕产妇死亡率(/10万) | ≤10 | 县卫健局",
    );
    expect(table[0]?.[1]).toContain("from_table");
    const para = parsePlan(
      [
        "2025年某县卫生健康工作要点",
        "一、主要目标",
        "1.到2027年，全县医疗服务能力明显提升。全县家庭医生签约服务覆盖率达到75%。",
      ].join("\n"),
    ).taskList.targets[0]!;
    expect([para.deadline, para.review]).toEqual(["2027-12-31", ["deadline_from_paragraph"]]);
  });

  it("a scope the plan does not state is marked; one it states is not", () => {
    expect(read("一、重点工作", "1.开展新技术5项以上。")).toEqual([["新技术数", ["scope_default"]]]);
    expect(read("一、重点工作", "1.全县新增家庭医生团队5个以上。")[0]?.[1]).toEqual([]);
  });

  it("survives the task list JSON, and a clerk's choice settles it", () => {
    const list = parsePlan(
      ["2025年某县卫生健康工作要点", "一、重点工作", "1.全县门诊预约诊疗率60%。"].join("\n"),
    ).taskList;
    const json = JSON.parse(JSON.stringify(toTaskListJson(list))) as unknown;
    const back = readTaskListJson(json);
    expect(back.ok && back.taskList.targets[0]?.review).toEqual(["op_implicit"]);
  });
});

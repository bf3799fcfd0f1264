import { parsePlan } from "./parse-plan";

/**
 * Kinds of writing (issue 20), each on phrasings of our own; the corpus test (test/plan/corpus.test.ts) holds them
 * on real documents.
 */
const read = (...lines: string[]) => {
  const { tasks, targets } = parsePlan(lines.join("\n")).taskList;
  const path = new Map(tasks.map((t) => [t.id, t.path.join("/")]));
  return targets.map((t) => [
    path.get(t.task) ?? "",
    t.indicator,
    t.op,
    t.op === "between" ? [t.min, t.max] : t.value,
    t.unitOfMeasure,
    t.deadline,
  ]);
};

describe("what was achieved is not a goal", () => {
  it("nothing under a heading that looks back (工作开展情况, 发展基础, 主要成效) is a target", () => {
    expect(
      read(
        "某区卫生健康局2024年工作总结和2025年工作安排",
        "一、2024年工作开展情况",
        "(一)医疗服务",
        "全区新增家庭医生团队12个，签约服务覆盖率达到68%。",
        "二、2025年工作安排",
        "(一)医疗服务",
        "全区家庭医生签约服务覆盖率达到75%以上。",
      ),
    ).toEqual([["二/(一)", "家庭医生签约服务覆盖率", ">=", 75, "%", null]]);
    expect(
      read(
        "某市卫生健康事业发展规划",
        "一、发展基础",
        "1.服务能力。每千人口床位数达到6.2张，人均预期寿命达到79岁。",
        "二、主要目标",
        "1.到2030年，人均预期寿命达到80岁以上。",
      ),
    ).toEqual([["二/1", "人均预期寿命", ">=", 80, "岁", "2030-12-31"]]);
  });

  it("a report written as one (a 工作总结 with no plan in it) has no targets", () => {
    expect(
      read(
        "某县2024年卫生健康工作总结",
        "一、深化改革",
        "1.推进医共体建设。全县组建医共体3个，覆盖率达到100%。",
      ),
    ).toEqual([]);
  });

  it("a clause opened by a year before the plan's, or said as done, reports the past", () => {
    expect(
      read(
        "2025年某县卫生健康工作要点",
        "一、加强党建",
        "1.落实研判制度，2024年召开分析研判会4次，今年每季度召开研判会不少于1次。",
        "2.已完成适龄儿童接种12000例，累计培训乡村医生300人，全年力争培训乡村医生200人以上。",
      ).map(([path, name, op, value]) => [path, name, op, value]),
    ).toEqual([
      ["一/1", "研判会次数", ">=", 1],
      ["一/2", "乡村医生人数", ">=", 200],
    ]);
  });

  it("a year before the plan's with a goal in the same sentence stays a goal", () => {
    expect(
      read("2025年某市工作要点", "一、目标", "1.在2024年基础上，力争孕产妇系统管理率提高到92%以上。").map(
        ([, , op, value]) => [op, value],
      ),
    ).toEqual([[">=", 92]]);
  });
});

describe("a figure said as a fact is not a goal", () => {
  it("a share with 占, a figure with 为, a figure alone in brackets: facts, unless the sentence sets a goal", () => {
    expect(
      read(
        "某市2025年健康促进工作要点",
        "一、健康知识普及",
        "(一)普及健康知识。研究显示，生活方式因素对健康的影响占到60%，慢性病死亡约占总死亡的88%。",
        "(二)控制烟草危害。全市15岁以上人群吸烟率为24.1%，戒烟原因中担心健康(38.7%)居首。",
        "(三)提升健康素养。到2025年，居民健康素养水平为30%，无烟单位占比达到80%以上，控烟宣传覆盖率(不低于90%)。",
      ),
    ).toEqual([
      ["一/(三)", "居民健康素养水平", ">=", 30, "%", "2025-12-31"],
      ["一/(三)", "无烟单位占比", ">=", 80, "%", "2025-12-31"],
      ["一/(三)", "控烟宣传覆盖率", ">=", 90, "%", "2025-12-31"],
    ]);
  });
});

describe("one figure shared out", () => {
  it("levels named together (市县两级, 省市县三级) are one subject each", () => {
    expect(
      read(
        "某省2025年疾病预防控制工作要点",
        "一、体系建设",
        "(一)完善疾控网络。省市县三级分别建成标准化实验室1个以上，县乡两级均配备专职人员不少于2名。",
        "(二)强化监测。市县两级监测点数量达到5个。",
      ).map(([, name, op, value]) => [name, op, value]),
    ).toEqual([
      ["省级标准化实验室数", ">=", 1],
      ["市级标准化实验室数", ">=", 1],
      ["县级标准化实验室数", ">=", 1],
      ["县级专职人员人数", ">=", 2],
      ["乡级专职人员人数", ">=", 2],
      // (Not shared out: one figure for the two together.)
      ["市县两级监测点数量", ">=", 5],
    ]);
  });
});

describe("deadlines", () => {
  it("years said together are shared out by 分别 in order", () => {
    expect(
      read(
        "某省健康行动实施方案",
        "一、主要指标",
        "1.到2025年和2030年，全省居民健康素养水平分别不低于25%和30%。",
      ).map(([, , op, value, unit, deadline]) => [op, value, unit, deadline]),
    ).toEqual([
      [">=", 25, "%", "2025-12-31"],
      [">=", 30, "%", "2030-12-31"],
    ]);
  });

  it("a year a change is measured from is not the deadline", () => {
    expect(
      read(
        "某市近视防控方案",
        "一、目标",
        "1.到2026年，儿童青少年总体近视率在2021年的基础上每年降低0.5个百分点以上。",
      ).map(([, , , value, , deadline]) => [value, deadline]),
    ).toEqual([[0.5, "2026-12-31"]]);
  });

  it("a year in the line that opens a list is the deadline of every target in the list", () => {
    expect(
      read(
        "某区爱国卫生工作实施意见",
        "一、工作目标",
        "(一)阶段性目标。到2027年，全区实现以下目标：",
        "1.农村卫生户厕普及率达到90%以上。",
        "2.2026年底前建成卫生村20个。",
      ).map(([path, , , value, , deadline]) => [path, value, deadline]),
    ).toEqual([
      ["一/(一)/1", 90, "2027-12-31"],
      ["一/(一)/2", 20, "2026-12-31"],
    ]);
  });

  it("a deadline in brackets after a sentence is that sentence's", () => {
    expect(
      read(
        "某市健康行动工作计划",
        "一、重点工作",
        "1.组建健康科普专家库，遴选专家200名以上。(2026年6月底前完成)",
      ).map(([, , , value, , deadline]) => [value, deadline]),
    ).toEqual([[200, "2026-06-30"]]);
  });
});

describe("units of measure outside the usual ones", () => {
  it("are read from what follows the number: per a time or a person, measures, an alternative in brackets", () => {
    expect(
      read(
        "2025年某市卫生健康工作要点",
        "一、重点工作",
        "1.全市核酸检测能力达到5000管/日以上，人均基本公共卫生服务经费不低于94元/人。",
        "2.新建业务用房不少于3000平方米，年采血量达到12吨，采购血液制品200公斤以上。",
        "3.向市卫健委报送信息不少于24期(篇)，服务群众达到50万人次以上。",
        "4.全年体检人数达到120万以上。",
      ).map(([, , op, value, unit]) => [op, value, unit]),
    ).toEqual([
      [">=", 5000, "管/日"],
      [">=", 94, "元/人"],
      [">=", 3000, "平方米"],
      [">=", 12, "吨"],
      [">=", 200, "公斤"],
      [">=", 24, "期(篇)"],
      [">=", 50, "万人次"],
      [">=", 120, "万人"],
    ]);
  });
});

describe("tables written without separators, and tables of contents", () => {
  it("reads each numbered row of a table whose cells lost their separators, rows of a longer table kept", () => {
    const { taskList } = parsePlan(
      [
        "2024年某县重点工作责任清单",
        "序号 重点工作任务 牵头领导 牵头单位 责任单位",
        "12 新增托育机构2所以上。 张三 县卫健委 有关乡镇",
        "15 全县孕产妇死亡率控制在12/10万以下。 李四 县卫健委 县妇幼保健院",
      ].join("\n"),
    );
    expect(taskList.tasks.map((t) => [t.path.join("/"), t.title])).toEqual([
      ["12", "新增托育机构2所以上"],
      ["15", "全县孕产妇死亡率控制在12/10万以下"],
    ]);
    expect(
      taskList.targets.map((t) => [t.op, t.op === "between" ? t.min : t.value, t.unitOfMeasure]),
    ).toEqual([
      [">=", 2, "所"],
      ["<=", 12, "/10万"],
    ]);
  });

  it("a table of contents lists headings, it holds none", () => {
    const { taskList } = parsePlan(
      [
        "某市健康行动",
        "目录",
        "一、总体要求……………………………… 3",
        "二、主要任务………………………………… 5",
        "一、总体要求",
        "(一)指导思想。坚持预防为主。",
      ].join("\n"),
    );
    expect(taskList.tasks.map((t) => [t.path.join("/"), t.title])).toEqual([["一/(一)", "指导思想"]]);
  });
});

describe("titles", () => {
  const head = (text: string) => {
    const { title, year } = parsePlan(text).taskList;
    return [title, year];
  };

  it("a title wrapped over two lines is read whole, with its year", () => {
    expect(head("某县2025年卫生健康\n工作要点\n一、重点工作\n1.加强管理。")).toEqual([
      "某县2025年卫生健康工作要点",
      2025,
    ]);
    expect(head("某市卫生健康委员会\n2024年工作要点\n一、重点工作\n1.加强管理。")).toEqual([
      "某市卫生健康委员会2024年工作要点",
      2024,
    ]);
  });

  it("a date or 附件 above a title is not its start, nor a document a notice cites", () => {
    expect(head("2025年3月1日\n附件\n2025年某区工作要点\n一、重点工作\n1.加强管理。")).toEqual([
      "2025年某区工作要点",
      2025,
    ]);
    expect(
      head(
        "根据《健康中国行动（2019—2030年）》要求，现印发。\n某市健康城市建设实施方案\n一、目标\n1.加强管理。",
      )[0],
    ).toBe("某市健康城市建设实施方案");
  });

  it("any organisation is a responsible unit, an unfamiliar one kept", () => {
    const { tasks } = parsePlan(
      "2025年某市工作要点\n一、重点工作\n1.开展妇女两癌筛查。(责任单位:市妇联、团市委、市总工会、市科协、市红十字会、市计生协、市残联、各乡镇人民政府、街道办事处、某某新区社会事业服务中心)",
    ).taskList;
    expect(tasks[0]?.responsible).toEqual([
      "市妇联",
      "团市委",
      "市总工会",
      "市科协",
      "市红十字会",
      "市计生协",
      "市残联",
      "各乡镇人民政府",
      "街道办事处",
      "某某新区社会事业服务中心",
    ]);
  });
});

describe("item labels", () => {
  it("a label followed by a number of its text, and a long table's rows past 999", () => {
    const labels = parsePlan(
      "2025年某县工作要点\n一、妇幼健康\n11.加强管理。\n12.0-6岁儿童眼保健和视力检查覆盖率达到90%以上。\n13.65岁以上老年人健康管理率达到70%。",
    ).taskList;
    expect(labels.tasks.map((t) => t.path.join("/"))).toEqual(["一/11", "一/12", "一/13"]);
    expect(labels.targets.map((t) => t.indicator)).toEqual([
      "0-6岁儿童眼保健和视力检查覆盖率",
      "65岁以上老年人健康管理率",
    ]);
    const long = parsePlan("某表\n序号 | 指标 | 目标值\n999 | 乙率 | 80%\n1000 | 丙率 | 70%").taskList;
    expect(long.tasks.map((t) => [t.path.join("/"), t.title])).toEqual([
      ["999", "乙率"],
      ["1000", "丙率"],
    ]);
  });

  it("a list that starts where an earlier part left off, and text labels past 999", () => {
    const runOn = parsePlan(
      "某市2025年妇幼健康工作要点\n一、儿童健康\n12.0-6岁儿童健康管理率达到90%以上。\n13.3岁以下儿童系统管理率达到85%以上。",
    ).taskList;
    expect(runOn.tasks.map((t) => t.path.join("/"))).toEqual(["一/12", "一/13"]);
    expect(runOn.targets.map((t) => [t.indicator, "value" in t ? t.value : null])).toEqual([
      ["0-6岁儿童健康管理率", 90],
      ["3岁以下儿童系统管理率", 85],
    ]);
    // Alone, a figure after a number is text: "2.5亿元" under a heading is no item 2.
    const decimal = parsePlan(
      "某县2025年工作要点\n一、保障\n2.5亿元用于基层设施。\n二、其他\n1.加强宣传。",
    ).taskList;
    expect(decimal.tasks.map((t) => t.path.join("/"))).toEqual(["一", "二/1"]);
    const lines = ["某省2025年重点任务清单", "一、重点任务"];
    for (let n = 998; n <= 1001; n++) lines.push(`${n}.推进第${n}项工作。`);
    lines.push("2026.全年完成率达到90%以上。");
    const long = parsePlan(lines.join("\n")).taskList;
    expect(long.tasks.map((t) => t.path.join("/"))).toEqual(["一/998", "一/999", "一/1000", "一/1001"]);
  });

  it("a heading's number written twice, each opening its own list, is the next heading", () => {
    const twice = parsePlan(
      [
        "某县2025年卫生健康工作要点",
        "一、提升医疗服务能力",
        "（一）推进分级诊疗。县域内就诊率达到90%以上。",
        "（二）加强急救体系。",
        "一、加强公共卫生",
        "（一）做好疾病防控。适龄儿童疫苗接种率保持在95%以上。",
        "三、强化保障",
        "1.加强组织领导。",
      ].join("\n"),
    ).taskList;
    expect(twice.tasks.map((t) => [t.path.join("/"), t.title])).toEqual([
      ["一/(一)", "推进分级诊疗"],
      ["一/(二)", "加强急救体系"],
      ["一/(一)", "做好疾病防控"],
      ["三/1", "加强组织领导"],
    ]);
    expect(twice.targets.map((t) => [t.task, t.indicator])).toEqual([
      ["1", "县域内就诊率"],
      ["3", "适龄儿童疫苗接种率"],
    ]);
    // A "一、" inside a paragraph, opening no list, stays text.
    const stray = parsePlan(
      "某县2025年工作要点\n一、总体要求\n（一）加强领导。\n一、是坚持人民至上。\n二、保障",
    ).taskList;
    expect(stray.tasks.map((t) => t.title)).toEqual(["加强领导", "保障"]);
  });
});

describe("pages pasted from a document-sharing site", () => {
  const para = (n: number) => `加强第${n}项工作，落实各项措施，确保取得实效，`.repeat(12);
  it("drops the page marks run into the text, joins the words they split, and reads the plan run together", () => {
    const inline = parsePlan(
      [
        "某县健康促进行动方案(2024-2025年).docx",
        "下载文档",
        `1、某县健康促进行动方案(2024-2025年)为提升群众健康水平，制定本方案。一、总体要求到2025年，${para(1)}全县居民健康素养水平达到30%以上。2、${para(2)}重点人群家庭医生签约覆盖率达到75%，65岁以上老年人健康管理率达到3、72%以上。二、保障措施${para(3)}`,
      ].join("\n"),
    ).taskList;
    expect([inline.title, inline.year]).toEqual(["某县健康促进行动方案(2024-2025年)", 2024]);
    expect(inline.tasks.map((t) => [t.path.join("/"), t.title])).toEqual([
      ["一", "总体要求"],
      ["二", "保障措施"],
    ]);
    expect(inline.targets.map((t) => [t.indicator, "value" in t ? t.value : null, t.deadline])).toEqual([
      ["居民健康素养水平", 30, "2025-12-31"],
      ["重点人群家庭医生签约覆盖率", 75, "2025-12-31"],
      ["65岁以上老年人健康管理率", 72, "2025-12-31"],
    ]);
    // Marks that start the lines of pages broken in mid-sentence.
    const lines = parsePlan(
      [
        `1、某市基本公共卫生服务考核标准。${para(1)}孕产妇早孕建册`,
        `2、率达到60%以上，${para(2)}高血压患者规范管理率达到`,
        "3、65%以上。",
      ].join("\n"),
    ).taskList;
    expect(lines.targets.map((t) => [t.indicator, "value" in t ? t.value : null])).toEqual([
      ["孕产妇早孕建册率", 60],
      ["高血压患者规范管理率", 65],
    ]);
  });

  it("a plan's own list numbered 1、 2、 stays a list", () => {
    const list = parsePlan(
      ["某县2025年卫生健康工作要点", "1、提升服务能力。乡镇卫生院达标率达到90%。", "2、加强疾病防控。"].join(
        "\n",
      ),
    ).taskList;
    expect(list.tasks.map((t) => t.title)).toEqual(["提升服务能力", "加强疾病防控"]);
  });
});

describe("a list inside the numbered paragraphs", () => {
  it("a list the paragraph opens (包括：, 如下：) starts at 1 again, and the paragraphs' numbers go on after it", () => {
    const plan = parsePlan(
      [
        "某区2025年卫生健康工作要点",
        "11.加强基层能力建设，重点包括：",
        "  1.完成5所卫生院改造；",
        "  2.培训乡村医生200名。",
        "12.推进家庭医生签约，签约覆盖率达到45%。",
        "相关链接：",
        "1.市卫生健康委网站",
      ].join("\n"),
    ).taskList;
    expect(plan.tasks.map((t) => [t.path.join("/"), t.title])).toEqual([
      ["11", "加强基层能力建设，重点包括"],
      ["1", "完成5所卫生院改造"],
      ["2", "培训乡村医生200名"],
      ["12", "推进家庭医生签约，签约覆盖率达到45%"],
    ]);
    // Without words that open a list, a second 1. is the page's links after the plan.
    const links = parsePlan(
      "某区2025年工作要点\n1.加强管理。\n2.推进改革。\n1.某某网站\n2.某某网站",
    ).taskList;
    expect(links.tasks.map((t) => t.title)).toEqual(["加强管理", "推进改革"]);
  });
});

import { parsePlan } from "./parse-plan";
import type { Target } from "./types";

/** Parses a one-task plan built around `body` and returns its targets in a compact form. */
function targetsOf(body: string): string[] {
  const { taskList } = parsePlan(`2024年某市卫生健康工作要点\n一、重点任务\n1.加强管理。${body}`);
  return taskList.targets.map(show);
}

/** Parses a whole plan text and returns its targets as "indicator op value unit". */
function namedTargets(text: string): string[] {
  return parsePlan(text).taskList.targets.map((t) => `${t.indicator} ${show(t)}`);
}

function show(t: Target): string {
  const n = t.op === "between" ? `${t.min}-${t.max}` : String(t.value);
  return `${t.op} ${n} ${t.unitOfMeasure ?? "null"}${t.deadline ? ` @${t.deadline}` : ""}`;
}

describe("numbering and tasks", () => {
  it("numbers afresh in each part of a plan written in parts (第一部分, 第二部分), which are neither items nor the title", () => {
    const text = [
      "2026年全市卫生健康工作要点",
      "第一部分 2026年重点工作",
      "一、深化医改",
      "（一）推进医共体建设。县域就诊率达到90%。",
      "二、公共卫生",
      "（一）做好疫苗接种。",
      "第二部分 保障措施",
      "一、加强组织领导。",
      "（一）压实责任。",
      "二、强化考核督导。",
    ].join("\n");
    const { taskList } = parsePlan(text);
    expect(taskList.title).toBe("2026年全市卫生健康工作要点");
    expect(taskList.tasks.map((t) => `${t.path.join("/")} ${t.title}`)).toEqual([
      "一/(一) 推进医共体建设",
      "二/(一) 做好疫苗接种",
      "一/(一) 压实责任",
      "二 强化考核督导",
    ]);
    expect(taskList.targets.map((t) => t.task)).toEqual(["1"]);
  });

  it("makes the leaves tasks, with the nearest preceding lower rank as parent", () => {
    const text = [
      "某市2024年卫生健康工作要点",
      "一、指导思想",
      "以人民健康为中心。",
      "二、重点任务",
      "（一）提升服务能力",
      "1.加强专科建设。内容。",
      "2．改善服务。内容。",
      "（二）强化公共卫生",
      "1、做好疫情防控。内容。",
      "（1）细化措施。内容。",
      "（2）落实责任。",
      "①压实属地责任。",
      "三、保障措施",
    ].join("\n");
    const { taskList } = parsePlan(text);
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual([
      "一",
      "二/(一)/1",
      "二/(一)/2",
      "二/(二)/1/(1)",
      "二/(二)/1/(2)/①",
      "三",
    ]);
    expect(taskList.tasks.map((t) => t.title)).toEqual([
      "指导思想",
      "加强专科建设",
      "改善服务",
      "细化措施",
      "压实属地责任",
      "保障措施",
    ]);
    expect(taskList.tasks.map((t) => t.id)).toEqual(["1", "2", "3", "4", "5", "6"]);
    expect(taskList.year).toBe(2024);
  });

  it("reads ⑴ as (1)", () => {
    const { taskList } = parsePlan("一、任务\n⑴甲。\n⑵乙。");
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/(1)", "一/(2)"]);
  });

  it("reads 一） and 1） with the opening bracket left out as (一) and (1)", () => {
    const { taskList } = parsePlan(
      "一、保障\n一）加强组织领导。\n二）强化督查。\n1）按月调度。\n2）按季通报。",
    );
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/(一)", "一/(二)/(1)", "一/(二)/(2)"]);
  });

  it("reads ㈠ as (一) and ⒈ as 1 (single characters from Word and WPS)", () => {
    const { taskList } = parsePlan("一、任务\n㈠质量\n⒈甲。\n⒉乙。\n㈡护理\n⒈丙。");
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/(一)/1", "一/(一)/2", "一/(二)/1"]);
  });

  it("lets 1. sit directly under 一、 and keeps numbers that continue across sections", () => {
    const { taskList } = parsePlan("一、强化能力\n1.甲。\n2.乙。\n二、加强统筹\n3.丙。\n4.丁。");
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/1", "一/2", "二/3", "二/4"]);
  });

  it("does not take decimals, years, 一是 or stray numbers for items", () => {
    const { taskList } = parsePlan(
      "一、总体要求\n1.加强领导。\n1.5亿元投入到位。\n一是加强领导。\n2024年3月25日\n7.不是下一个编号。",
    );
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/1"]);
  });

  it("reads an item label run into an age or a year (11.15岁以上…) when it continues the list", () => {
    const { taskList } = parsePlan(
      "一、健康促进\n10.开展健康讲座。\n11.15岁以上人群吸烟率降低到20%以下。\n12.2025年底前建成健康步道5条。\n二、其他\n1.投入资金\n2.5亿元用于建设。\n三、老年健康\n1.65岁以上老年人健康管理率达到70%。",
    );
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/10", "一/11", "一/12", "二/1", "三/1"]);
    const months = parsePlan("一、任务\n1.6月底前完成评估。\n2.上半年建成胸痛中心2个。");
    expect(months.taskList.tasks.map((t) => `${t.path.join("/")} ${t.title}`)).toEqual([
      "一/1 6月底前完成评估",
      "一/2 上半年建成胸痛中心2个",
    ]);
    expect(taskList.targets.map((t) => `${t.task} ${show(t)}`)).toContain("2 <= 20 %");
    const ranges = parsePlan(
      "一、儿童健康\n1.0-6岁儿童眼保健覆盖率达到90%。\n2.2型糖尿病患者规范管理率达到60%。\n3.100%的乡镇卫生院设置中医馆。\n4.120急救电话接听率达到95%。",
    );
    expect(ranges.taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/1", "一/2", "一/3", "一/4"]);
    expect(ranges.taskList.targets.map((t) => `${t.indicator} ${show(t)}`)).toEqual([
      "0-6岁儿童眼保健覆盖率 >= 90 %",
      "2型糖尿病患者规范管理率 >= 60 %",
      "设置中医馆的乡镇卫生院比例 >= 100 %",
      "120急救电话接听率 >= 95 %",
    ]);
  });

  it("splits items run on in one line (（一）…；（二）…；（三）…)", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.做好工作。\n二、保障措施\n（一）加强组织领导；（二）强化资金保障；（三）严格督导考核。",
    );
    expect(taskList.tasks.map((t) => `${t.path.join("/")} ${t.title}`)).toEqual([
      "一/1 做好工作",
      "二/(一) 加强组织领导",
      "二/(二) 强化资金保障",
      "二/(三) 严格督导考核",
    ]);
  });

  it("reads a page copied without its paragraph breaks, one item per label that continues the numbering", () => {
    const text =
      "首页 > 政务公开【字体：大 中 小】2026年某县卫生健康工作要点发布时间：2026-02-01 坚持统一、规范、高效。" +
      "第一部分 2025年工作回顾一、医改取得进展县域就诊率达到88%。" +
      "第二部分 2026年重点工作一、深化医改（一）推进医共体建设。1.完善管理体制，县域就诊率达到90%；" +
      "2.3家卫生院达到推荐标准；3.2026年9月底前建成胸痛中心2个。（二）推进分级诊疗。" +
      "二、保障措施注：1.各单位每季度末报送进展；2.联系人：张三。相关链接：1.省卫生健康委员会";
    const { taskList, findings } = parsePlan(text);
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(["warning plan.run_together"]);
    expect([taskList.title, taskList.year]).toEqual(["2026年某县卫生健康工作要点", 2026]);
    expect(taskList.tasks.map((t) => `${t.path.join("/")} ${t.title}`)).toEqual([
      "一 医改取得进展县域就诊率达到88%",
      "一/(一)/1 完善管理体制，县域就诊率达到90%",
      "一/(一)/2 3家卫生院达到推荐标准",
      "一/(一)/3 2026年9月底前建成胸痛中心2个",
      "一/(二) 推进分级诊疗",
      // (The heading's word ends its title: the note after it is its paragraph, run into it.)
      "二 保障措施",
    ]);
    expect(taskList.targets.map((t) => `${t.task} ${show(t)}`)).toEqual([
      "1 >= 88 %",
      "2 >= 90 %",
      "3 >= 3 家",
      "4 >= 2 个 @2026-09-30",
    ]);
  });

  it("splits a heading run into its first item, and the title run into the first heading, in a plan with its breaks", () => {
    const { taskList, findings } = parsePlan(
      "2026年某市卫生健康工作要点一、深化改革1.推进医共体建设。\n2.推进分级诊疗。\n二、公共卫生（一）做好疫苗接种。\n（二）加强慢病管理。",
    );
    expect([taskList.title, taskList.year]).toEqual(["2026年某市卫生健康工作要点", 2026]);
    expect(taskList.tasks.map((t) => `${t.path.join("/")} ${t.title}`)).toEqual([
      "一/1 推进医共体建设",
      "一/2 推进分级诊疗",
      "二/(一) 做好疫苗接种",
      "二/(二) 加强慢病管理",
    ]);
    expect(findings).toEqual([]);
    // Not a list inside a sentence, a figure in a heading's title, or a programme's name in quotes.
    expect(
      parsePlan(
        "一、改革\n（一）推进医共体建设。1.完善体制。\n（二）总量1.5万人\n（三）实施“1、3、5”工程。\n（四）医院1、2号楼建设",
      ).taskList.tasks.map((t) => t.path.join("/")),
    ).toEqual(["一/(一)", "一/(二)", "一/(三)", "一/(四)"]);
    expect(
      parsePlan(
        "2026年工作要点一、任务（一）实施“1、3、5”工程。（二）推进改革。二、保障（一）加强领导。",
      ).taskList.tasks.map((t) => `${t.path.join("/")} ${t.title}`),
    ).toEqual(["一/(一) 实施“1、3、5”工程", "一/(二) 推进改革", "二/(一) 加强领导"]);
  });

  it("passes over a number skipped once in numbers that run on across sections", () => {
    const { taskList } = parsePlan(
      "一、改革\n1.推进医共体建设。\n2.推进分级诊疗。\n二、公卫\n4.做好疫苗接种。\n5.加强慢病管理。",
    );
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/1", "一/2", "二/4", "二/5"]);
  });

  it("leaves a list inside a paragraph or a table cell as written when the plan has its breaks", () => {
    const { taskList, findings } = parsePlan(
      "一、改革\n（一）推进医共体建设。1.完善管理体制；2.推进资源共享；3.强化考核。\n（二）推进分级诊疗。\n二、保障",
    );
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/(一)", "一/(二)", "二"]);
    expect(findings).toEqual([]);
    // Nor when an opening paragraph lists the headings to come: reading it split would find fewer tasks.
    const intro = parsePlan(
      "2026年某市卫生健康工作要点\n全年重点做好两方面工作：一、深化医改；二、公共卫生。\n一、深化医改\n" +
        "1.推进医共体建设。\n2.推进分级诊疗。\n二、公共卫生\n1.做好疫苗接种。",
    );
    expect(intro.taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/1", "一/2", "二/1"]);
    expect(intro.findings).toEqual([]);
    // Nor is a table row split at the labels of a list in its cell, and the labels are not part of the names.
    const table = parsePlan(
      "序号 | 工作任务 | 目标要求 | 牵头单位\n1 | 推进医共体建设 | 1.县域就诊率达到90%；2.基层就诊率65%以上 | 医政科\n" +
        "2 | 健康促进 | （1）居民健康素养水平达到32%；（2）建成健康步道2条 | 健康教育所",
    );
    expect(table.findings).toEqual([]);
    expect(
      table.taskList.tasks.map((t) => `${t.path.join("/")} ${t.title} ${t.responsible.join("、")}`),
    ).toEqual(["1 推进医共体建设 医政科", "2 健康促进 健康教育所"]);
    expect(table.taskList.targets.map((t) => `${t.task} ${t.indicator} ${show(t)}`)).toEqual([
      "1 县域就诊率 >= 90 %",
      "1 基层就诊率 >= 65 %",
      "2 居民健康素养水平 >= 32 %",
      "2 健康步道数 >= 2 条",
    ]);
  });

  it("reads labels with a space inside them (一 、, 1 ., （ 二 ）), as documents converted from PDF have", () => {
    const { taskList } = parsePlan(
      "一 、加强建设\n1 .新建社区医院2家。\n2 、改造卫生院3所。\n二、其他\n（ 一 ）加强领导。",
    );
    expect(taskList.tasks.map((t) => `${t.path.join("/")} ${t.title}`)).toEqual([
      "一/1 新建社区医院2家",
      "一/2 改造卫生院3所",
      "二/(一) 加强领导",
    ]);
  });

  it("passes over a number skipped once, so the items after it are kept", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.加强管理。\n2.完善制度。\n4.强化考核。\n5.做好宣传。\n7.2.5亿元。",
    );
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/1", "一/2", "一/4", "一/5"]);
  });

  it("does not take a second list starting at 1. under the same section for items", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.甲。\n2.乙。\n1.2024年某市卫生工作总结\n2.2023年某市卫生工作要点",
    );
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/1", "一/2"]);
  });

  it("gives indicators and responsible units back in the document's own script", () => {
    const { taskList } = parsePlan(
      "一、任務\n（一）愛國衛生。國家衛生鄉鎮佔比達到30%以上，新增發熱門診5個。\n牽頭單位：規劃信息處（愛衛辦）",
    );
    expect(taskList.tasks[0]!.responsible).toEqual(["規劃信息處(愛衛辦)"]);
    expect(taskList.targets.map((t) => t.indicator)).toEqual(["國家衛生鄉鎮佔比", "發熱門診數"]);
  });

  it("reads a traditional-script table with 序號 and 責任單位 columns", () => {
    const { taskList } = parsePlan(
      "2024年工作要點\n序號 | 工作任務 | 責任單位\n1 | 推進互認 | 醫政醫管處、規劃處",
    );
    expect(taskList.tasks.map((t) => [t.title, t.responsible])).toEqual([
      ["推進互認", ["醫政醫管處", "規劃處"]],
    ]);
  });

  it("reads traditional script", () => {
    const { taskList } = parsePlan(
      "醫政工作要點\n一、推進醫改\n（一）實施改善醫療服務行動。確保縣域內就診率達90%左右。",
    );
    expect(taskList.tasks[0]?.path).toEqual(["一", "(一)"]);
    expect(taskList.tasks[0]?.title).toBe("實施改善醫療服務行動");
    expect(taskList.targets.map(show)).toEqual(["approx 90 %"]);
    // The words a count or a rate is read by, in traditional characters: 創建, 聽力, 獻血, 壽命, 檔案.
    expect(
      namedTargets(
        "一、任務\n1.創建國家級健康促進醫院2家，新生兒聽力篩查率達到95%，無償獻血人次增長5%，人均預期壽命達到80歲，居民電子健康檔案建檔率達到90%。",
      ),
    ).toEqual([
      "國家級健康促進醫院數 >= 2 家",
      "新生兒聽力篩查率 >= 95 %",
      "無償獻血人次 >= 5 %",
      "人均預期壽命 >= 80 岁",
      "居民電子健康檔案建檔率 >= 90 %",
    ]);
  });

  it("reads tasks from a table with 序号 and 责任单位 columns", () => {
    const text = [
      "2024年重点任务清单",
      "序号 | 重点任务 | 目标 | 责任单位",
      "1 | 提升基层能力 | 家庭医生签约服务覆盖率达到75% | 基层卫生处、医政医管处",
      "2 | 加强妇幼健康 | 孕产妇死亡率控制在10/10万以下 | 妇幼健康处",
    ].join("\n");
    const { taskList } = parsePlan(text);
    expect(taskList.tasks.map((t) => [t.path.join("/"), t.title, t.responsible.join("、")])).toEqual([
      ["1", "提升基层能力", "基层卫生处、医政医管处"],
      ["2", "加强妇幼健康", "妇幼健康处"],
    ]);
    expect(taskList.targets.map((t) => `${t.task} ${show(t)}`)).toEqual(["1 >= 75 %", "2 <= 10 /10万"]);
  });

  it("reads a table of indicators: the value cell with the row's indicator and the unit in its brackets", () => {
    const { taskList } = parsePlan(
      "主要指标任务分解表\n序号 | 指标名称 | 2025年目标值 | 责任单位\n" +
        "1 | 孕产妇死亡率（/10万） | ≤10 | 妇幼科\n2 | 居民健康素养水平（%） | ≥30 | 健康促进科\n" +
        "3 | 每千人口执业（助理）医师数（人） | 3.2 | 医政科\n4 | 平均住院日（天） | ≤8 | 医政科\n5 | 县域内就诊率 | 90%以上 | 医政科",
    );
    expect(taskList.tasks.map((t) => t.title)).toEqual([
      "孕产妇死亡率（/10万）",
      "居民健康素养水平（%）",
      "每千人口执业（助理）医师数（人）",
      "平均住院日（天）",
      "县域内就诊率",
    ]);
    expect(taskList.targets.map((t) => `${t.task} ${t.indicator} ${show(t)}`)).toEqual([
      // (The year of the 2025年目标值 column is each goal's deadline.)
      "1 孕产妇死亡率 <= 10 /10万 @2025-12-31",
      "2 居民健康素养水平 >= 30 % @2025-12-31",
      "3 每千人口执业(助理)医师数 >= 3.2 人/千人 @2025-12-31",
      "4 平均住院日 <= 8 天 @2025-12-31",
      "5 县域内就诊率 >= 90 % @2025-12-31",
    ]);
    // A column of scores is not one of targets.
    const scored = parsePlan("考核表\n序号 | 考核内容 | 分值 | 责任单位\n1 | 县域内就诊率 | 10 | 医政科");
    expect(scored.taskList.targets).toEqual([]);
  });

  it("reads the unit of a table of indicators from its 单位 column", () => {
    const { taskList } = parsePlan(
      "主要指标任务分解表\n序号 | 指标名称 | 单位 | 2026年目标值 | 责任单位\n" +
        "1 | 人均预期寿命 | 岁 | ≥79.5 | 卫健局\n2 | 孕产妇死亡率 | /10万 | ≤12 | 妇幼保健院\n" +
        "3 | 县域内住院量占比 | % | 75 | 县人民医院、县中医院",
    );
    expect(taskList.tasks.map((t) => `${t.title} ${t.responsible.join("、")}`)).toEqual([
      "人均预期寿命 卫健局",
      "孕产妇死亡率 妇幼保健院",
      "县域内住院量占比 县人民医院、县中医院",
    ]);
    expect(taskList.targets.map((t) => `${t.indicator} ${show(t)}`)).toEqual([
      "人均预期寿命 >= 79.5 岁 @2026-12-31",
      "孕产妇死亡率 <= 12 /10万 @2026-12-31",
      "县域内住院量占比 >= 75 % @2026-12-31",
    ]);
  });

  it("ignores the issuing notice before the title and the page furniture after the body", () => {
    const text = [
      "关于印发《2025年某区医政工作要点》的通知",
      "各单位：现将要点印发给你们。",
      "2025年某区医政工作要点",
      "一、优布局",
      "1.加快建设。建成3家社区医院。",
      "来源：某区卫健委",
      "1.相关新闻一",
    ].join("\n");
    const { taskList } = parsePlan(text);
    expect(taskList.title).toBe("2025年某区医政工作要点");
    expect(taskList.tasks.map((t) => t.path.join("/"))).toEqual(["一/1"]);
  });

  it("finds the title of a task list or a work-arrangement document, and its year", () => {
    for (const title of [
      "XX区2025年卫生健康重点工作任务清单",
      "2025年全市卫生健康工作安排",
      "2025年卫生健康工作重点",
      "2025年度全市卫生健康重点工作任务分解表",
      "2025年某市卫生健康事业发展主要指标",
      "2025年度卫生健康工作目标责任书",
    ]) {
      const { taskList } = parsePlan(`${title}\n一、任务\n1.加强管理。`);
      expect([taskList.title, taskList.year]).toEqual([title, 2025]);
    }
  });

  it("takes the title from the next line when a label stands alone", () => {
    const { taskList } = parsePlan("一、\n加强领导。内容。\n二、\n强化保障");
    expect(taskList.tasks.map((t) => t.title)).toEqual(["加强领导", "强化保障"]);
  });

  it("joins hard-wrapped lines so a target is not cut in two", () => {
    const { taskList } = parsePlan(
      "一、重点任务\n1.妇幼健康。加强母婴安全保障，全面落实五项制度，全市孕产妇死亡率\n控制在10/10万以下。",
    );
    expect(taskList.targets.map(show)).toEqual(["<= 10 /10万"]);
  });

  it("reports a text with no numbered items", () => {
    const { taskList, findings } = parsePlan("这是一段没有编号的文字。\n第二段。");
    expect(taskList.tasks).toEqual([]);
    expect(findings.map((f) => f.code)).toEqual(["plan.no_items"]);
    expect(parsePlan("  \n").findings.map((f) => f.code)).toEqual(["plan.empty"]);
  });
});

describe("responsible units", () => {
  it("reads a 责任单位 clause, removing role words and keeping the lead first", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.加强建设。内容。(责任单位:市卫健委牵头,市发改委、市民政局等按职责分工负责)",
    );
    expect(taskList.tasks[0]?.responsible).toEqual(["市卫健委", "市发改委", "市民政局"]);
  });

  it("reads labelled pieces inside one bracket once each, in order, whatever comes first", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.医保。内容。（牵头单位：市医保局；责任单位：市卫健委，各县区政府）\n" +
        "2.应急。内容。（责任领导：张三；责任处室：应急办）",
    );
    expect(taskList.tasks.map((t) => t.responsible)).toEqual([
      ["市医保局", "市卫健委", "各县区政府"],
      ["应急办"],
    ]);
  });

  it("reads a 牵头责任单位 line and leaves out 配合单位", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.加强建设。内容。\n牵头责任单位：医政处；配合单位：财务处\n2.下一项。",
    );
    expect(taskList.tasks[0]?.responsible).toEqual(["医政处"]);
    expect(taskList.tasks[1]?.responsible).toEqual([]);
  });

  it("reads bare 牵头:/配合: labels and a labelled clause after a sentence, not the 责任领导 after it", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.药事。基本药物使用金额占比达到60%。（牵头：药政科；配合：医保局）\n" +
        "2.急救。急救呼叫满足率达到95%以上。责任科室：医政医管科。责任领导：李四。",
    );
    expect(taskList.tasks.map((t) => t.responsible)).toEqual([["药政科"], ["医政医管科"]]);
    expect(taskList.targets.map((t) => t.text)).toEqual([
      "基本药物使用金额占比达到60%",
      "急救呼叫满足率达到95%以上",
    ]);
  });

  it("reads a county's 责任股室 and leaves out its 配合股室", () => {
    const { taskList } = parsePlan(
      "一、任务\n（一）医共体。就诊率稳定在90%左右。（责任股室：医政股、基层股；配合股室：财务股）",
    );
    expect(taskList.tasks[0]?.responsible).toEqual(["医政股", "基层股"]);
  });

  it("splits X会Y and keeps a parenthetical alias", () => {
    const { taskList } = parsePlan("一、任务\n1.爱国卫生。内容。（责任单位：规划信息处(爱卫办)会疾控处）");
    expect(taskList.tasks[0]?.responsible).toEqual(["规划信息处(爱卫办)", "疾控处"]);
  });

  it("does not split 委员会", () => {
    const { taskList } = parsePlan("一、任务\n1.加强建设。（责任单位：市卫生健康委员会、市财政局）");
    expect(taskList.tasks[0]?.responsible).toEqual(["市卫生健康委员会", "市财政局"]);
  });

  it("reads an unlabelled (X牵头,Y配合) clause", () => {
    const { taskList } = parsePlan("一、任务\n1.深化支付改革。内容。（市医保局牵头，市卫健委配合）");
    expect(taskList.tasks[0]?.responsible).toEqual(["市医保局", "市卫健委"]);
    expect(taskList.tasks[0]?.title).toBe("深化支付改革");
  });
});

describe("targets: operators", () => {
  it.each([
    ["家庭医生签约服务覆盖率达到60%", ">= 60 %"],
    ["预约诊疗率不低于60%", ">= 60 %"],
    ["开展不少于5项重大临床科研项目", ">= 5 项"],
    ["每个乡镇卫生院至少配备1名执业中医师", ">= 1 名"],
    ["免疫规划疫苗接种率保持在90%以上", ">= 90 %"],
    ["红色、黄色人群签约服务覆盖率达到100%以上", ">= 100 %"],
    ["孕产妇死亡率控制在12/10万以下", "<= 12 /10万"],
    ["药占比降至30%", "<= 30 %"],
    ["医疗费用增长率不超过10%", "<= 10 %"],
    ["基本药物处方占比不得低于50%", ">= 50 %"],
    ["床位使用率不应高于93%", "<= 93 %"],
    ["耗材占比至多20%", "<= 20 %"],
    ["检查收入占比最少15%", ">= 15 %"],
    ["门诊次均费用增幅小于5%", "<= 5 %"],
    ["抗菌药物使用率少于50%", "<= 50 %"],
    ["检查阳性率大于70%", ">= 70 %"],
    ["平均住院日控制在8天以内", "<= 8 天"],
    ["平均住院日在7至9天", "between 7-9 天"],
    ["平均住院日9天左右", "approx 9 天"],
    ["平均预约时段精准到30分钟以内", "<= 30 分钟"],
    ["急救反应时间12分钟以内", "<= 12 分钟"],
    ["急救半径不超过10公里", "<= 10 公里"],
    ["住院患者抗菌药物使用强度不超过40DDDs", "<= 40 DDDs"],
    ["婴儿死亡率控制在千分之五以下", "<= 5 ‰"],
    ["孕产妇死亡率控制在十万分之十以下", "<= 10 /10万"],
    ["签约率达到百分之四十五", ">= 45 %"],
    ["全年采血量达到12吨", ">= 12 吨"],
    ["床位使用率在85%到93%之间", "between 85-93 %"],
    ["基层就诊率由55%到65%", ">= 65 %"],
    ["药占比维持在30%", ">= 30 %"],
    ["县域内就诊率达90%左右", "approx 90 %"],
    ["CMI值从0.9提升到1.2左右", "approx 1.2 null"],
    ["逐步实现公立医院医护比1:2左右", "approx 2 ratio"],
    ["开展重症医学科人员培训3-5次", "between 3-5 次"],
    ["重点推动2-3所县级医院达推荐标准", "between 2-3 所"],
    ["培养中医骨干人才20至30名", "between 20-30 名"],
    ["争创国家临床重点专科1—2个", "between 1-2 个"],
    ["获批省级重点实验室2个", ">= 2 个"],
    ["推广中医药适宜技术10项", ">= 10 项"],
    ["下沉医师100名", ">= 100 名"],
    ["筛查适龄妇女1万人", ">= 1 万人"],
    ["购置救护车10辆", ">= 10 辆"],
    ["培训基层人员1,000人次", ">= 1000 人次"],
    ["培训基层人员12，500人次", ">= 12500 人次"],
    ["新增床位200张", ">= 200 张"],
    ["全年新增三家社区医院", ">= 3 家"],
    ["保证临床用血100%来自专业供血机构供应", ">= 100 %"],
    ["人均预期寿命达到79.5岁", ">= 79.5 岁"],
    ["每千名老年人拥有医疗康复护理床位5.5张", ">= 5.5 张/千人"],
    ["床位使用率控制在85%-93%", "between 85-93 %"],
    ["电子病历应用水平达到4级", ">= 4 级"],
    ["肺结核患者成功治疗率≥90%", ">= 90 %"],
    ["住院床位使用率约85%", "approx 85 %"],
    ["千人床位数达到7张", ">= 7 张/千人"],
    ["全年开展义诊活动不少于12场次", ">= 12 场次"],
    ["培训乡村医生3000余人次", ">= 3000 人次"],
    ["新增20多家社区医院", ">= 20 家"],
    ["新增千人以上规模的社区卫生服务中心3个", ">= 3 个"],
    ["预约诊疗率约为60%", "approx 60 %"],
    ["家庭医生签约服务覆盖率较上年提高5个百分点", ">= 5 个百分点"],
    ["四级手术占比较上年提高1个百分点", ">= 1 个百分点"],
    ["儿童青少年总体近视率降低0.5个百分点", ">= 0.5 个百分点"],
    ["居民健康素养水平达到32%，比2025年提高2个百分点", ">= 32 %"],
    ["重点人群签约覆盖率提升5个百分点至80%", ">= 80 %"],
    ["全市床位总数达到2.5万张", ">= 2.5 万张"],
    ["全市执业医师达到1.2万名", ">= 1.2 万名"],
    ["投入资金3000万元", ">= 3000 万元"],
    ["免费发放叶酸1万人份", ">= 1 万人份"],
    ["DRG组数达到600组以上", ">= 600 组"],
    ["平均住院日压减至8天", "<= 8 天"],
    ["药占比压降至28%", "<= 28 %"],
    ["次均费用增幅缩减至5%以内", "<= 5 %"],
    ["不合理用药比例降为5%", "<= 5 %"],
    ["检查阳性率升至70%", ">= 70 %"],
    ["床位数增至3000张", ">= 3000 张"],
    ["医疗费用增幅不超10%", "<= 10 %"],
    ["平均住院日不超8天", "<= 8 天"],
    ["县域就诊率力争达到百分之九十", ">= 90 %"],
    ["健康体检率不低于百分之70", ">= 70 %"],
    ["完成5家乡镇卫生院改扩建", ">= 5 家"],
    ["抗菌药物使用强度≤40", "<= 40 null"],
    ["15岁以上人群吸烟率＜20%", "<= 20 %"],
  ])("%s → %s", (body, expected) => {
    expect(targetsOf(`${body}。`)).toEqual([expected]);
  });
});

describe("targets: several in one sentence", () => {
  it("分别 with a list of values gives one target per value", () => {
    expect(targetsOf("5岁以下儿童和婴儿死亡率分别控制在6‰和5‰以下。")).toEqual(["<= 6 ‰", "<= 5 ‰"]);
  });

  it("均 spreads one value over each indicator", () => {
    const { taskList } = parsePlan("一、任务\n1.妇幼。孕产妇和3岁以下儿童系统管理率均达到90%以上。");
    expect(taskList.targets.map((t) => t.indicator)).toEqual(["孕产妇系统管理率", "3岁以下儿童系统管理率"]);
    expect(taskList.targets.map(show)).toEqual([">= 90 %", ">= 90 %"]);
    // A name the list shares is joined without what a part already ends with.
    expect(namedTargets("一、任务\n1.费用。门诊次均费用、住院次均费用增幅均不高于5%。")).toEqual([
      "门诊次均费用增幅 <= 5 %",
      "住院次均费用增幅 <= 5 %",
    ]);
    expect(namedTargets("一、任务\n1.费用。门诊和住院次均费用增长幅度均不超过5%。")).toEqual([
      "门诊次均费用增长幅度 <= 5 %",
      "住院次均费用增长幅度 <= 5 %",
    ]);
    // Whom the rate is of, run into the measure the list shares, is shared whole.
    expect(namedTargets("一、任务\n1.妇幼。城市和农村孕产妇死亡率分别控制在8/10万、12/10万以下。")).toEqual([
      "城市孕产妇死亡率 <= 8 /10万",
      "农村孕产妇死亡率 <= 12 /10万",
    ]);
    // Whom the rate is of, named once at the end, is shared by a part that names none.
    expect(namedTargets("一、任务\n1.慢病。高血压、糖尿病患者规范管理率分别达到62%、60%以上。")).toEqual([
      "高血压患者规范管理率 >= 62 %",
      "糖尿病患者规范管理率 >= 60 %",
    ]);
  });

  it("a compound indicator without 均 or 分别 stays one target", () => {
    expect(targetsOf("65岁以上老年人和糖尿病患者结核病筛查率达到60%以上。")).toEqual([">= 60 %"]);
  });

  it("levels for two kinds of hospital", () => {
    expect(targetsOf("市直医院和县区医院电子病历应用水平至少达到4级和3级。")).toEqual([">= 4 级", ">= 3 级"]);
  });

  it("leaves how often or per whom an amount is paid out of its name", () => {
    expect(
      namedTargets(
        "一、任务\n1.补助。家庭医生签约服务费每人每年不低于120元，乡村医生养老补助标准提高到每月500元。",
      ),
    ).toEqual(["家庭医生签约服务费 >= 120 元", "乡村医生养老补助标准 >= 500 元"]);
  });

  it("grades alone, or kinds of hospital, share the measure named after the last one", () => {
    expect(
      namedTargets(
        "一、任务\n1.床位。全市三级、二级公立医院病床使用率分别达到90%、85%。\n2.住院日。三级医院、二级医院平均住院日分别不超过8天、7.5天。",
      ),
    ).toEqual([
      "三级公立医院病床使用率 >= 90 %",
      "二级公立医院病床使用率 >= 85 %",
      "三级医院平均住院日 <= 8 天",
      "二级医院平均住院日 <= 7.5 天",
    ]);
  });

  it("a count of places or people opening its clause that are to reach a standard", () => {
    expect(
      namedTargets(
        "一、任务\n1.基层。新增社区医院1家，2家卫生院达到推荐标准，3所医院通过三级医院评审。\n2.行动。15项专项行动主要指标达到年度目标，4个县区全部达到国家标准，全市2家医院达到三级水平。",
      ),
    ).toEqual(["社区医院数 >= 1 家", "达到推荐标准的卫生院数 >= 2 家", "通过三级医院评审的医院数 >= 3 所"]);
    // Places that reach a standard keep the verb.
    expect(namedTargets("一、任务\n1.基层。累计达到“优质服务基层行”推荐标准的机构不少于30家。")).toEqual([
      "达到优质服务基层行推荐标准的机构数 >= 30 家",
    ]);
    // What is said of the places counted goes with the standard.
    expect(namedTargets("一、任务\n1.考核。力争1家以上的医院考核结果达到A。")).toEqual([
      "考核结果达到A的医院数 >= 1 家",
    ]);
    // (A place named in two words is one place: 中心卫生院.)
    expect(namedTargets("一、任务\n1.基层。力争5家以上中心卫生院达到二级医院水平。")).toEqual([
      "达到二级医院水平的中心卫生院数 >= 5 家",
    ]);
  });

  it("levels listed before the 级 they share, and a rate given institution by institution after its name", () => {
    expect(
      namedTargets(
        "一、任务\n1.手术。县级医院三、四级手术占比分别达到25%、10%。\n2.床位。病床使用率三级医院≥90%、二级医院≥80%。",
      ),
    ).toEqual([
      "县级医院三级手术占比 >= 25 %",
      "县级医院四级手术占比 >= 10 %",
      "三级医院病床使用率 >= 90 %",
      "二级医院病床使用率 >= 80 %",
    ]);
    // The same for people: the gold's own names for seed 003.
    expect(
      namedTargets("一、任务\n1.疫苗。第一剂次新冠病毒疫苗接种率60-79岁人群达到95%,80岁以上人群达到90%。"),
    ).toEqual([
      "60-79岁人群第一剂次新冠病毒疫苗接种率 >= 95 %",
      "80岁以上人群第一剂次新冠病毒疫苗接种率 >= 90 %",
    ]);
  });

  it("counts staff in 名 before 医师 (名医 is otherwise a word), without where they are sent; a standard reached names what is counted", () => {
    expect(
      namedTargets(
        "一、任务\n1.帮扶。派驻10名医师到乡镇卫生院帮扶，培养5名医务人员，建成5个达到国家标准的中心。",
      ),
    ).toEqual(["医师数 >= 10 名", "医务人员数 >= 5 名", "达到国家标准的中心数 >= 5 个"]);
  });

  it("names a rate given for outpatients and inpatients, a rate said to be more than (超), and a level after a change", () => {
    expect(
      namedTargets(
        "一、任务\n1.用药。抗菌药物使用率门诊≤20%，住院≤60%。\n2.预约。门诊预约率超60%，配置彩超5台，重点人群签约覆盖率提升5个百分点至80%。",
      ),
    ).toEqual([
      "抗菌药物使用率门诊 <= 20 %",
      "抗菌药物使用率住院 <= 60 %",
      "门诊预约率 >= 60 %",
      "彩超数 >= 5 台",
      "重点人群签约覆盖率 >= 80 %",
    ]);
  });

  it("keeps 约 of 签约 in a name; a multiplier before a counter is a count, not a name (10万人才)", () => {
    expect(namedTargets("一、任务\n1.签约。完成家庭医生签约120万人，引进10万人才。")).toEqual([
      "家庭医生签约人数 >= 120 万人",
    ]);
  });

  it("a measure given for others (其中重点人群…) or listed short after the first is of whom was named", () => {
    expect(
      namedTargets(
        "一、任务\n1.签约。签约服务覆盖率达到40%以上，其中重点人群达到75%以上，脱贫人口达到95%以上。\n2.精神。严重精神障碍患者规范管理率、服药率分别达到90%、85%以上。\n3.慢病。高血压、2型糖尿病患者基层规范管理服务率均达到65%。",
      ),
    ).toEqual([
      "签约服务覆盖率 >= 40 %",
      "重点人群签约服务覆盖率 >= 75 %",
      "脱贫人口签约服务覆盖率 >= 95 %",
      "严重精神障碍患者规范管理率 >= 90 %",
      "严重精神障碍患者服药率 >= 85 %",
      "高血压患者基层规范管理服务率 >= 65 %",
      "2型糖尿病患者基层规范管理服务率 >= 65 %",
    ]);
  });

  it("leaves out words that open a clause, but not a character that starts a word of the name", () => {
    expect(
      namedTargets(
        "一、任务\n1.质量。使用率应达到85％以上，并发症发生率控制在1%以下，到位率达到90%，按时完成率达到100%，要素配置达标率达到80%，将治愈率提高到90%，实现率达到60%，力争全市县域内就诊率达到90%。",
      ),
    ).toEqual([
      "使用率 >= 85 %",
      "并发症发生率 <= 1 %",
      "到位率 >= 90 %",
      "按时完成率 >= 100 %",
      "要素配置达标率 >= 80 %",
      "治愈率 >= 90 %",
      "实现率 >= 60 %",
      "县域内就诊率 >= 90 %",
    ]);
  });

  it("names shares the way the labelled plans do", () => {
    expect(
      namedTargets(
        "一、任务\n1.床位。综合医院的中医床位不低于总床位数的5%，按不低于编制床位的15%设置负压病床和重症病床，保证临床用血100%来自专业供血机构。\n2.能力。重点推动2-3所县级医院达推荐标准,力争1-2所达三级医院服务能力水平。\n3.信息化。市直医院和县区医院电子病历应用水平至少达到4级和3级,智慧服务级别力争达到3级和2级。\n4.中医。80%以上的村卫生室具备中医药服务条件。",
      ),
    ).toEqual([
      "综合医院的中医床位占总床位数比例 >= 5 %",
      "负压病床和重症病床占编制床位比例 >= 15 %",
      "临床用血来自专业供血机构的比例 >= 100 %",
      "达推荐标准的县级医院数 between 2-3 所",
      "达三级医院服务能力水平的县级医院数 between 1-2 所",
      "市直医院电子病历应用水平 >= 4 级",
      "县区医院电子病历应用水平 >= 3 级",
      "市直医院智慧服务级别 >= 3 级",
      "县区医院智慧服务级别 >= 2 级",
      "具备中医药服务条件的村卫生室比例 >= 80 %",
    ]);
  });

  it("names counts for each place, of people who can do something, a subject going on, and what is added", () => {
    expect(
      namedTargets(
        "一、任务\n1.中医。每个乡镇卫生院至少配备1名执业中医师,每个村卫生室至少配备1名能提供中医药服务的医技人员,每个县区均建强1所政府办综合医院。\n2.老年。持续加快推动全区二级及以上公立综合性医院老年医学科设置,设置比例数达到96%以上。\n3.互联网。力争我市互联网医院新增1-2家。",
      ),
    ).toEqual([
      "每个乡镇卫生院执业中医师数 >= 1 名",
      "每个村卫生室能提供中医药服务的医技人员数 >= 1 名",
      "每个县区政府办综合医院数 >= 1 所",
      "二级及以上公立综合性医院老年医学科设置比例 >= 96 %",
      "新增互联网医院数 between 1-2 家",
    ]);
  });

  it("a 、 after a whole goal ends its clause; values each with their cue are one list; a goal named only before takes that clause", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.妇幼。全市孕产妇死亡率控制在12/10万以下、5岁以下儿童和婴儿死亡率分别控制在6‰和5‰以下。\n2.精神。规范管理率、服药率分别达到90%以上、85%以上。\n3.老年。持续推动老年医学科设置,设置比例数达到96%以上。",
    );
    expect(taskList.targets.map((t) => `${t.indicator} ${show(t)} | ${t.text}`)).toEqual([
      "孕产妇死亡率 <= 12 /10万 | 全市孕产妇死亡率控制在12/10万以下",
      "5岁以下儿童死亡率 <= 6 ‰ | 5岁以下儿童和婴儿死亡率分别控制在6‰和5‰以下",
      "婴儿死亡率 <= 5 ‰ | 5岁以下儿童和婴儿死亡率分别控制在6‰和5‰以下",
      "规范管理率 >= 90 % | 规范管理率、服药率分别达到90%以上、85%以上",
      "服药率 >= 85 % | 规范管理率、服药率分别达到90%以上、85%以上",
      "老年医学科设置比例 >= 96 % | 持续推动老年医学科设置,设置比例数达到96%以上",
    ]);
  });

  it("names people counted by what is done for them, and a time named before its colon place by place", () => {
    expect(
      namedTargets(
        "一、任务\n1.签约。覆盖人群不少于1000人，派驻人员不少于2人。\n2.急救。院前急救平均反应时间：城区≤12分钟，农村≤30分钟。",
      ),
    ).toEqual([
      "覆盖人群数 >= 1000 人",
      "派驻人员数 >= 2 人",
      "院前急救平均反应时间城区 <= 12 分钟",
      "院前急救平均反应时间农村 <= 30 分钟",
    ]);
  });

  it("keeps a quoted name in an indicator, without its quote marks", () => {
    expect(
      namedTargets(
        "一、任务\n1.信息化。“一卡通”覆盖率达100%，打造2个“名医工作室”，开展“世界卫生日”等主题宣传活动10次。",
      ),
    ).toEqual(["一卡通覆盖率 >= 100 %", "名医工作室数 >= 2 个", "主题宣传活动次数 >= 10 次"]);
  });

  it("levels alone share the rest of a name, surgeries are counted in 台次, and a part (其中…) of a count is counted", () => {
    expect(
      namedTargets(
        "一、任务\n1.专科。新增国家级、省级临床重点专科各1个，开展三、四级手术1000台次，完成心脏介入手术500例以上，其中急诊PCI 200例。",
      ),
    ).toEqual([
      "国家级临床重点专科数 >= 1 个",
      "省级临床重点专科数 >= 1 个",
      "三、四级手术台次 >= 1000 台次",
      "心脏介入手术数 >= 500 例",
      "急诊PCI数 >= 200 例",
    ]);
  });

  it("a list of counts after one verb", () => {
    expect(targetsOf("建成5个省级重点学科、10个省市共建重点学科和20个市级重点学科。")).toEqual([
      ">= 5 个",
      ">= 10 个",
      ">= 20 个",
    ]);
  });

  it("the 均 of 平均 or 人均 does not spread a value, and 满意度 is shared like a rate", () => {
    expect(
      namedTargets(
        "一、任务\n1.质量。全市二级及以上公立医院平均住院日不超过8天，门诊和住院患者满意度均达到90%以上。",
      ),
    ).toEqual(["二级及以上公立医院平均住院日 <= 8 天", "门诊患者满意度 >= 90 %", "住院患者满意度 >= 90 %"]);
  });

  it("keeps a ratio's colon inside its clause and reads 分別 in traditional script", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.护理。按照1:1.5的比例配备护士。孕產婦和嬰兒死亡率分別控制在10/10萬和5‰以下。",
    );
    expect(taskList.targets.map((t) => `${t.text} ${show(t)}`)).toEqual([
      "按照1:1.5的比例配备护士 >= 1.5 ratio",
      "孕產婦和嬰兒死亡率分別控制在10/10萬和5‰以下 <= 10 /10万",
      "孕產婦和嬰兒死亡率分別控制在10/10萬和5‰以下 <= 5 ‰",
    ]);
  });

  it("各 after a goal verb gives each named place its own target", () => {
    expect(
      namedTargets("一、任务\n1.五大中心。建成胸痛、卒中、创伤、危重孕产妇、危重新生儿救治中心各1个。"),
    ).toEqual([
      "胸痛救治中心数 >= 1 个",
      "卒中救治中心数 >= 1 个",
      "创伤救治中心数 >= 1 个",
      "危重孕产妇救治中心数 >= 1 个",
      "危重新生儿救治中心数 >= 1 个",
    ]);
    // Each name written whole: the head they share is not added again.
    expect(namedTargets("一、任务\n1.中心。新增危重孕产妇救治中心和危重新生儿救治中心各1个。")).toEqual([
      "危重孕产妇救治中心数 >= 1 个",
      "危重新生儿救治中心数 >= 1 个",
    ]);
    expect(namedTargets("一、任务\n1.中心。建成胸痛和卒中中心各2个。")).toEqual([
      "胸痛中心数 >= 2 个",
      "卒中中心数 >= 2 个",
    ]);
    expect(targetsOf("我市各类医疗机构3000余家。")).toEqual([]);
  });

  it("a level alone after a count counts the same thing at that level", () => {
    expect(namedTargets("一、任务\n1.慢病。创建国家级慢性病综合防控示范区1个，省级2个。")).toEqual([
      "国家级慢性病综合防控示范区数 >= 1 个",
      "省级慢性病综合防控示范区数 >= 2 个",
    ]);
    // Without a goal verb before it, a level and a number are no target.
    expect(targetsOf("现有国家级示范区1个，省级2个。")).toEqual([]);
  });

  it("a clause naming only another thing and its count goes on with the count and verb before it", () => {
    expect(
      namedTargets(
        "一、任务\n1.中心。建成胸痛中心5个，卒中中心3个。\n2.人才。培训医师100名，护士200名，覆盖10个乡镇。",
      ),
    ).toEqual(["胸痛中心数 >= 5 个", "卒中中心数 >= 3 个", "医师人数 >= 100 名", "护士人数 >= 200 名"]);
    // Without a goal verb before it, a count and another are no target.
    expect(targetsOf("现有胸痛中心5个，卒中中心3个。")).toEqual([]);
  });

  it("names a clause that starts with 及时, after a bullet's dashes, or with 缩短至", () => {
    expect(
      namedTargets(
        "一、任务\n（一）传染病。法定传染病报告率达到95%以上，及时报告率达到90%以上。\n" +
          "——居民健康素养水平提升至30%以上；\n——门诊平均候诊时间缩短至30分钟以内。",
      ),
    ).toEqual([
      "法定传染病报告率 >= 95 %",
      "及时报告率 >= 90 %",
      "居民健康素养水平 >= 30 %",
      "门诊平均候诊时间 <= 30 分钟",
    ]);
    expect(
      parsePlan("一、任务\n（一）健康。\n——居民健康素养水平提升至30%以上；").taskList.targets[0]?.text,
    ).toBe("居民健康素养水平提升至30%以上");
  });

  it("a second clause naming only who borrows the measure, or only the goal borrows the subject", () => {
    expect(
      namedTargets(
        "一、任务\n1.住院日。三级公立医院平均住院日控制在8.5天以内，二级公立医院控制在7天以内。\n" +
          "2.县级医院。县级医院达到国家推荐标准的比例达到60%，力争2026年底前达到70%。",
      ),
    ).toEqual([
      "三级公立医院平均住院日 <= 8.5 天",
      "二级公立医院平均住院日 <= 7 天",
      "县级医院达到国家推荐标准的比例 >= 60 % @2026-12-31",
      "县级医院达到国家推荐标准的比例 >= 70 % @2026-12-31",
    ]);
  });

  it("a measure named alone before clauses that each name only who", () => {
    expect(
      namedTargets(
        "一、任务\n1.基药。国家基本药物配备使用金额占比，基层医疗卫生机构不低于90%，二级公立医院不低于80%。",
      ),
    ).toEqual([
      "基层医疗卫生机构国家基本药物配备使用金额占比 >= 90 %",
      "二级公立医院国家基本药物配备使用金额占比 >= 80 %",
    ]);
  });

  it("a count's name says 数 once, and a project promoted is counted as a project", () => {
    expect(
      namedTargets("一、任务\n1.人才。全科医生数达到每万人口4名，全年开展适宜技术推广项目不少于30项。"),
    ).toEqual(["全科医生数 >= 4 名/万人", "适宜技术推广项目数 >= 30 项"]);
    expect(namedTargets("一、任务\n1.人才。全科医生数达每万人口3.5名。")).toEqual([
      "全科医生数 >= 3.5 名/万人",
    ]);
    expect(namedTargets("一、任务\n1.宣传。开展“世界卫生日”等主题宣传活动不少于4次。")).toEqual([
      "主题宣传活动次数 >= 4 次",
    ]);
    expect(namedTargets("一、任务\n1.培训。举办培训班6期，建设培训基地3个。")).toEqual([
      "培训班数 >= 6 期",
      "培训基地数 >= 3 个",
    ]);
  });

  it("points enumerated inside a paragraph (①, 二是) are not part of names or text; a bare rate is of whom was named", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.精神卫生。一是加强服务体系建设；二是严重精神障碍患者报告患病率稳定在4.5‰以上，规范管理率达到95%。\n" +
        "2.县级医院。①80%以上的县级医院达到二级甲等水平；②县域内就诊率达到90%。",
    );
    expect(taskList.targets.map((t) => `${t.indicator} | ${t.text}`)).toEqual([
      "严重精神障碍患者报告患病率 | 严重精神障碍患者报告患病率稳定在4.5‰以上",
      "严重精神障碍患者规范管理率 | 规范管理率达到95%",
      "达到二级甲等水平的县级医院比例 | 80%以上的县级医院达到二级甲等水平",
      "县域内就诊率 | 县域内就诊率达到90%",
    ]);
  });

  it("a count is named by what its last goal verb acts on, and a bare rate after it is the rate of that", () => {
    expect(namedTargets("一、任务\n1.筛查。全年完成新生儿听力筛查8000例以上，筛查率达到95%。")).toEqual([
      "新生儿听力筛查数 >= 8000 例",
      "新生儿听力筛查率 >= 95 %",
    ]);
  });

  it("均 over a list of whole measures by 、 keeps a 和 that joins who a measure is of", () => {
    expect(
      namedTargets(
        "一、任务\n1.艾滋病。全省经诊断发现的感染者和病人比例、接受抗病毒治疗比例和治疗成功比例均达到95%。",
      ),
    ).toEqual(["经诊断发现的感染者和病人比例 >= 95 %", "接受抗病毒治疗比例 >= 95 %", "治疗成功比例 >= 95 %"]);
  });

  it("a baseline dated by a year is not a target, and a year a change is compared with is not a deadline", () => {
    expect(
      namedTargets("一、任务\n1.首诊。基层首诊率从2025年的55%提高到60%，全市床位总数比2025年末增加2000张。"),
    ).toEqual(["基层首诊率 >= 60 %", "床位总数 >= 2000 张"]);
  });

  it("a multiple names what it multiplies after its cue, however long; a second limit 且… is on the same subject", () => {
    expect(
      namedTargets(
        "一、任务\n1.薪酬。医务人员平均薪酬水平不低于当地城镇单位在岗职工平均工资水平的1.5倍，且不低于8万元。",
      ),
    ).toEqual(["医务人员平均薪酬水平 >= 1.5 倍", "医务人员平均薪酬水平 >= 8 万元"]);
  });

  it("a note in brackets on what counts (含90%) is no target; a second population takes the measure after it", () => {
    expect(
      namedTargets("一、任务\n1.接种。60—79岁人群接种率达到90%以上（含90%），80岁以上人群达到85%。"),
    ).toEqual(["60—79岁人群接种率 >= 90 %", "80岁以上人群接种率 >= 85 %"]);
  });

  it("notes in brackets on what is included or where things stand are not targets", () => {
    expect(
      namedTargets(
        "一、任务\n1.基层。基层就诊率达到65%（2025年为60%），县域就诊率达到90%（全国平均水平为85%）。\n" +
          "2.人才。新增全科医生100名（含转岗培训50名），每千人口床位数达到6.5张（其中公立医院5张）。",
      ),
    ).toEqual([
      "基层就诊率 >= 65 %",
      "县域就诊率 >= 90 %",
      "全科医生人数 >= 100 名",
      "每千人口床位数 >= 6.5 张/千人",
    ]);
  });

  it("a part in brackets with a goal of its own (其中…达到70%) is a target", () => {
    expect(namedTargets("一、任务\n1.基层。基层诊疗量占比达到65%（其中社区卫生服务中心达到70%）。")).toEqual([
      "基层诊疗量占比 >= 65 %",
      "社区卫生服务中心 >= 70 %",
    ]);
  });

  it("a list of counts joined by 和 names each by what follows its number", () => {
    expect(namedTargets("一、任务\n1.集团。组建6个城市医疗集团和9个县域医共体。")).toEqual([
      "城市医疗集团数 >= 6 个",
      "县域医共体数 >= 9 个",
    ]);
  });

  it("a list of counts each written after what it counts", () => {
    expect(
      namedTargets("一、任务\n1.学科。新增国家级临床重点专科2个、省级重点专科10个和市级重点专科20个。"),
    ).toEqual(["国家级临床重点专科数 >= 2 个", "省级重点专科数 >= 10 个", "市级重点专科数 >= 20 个"]);
  });

  it("a second subject that names only who takes the rate named before it", () => {
    expect(namedTargets("一、任务\n1.预约。三级医院预约诊疗率达到70%以上，二级医院达到60%以上。")).toEqual([
      "三级医院预约诊疗率 >= 70 %",
      "二级医院预约诊疗率 >= 60 %",
    ]);
  });

  it("a baseline written 由现有的… is not a target, and the subject is what comes before it", () => {
    expect(namedTargets("一、任务\n1.床位。新建区妇幼保健院，床位由现有的120张增加至200张。")).toEqual([
      "床位数 >= 200 张",
    ]);
  });

  it("counts people served in 万人次", () => {
    expect(namedTargets("一、任务\n1.检测。全年完成艾滋病检测5万人次。")).toEqual([
      "艾滋病检测人次 >= 5 万人次",
    ]);
  });

  it("names a symbol-cued target by its subject, and a duration by what lasts", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.质量。肺结核患者成功治疗率≥90%，三级公立医院平均住院日控制在8天以内。",
    );
    expect(taskList.targets.map((t) => t.indicator)).toEqual([
      "肺结核患者成功治疗率",
      "三级公立医院平均住院日",
    ]);
  });

  it("names a clause that says only 达到N% by the subject of the clause before", () => {
    expect(
      namedTargets(
        "一、任务\n1.服务。患者满意度较上年提高2个百分点，达到92%。\n2.健康。人均预期寿命较上年提高0.2岁，达到80岁。",
      ),
    ).toEqual(["患者满意度 >= 92 %", "人均预期寿命 >= 80 岁"]);
    expect(namedTargets("一、任务\n1.慢病。重大慢性病过早死亡率低于全国平均水平，降至13%以下。")).toEqual([
      "重大慢性病过早死亡率 <= 13 %",
    ]);
    // What the clause before raises is the subject; 把 opens a clause.
    expect(
      namedTargets(
        "一、任务\n1.就诊。进一步提高县域内就诊率，达到90%以上，把住院费用实际报销比例提升至70%左右。",
      ),
    ).toEqual(["县域内就诊率 >= 90 %", "住院费用实际报销比例 approx 70 %"]);
  });

  it("does not split words that hold 及, 与 or 和 when spreading 均 over a compound subject", () => {
    const { taskList } = parsePlan(
      "一、任务\n1.防控。法定传染病报告率、报告及时率均保持在98%以上。\n2.健康。健康知识普及率和群众参与率均达到80%。",
    );
    expect(taskList.targets.map((t) => `${t.task} ${t.indicator} ${show(t)}`)).toEqual([
      "1 法定传染病报告率 >= 98 %",
      "1 报告及时率 >= 98 %",
      "2 健康知识普及率 >= 80 %",
      "2 群众参与率 >= 80 %",
    ]);
  });

  it("reads 突破 as at least, leaves a comparison out of the name, and a per-village count named by what it counts", () => {
    expect(
      namedTargets(
        "一、任务\n1.档案。规范化电子健康档案覆盖率突破70%。\n2.慢病。重大慢性病过早死亡率较2020年降低10%。\n3.村医。配备村医不少于2名/村。\n4.免疫。免疫规划疫苗接种率保持95%以上，麻疹类疫苗接种率持续保持在95%以上。",
      ),
    ).toEqual([
      "规范化电子健康档案覆盖率 >= 70 %",
      "重大慢性病过早死亡率 >= 10 %",
      "村医人数 >= 2 名",
      "免疫规划疫苗接种率 >= 95 %",
      "麻疹类疫苗接种率 >= 95 %",
    ]);
    expect(namedTargets("一、任务\n1.素养。居民健康素养水平巩固在30%以上。")).toEqual([
      "居民健康素养水平 >= 30 %",
    ]);
  });

  it("names a change by an amount by what changes, and a measure after a label and its colon by the measure", () => {
    expect(
      namedTargets(
        "一、任务\n1.近视。儿童青少年总体近视率力争每年降低0.5个百分点以上。\n2.门诊。门诊量逐年增长10%以上。\n3.喂养。母乳喂养：6个月内纯母乳喂养率达到50%以上，床护比达到1:0.6。",
      ),
    ).toEqual([
      "儿童青少年总体近视率 >= 0.5 个百分点",
      "门诊量 >= 10 %",
      "6个月内纯母乳喂养率 >= 50 %",
      "床护比 >= 0.6 ratio",
    ]);
  });

  it("names a measure given place by place (城区…、农村…) with the measure for each place", () => {
    expect(
      namedTargets("一、任务\n1.急救。院前急救平均反应时间城区控制在12分钟以内、农村控制在30分钟以内。"),
    ).toEqual(["院前急救平均反应时间城区 <= 12 分钟", "院前急救平均反应时间农村 <= 30 分钟"]);
  });

  it("names a per-population count by what is counted, not by the population", () => {
    const { taskList } = parsePlan("一、任务\n1.心理。精神科执业（助理）医师达到每10万人口4.5名。");
    expect(taskList.targets.map((t) => t.indicator)).toEqual(["精神科执业(助理)医师数"]);
  });

  it("drops an averaging 平均 before the verb from the name", () => {
    expect(
      namedTargets("一、任务\n1.信息化。二级以上公立医院电子病历系统应用水平分级评价平均达到4级以上。"),
    ).toEqual(["二级以上公立医院电子病历系统应用水平分级评价 >= 4 级"]);
  });

  it("分别 over rates in different units", () => {
    expect(targetsOf("婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别下降到4.0‰、4.5‰、10/10万。")).toEqual([
      "<= 4 ‰",
      "<= 4.5 ‰",
      "<= 10 /10万",
    ]);
  });

  it("keeps a multiplier as the unit, with what it counts (1000 万人: LABELING's own example)", () => {
    expect(targetsOf("城乡居民免费健康体检人数达1000万以上,人均基本公共卫生服务经费达102元以上。")).toEqual([
      ">= 1000 万人",
      ">= 102 元",
    ]);
  });

  it("reads a dimensionless index after a cue", () => {
    expect(targetsOf("健康发展指数达85,人均预期寿命达82.4岁。")).toEqual([">= 85 null", ">= 82.4 岁"]);
  });

  it("a part (其中…) of a per-capita figure is per the same population; people who benefit and cases seen are counted", () => {
    expect(
      namedTargets(
        "一、任务\n1.床位。每千常住人口医疗卫生机构床位数达到6.8张，其中公立医院床位数5张，新增床位200张。\n2.宣教。开展健康教育讲座600场以上，受益群众3万人次，远程会诊量达到5000例次。",
      ),
    ).toEqual([
      "每千常住人口医疗卫生机构床位数 >= 6.8 张/千人",
      "公立医院床位数 >= 5 张/千人",
      "床位数 >= 200 张",
      "健康教育讲座数 >= 600 场",
      "群众人次 >= 3 万人次",
      "远程会诊量 >= 5000 例次",
    ]);
  });

  it("per-capita units", () => {
    expect(targetsOf("按不少于每千常住人口0.85张配置床位,每千人口拥有3岁以下婴幼儿托位数3.58个。")).toEqual([
      ">= 0.85 张/千人",
      ">= 3.58 个/千人",
    ]);
    // Per how many people goes first in the name, written before the measure or after it.
    expect(
      namedTargets(
        "一、任务\n1.人员。精神卫生专业人员每10万人口不少于4.5名，婴幼儿托位数每千人口达到4.5个。",
      ),
    ).toEqual(["每10万人口精神卫生专业人员人数 >= 4.5 名/10万人", "每千人口婴幼儿托位数 >= 4.5 个/千人"]);
    // What a figure is per (每3万人) is not a goal of its own, and gives the unit.
    expect(
      namedTargets("一、任务\n1.急救。急救车辆配置达到每3万人1辆，精神科医师达到每10万人口4名。"),
    ).toEqual(["急救车辆配置数 >= 1 辆/3万人", "精神科医师数 >= 4 名/10万人"]);
  });
});

describe("targets: numbers that are not targets", () => {
  it("counts listed after one of a set (覆盖4个市辖区、30个乡镇) are of the set too", () => {
    expect(
      namedTargets("一、任务\n1.覆盖。覆盖全市12个县（市、区）、156个乡镇，新建社区医院3家、卫生院5家。"),
    ).toEqual(["社区医院数 >= 3 家", "卫生院数 >= 5 家"]);
  });

  it("a count in what a share of places does is part of the share's name, and a walk of so long is no limit", () => {
    expect(
      namedTargets(
        "一、任务\n1.中医。80%以上的村卫生室能够提供6类以上中医药技术方法，建成中医馆5个。\n2.圈。群众步行15分钟以内可到达医疗机构。",
      ),
    ).toEqual(["能够提供6类以上中医药技术方法的村卫生室比例 >= 80 %", "中医馆数 >= 5 个"]);
  });

  it("items of a set the plan defines (两项改革, 12项核心制度) are not goals, unless bounded", () => {
    expect(
      namedTargets(
        "一、任务\n1.改革。深入推进两项改革，落实12项核心制度，推广适宜技术10项，完成重点任务不少于20项。",
      ),
    ).toEqual(["适宜技术数 >= 10 项", "重点任务数 >= 20 项"]);
  });

  it("where things stand or stood, and places helped by others, are not goals", () => {
    expect(
      namedTargets(
        "一、任务\n1.现状。2023年全市孕产妇死亡率为8.5/10万，去年完成家庭医生签约120万人，目前全市医疗机构达到3200个。\n2.帮扶。持续推进三级医院对口帮扶32家县级医院，2025年孕产妇死亡率控制在10/10万以下。",
      ),
    ).toEqual(["孕产妇死亡率 <= 10 /10万"]);
  });

  it("an amount or count qualifying what follows (…以上的) is not a goal when the clause has one of its own", () => {
    expect(
      namedTargets(
        "一、任务\n1.设备。单价50万元以上的大型医用设备使用率达到85%以上。\n2.基层。30%以上的乡镇卫生院达到服务能力推荐标准。\n" +
          "3.人才。引进年薪50万元以上的高层次人才10名。",
      ),
    ).toEqual([
      "单价50万元以上的大型医用设备使用率 >= 85 %",
      "达到服务能力推荐标准的乡镇卫生院比例 >= 30 %",
      "年薪50万元以上的高层次人才人数 >= 10 名",
    ]);
  });

  it.each([
    ["60-79岁人群第一剂次接种工作有序开展"],
    ["二级以上综合医院设置老年医学科"],
    ["落实“1546行动”和“五个卫健”要求"],
    ["按照“1+N”模式推进学科群建设"],
    ["大力实施“15+3”健康行动"],
    ["加强“966525”等心理热线与12345热线联动"],
    ["实现我市3家县医院排名进步"],
    ["抓好12项医疗服务工作制度的落实"],
    ["持续推进27项评估指标的优化提升"],
    ["3个城市医疗集团分别与6个县医疗集团建立紧密合作关系"],
    ["每个县区依托1所县级医院规划建设传染病病区"],
    ["重点实施5个方面20项重点任务"],
    ["用30天左右时间完成整改"],
    ["对孕产妇和新生儿提供8项免费产前筛查服务"],
    ["通过5年努力基本建成体系"],
    ["开展2024年医师资格考试"],
    ["严格落实九项准则"],
    ["推进公益一类事业单位财政保障"],
    ["吸引10万人才来昌创业"],
    ["做好2023年度考核工作"],
    ["运用5G应急平台"],
    ["持续编纂第十三个五年发展规划"],
    ["持续推动医共体“责任、管理、服务、利益”四个共同体建设"],
    ["贯彻落实《实施方案(2023—2027)》"],
    ["拨打0791-88330120咨询"],
    ["在3个县开展紧密型县域医共体建设试点"],
    ["依托5家三级医院对口帮扶12家县级医院"],
    ["对排名后3位的县区进行通报"],
  ])("%s", (body) => {
    expect(targetsOf(`${body}。`)).toEqual([]);
  });
});

describe("targets: deadlines", () => {
  it("a time phrase covers its sentence only", () => {
    expect(targetsOf("建成1所医院。到2025年,力争1-2所达三级医院服务能力水平。")).toEqual([
      ">= 1 所",
      "between 1-2 所 @2025-12-31",
    ]);
  });

  it("reads 年底, 上半年, 月底 and 年完成", () => {
    expect(targetsOf("到2024年底,设置率达100%。")).toEqual([">= 100 % @2024-12-31"]);
    expect(targetsOf("2024年上半年覆盖率达到50%。")).toEqual([">= 50 % @2024-06-30"]);
    expect(targetsOf("2024年6月底前完成率达到80%。")).toEqual([">= 80 % @2024-06-30"]);
    expect(targetsOf("项目2024年9月30日前竣工验收，新增床位300张。")).toEqual([">= 300 张 @2024-09-30"]);
    // A date alone (of an event) is not a deadline, nor a day that does not exist.
    expect(targetsOf("2024年3月5日召开会议，新增床位300张。")).toEqual([">= 300 张"]);
    expect(targetsOf("2024年2月30日前新增床位300张。")).toEqual([">= 300 张"]);
    expect(targetsOf("2023年完成每千人口托位数3.58个的任务。")).toEqual([">= 3.58 个/千人 @2023-12-31"]);
    expect(targetsOf("力争2024年互联网医院新增1-2家。")).toEqual(["between 1-2 家 @2024-12-31"]);
  });

  it("a time phrase that opens a paragraph covers the paragraph", () => {
    const { taskList } = parsePlan(
      "一、目标\n到2025年,每个县区均建强1所医院。全市力争在10%以上乡镇建成社区医院。",
    );
    expect(taskList.targets.map(show)).toEqual([">= 1 所 @2025-12-31", ">= 10 % @2025-12-31"]);
  });

  it("a phrase without a year uses the plan year", () => {
    expect(targetsOf("6月底前,自评完成率达到100%。")).toEqual([">= 100 % @2024-06-30"]);
    expect(targetsOf("年底前,覆盖率达到80%。")).toEqual([">= 80 % @2024-12-31"]);
  });

  it("an undated target in an annual plan has no deadline", () => {
    expect(targetsOf("争取2023年度考核结果进位,力争1家以上的医院考核结果达到A。")).toEqual([">= 1 家"]);
  });
});

describe("targets: text", () => {
  it("is the clause as written in the document", () => {
    const text =
      "一、任务\n1.公卫。以乡镇为单位国家免疫规划疫苗接种率保持在９０％以上，高危人群耐药筛查率达到95%。";
    const { taskList } = parsePlan(text);
    expect(taskList.targets.map((t) => t.text)).toEqual([
      "以乡镇为单位国家免疫规划疫苗接种率保持在９０％以上",
      "高危人群耐药筛查率达到95%",
    ]);
    for (const t of taskList.targets) expect(text).toContain(t.text);
    expect(taskList.targets[0]).toMatchObject({ op: ">=", value: 90, unitOfMeasure: "%" });
  });
});

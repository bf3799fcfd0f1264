/**
 * The words of the genre the parser reads, in one place. Matching is done on normalised text (simplified,
 * half-width: see normalise-text.ts), so only simplified forms are listed here.
 */

/** Labels of a responsibility clause or line; the units follow a colon. */
export const RESPONSIBLE_LABELS = [
  "牵头责任单位",
  "责任单位",
  "责任处室",
  "责任部门",
  "牵头单位",
  "牵头部门",
  "牵头处室",
  "主责单位",
  "主责处室",
  "责任科室",
  "牵头科室",
  // A county commission's sections are 股室.
  "责任股室",
  "牵头股室",
  // "(牵头:药政科;配合:医保局)": the role alone as the label.
  "牵头",
] as const;

/** Labels whose units are deliberately left out (supporting units only). */
export const SUPPORTING_LABELS = [
  "主要协作单位",
  "协作单位",
  "配合单位",
  "配合部门",
  "配合科室",
  "配合处室",
  "配合股室",
  "参与单位",
  "配合",
  "协作",
] as const;

/** Role words removed from the end of a unit name, longest first. */
export const ROLE_SUFFIXES = [
  "按职责分工负责",
  "按职责分工落实",
  "按职责分别负责",
  "按职责负责",
  "按职责分工",
  "分别负责",
  "共同负责",
  "牵头负责",
  "配合",
  "牵头",
  "负责",
  "参与",
  "等",
] as const;

/** Operator cues written before a number. Longest first; "<=" cues win over ">=". */
export const OP_BEFORE: readonly (readonly [string, ">=" | "<=" | "approx"])[] = [
  ["不低于", ">="],
  ["不少于", ">="],
  ["不小于", ">="],
  ["至少", ">="],
  ["达到", ">="],
  ["超过", ">="],
  ["高于", ">="],
  ["提高到", ">="],
  ["提高至", ">="],
  ["提升到", ">="],
  ["提升至", ">="],
  ["增加到", ">="],
  ["增加至", ">="],
  ["增长到", ">="],
  ["扩大到", ">="],
  ["扩大至", ">="],
  ["保持在", ">="],
  ["维持在", ">="],
  ["稳定在", ">="],
  ["突破", ">="],
  ["不超过", "<="],
  ["不超", "<="],
  ["不高于", "<="],
  ["不大于", "<="],
  ["不多于", "<="],
  ["低于", "<="],
  ["控制在", "<="],
  ["控制到", "<="],
  ["降至", "<="],
  ["降到", "<="],
  ["降低到", "<="],
  ["降低至", "<="],
  ["下降到", "<="],
  ["下降至", "<="],
  ["减少到", "<="],
  ["减少至", "<="],
  ["缩短到", "<="],
  ["缩短至", "<="],
  ["压缩到", "<="],
  ["压缩至", "<="],
  ["压减至", "<="],
  ["压减到", "<="],
  ["压降至", "<="],
  ["压降到", "<="],
  ["缩减至", "<="],
  ["缩减到", "<="],
  ["减至", "<="],
  ["降为", "<="],
  ["下降为", "<="],
  ["降低为", "<="],
  ["减少为", "<="],
  ["缩短为", "<="],
  ["升至", ">="],
  ["增至", ">="],
  ["提高为", ">="],
  ["提升为", ">="],
  ["增加为", ">="],
  // Limits said as must not ("不得低于", "不应高于") and at most / at least ("至多", "最少").
  ["不得低于", ">="],
  ["不应低于", ">="],
  ["不宜低于", ">="],
  ["不能低于", ">="],
  ["不得少于", ">="],
  ["不应少于", ">="],
  ["最少", ">="],
  ["不得超过", "<="],
  ["不应超过", "<="],
  ["不宜超过", "<="],
  ["不能超过", "<="],
  ["不得高于", "<="],
  ["不应高于", "<="],
  ["不宜高于", "<="],
  ["至多", "<="],
  ["最多", "<="],
  ["小于", "<="],
  ["少于", "<="],
  ["大于", ">="],
  ["多于", ">="],
  ["约", "approx"],
  ["达", ">="],
  // Written as symbols in tables and terse lists ("治疗率≥90%"); full-width forms are made ASCII beforehand.
  [">=", ">="],
  ["≥", ">="],
  ["≧", ">="],
  [">", ">="],
  ["<=", "<="],
  ["≤", "<="],
  ["≦", "<="],
  ["<", "<="],
];

/** Characters that make a following 约 part of a word (签约, 预约, 节约, 制约, 契约, 合约, 公约, 条约, 履约, 特约). */
export const NOT_ABOUT_BEFORE = "签预节制契合公条履特邀违";

/** Operator cues written after a number (and its unit). */
export const OP_AFTER: readonly (readonly [string, ">=" | "<=" | "approx"])[] = [
  ["及以上", ">="],
  ["以上", ">="],
  ["及以下", "<="],
  ["以下", "<="],
  ["以内", "<="],
  ["之内", "<="],
  ["左右", "approx"],
  ["上下", "approx"],
];

/**
 * Verbs that make a following count a goal ("建成5个", "新增1-2家", "开展新技术2个"). A count without one of
 * these (or an operator cue) describes something that exists already ("我市3家县医院").
 */
export const GOAL_VERBS = [
  "建成",
  "建设",
  "建强",
  "建好",
  "建立",
  "新建",
  "扩建",
  "打造",
  "组建",
  "创建",
  "培育",
  "开展",
  "举办",
  "召开",
  "开设",
  "配备",
  "配齐",
  "申报",
  "新增",
  "增加",
  "增设",
  "设立",
  "设置",
  "引进",
  "培养",
  "培训",
  "招聘",
  "招录",
  "遴选",
  "评选",
  "认定",
  "完成",
  "实现",
  "推动",
  "推进",
  "力争",
  "争取",
  "确保",
  "达到",
  "创成",
  "争创",
  "获批",
  "入选",
  "挂牌",
  "立项",
  "成立",
  "改造",
  "提升",
  "选派",
  "派驻",
  "组织",
  "发放",
  "救助",
  "签约",
  "覆盖",
  "拥有",
  // Doing things a number of times or for a number of people: 推广适宜技术10项, 下沉医师100名, 筛查1万人… (not 帮扶:
  // "对口帮扶12家县级医院" names hospitals that are there already).
  "推广",
  "实施",
  "下沉",
  "派出",
  "接种",
  "筛查",
  "救治",
  "资助",
  "随访",
  "巡诊",
  "义诊",
  "惠及",
  "受益",
  "投用",
  "投入使用",
  // Money put in: 投入资金3000万元, 筹集…, 安排专项资金500万元 (after 投入使用, which is matched first).
  "投入",
  "筹集",
  "拨付",
  "安排",
  "制定",
  "修订",
  "购置",
  "配置",
] as const;

/**
 * Verbs by which things counted reach a standard or a grade ("2家卫生院达到推荐标准", "3家医院通过三级医院评审"); 达标 is
 * a word of its own ("示范达标医院").
 */
export const REACH = /(?:达到|达(?!标)|通过|创成|获评|晋升为|成为)/;

/** Verbs of a change by an amount ("提高2个百分点", "进一步提高县域内就诊率"), as one alternation for patterns. */
export const CHANGE = "(?:提高|提升|降低|下降|增加|减少|增长|扩大|缩小)";

/** Words right before a count that mark an existing set or a host, not a goal ("与6个", "我市3家", "依托1所"). */
export const SET_MARKERS_BEFORE = [
  "我市",
  "我区",
  "我县",
  "全市",
  "全区",
  "与",
  "同",
  "对",
  "依托",
  "覆盖",
  "等",
  "方面",
  "其中",
  "包括",
  "第",
  "前",
  "近",
  "这",
  "该",
  "各",
  "每",
  "首批",
  "提供",
  "涉及",
  "围绕",
  "聚焦",
  "针对",
  "通过",
  "历时",
  "连续",
  "开展了",
  // Places helped or run by others are there already: 对口帮扶32家县级医院, 托管3家乡镇卫生院.
  "帮扶",
  "支援",
  "托管",
] as const;

/** A number followed by one of these is a time, a date or a span, never a target value. */
export const TIME_UNITS = [
  "年",
  "月",
  "日",
  "周年",
  "周岁",
  "周",
  "季度",
  "个月",
  "天",
  "小时",
  "分钟",
  "号",
] as const;

/** Durations that are targets only after a limiting cue ("平均住院日控制在8天以内"). */
export const DURATION_UNITS = ["天", "小时", "分钟"] as const;

/** Counters read as counts (whole things). Longest first. */
export const COUNTERS = [
  // Measures (read whole before a counter they begin with).
  "平方米",
  "立方米",
  "公斤",
  "千克",
  "公顷",
  "千米",
  "毫升",
  "万人次",
  "个百分点",
  "百分点",
  "人次",
  "例次",
  "台次",
  "万人份",
  "人份",
  "万人",
  "万元",
  "亿元",
  "个",
  "家",
  "所",
  "次",
  "项",
  "名",
  "张",
  "人",
  "台",
  "套",
  "场次",
  "场",
  "篇",
  "支",
  "座",
  "间",
  "种",
  "例",
  "户",
  "元",
  "倍",
  "级",
  "岁",
  "床",
  "类",
  "期",
  "批",
  "轮",
  "届",
  "剂次",
  "辆",
  "条",
  "份",
  "公里",
  "组",
  // 采血量达到12吨.
  "吨",
  // 核酸检测能力达到2000管/日.
  "管",
  "剂",
  "册",
] as const;

/** What a unit may be per, after "/": "2000管/日", "90元/人", "3.2名/千人". */
export const PER_UNITS = [
  "10万人",
  "千人",
  "万人",
  "百人",
  "人口",
  "日",
  "天",
  "周",
  "月",
  "年",
  "人",
  "次",
  "床",
  "例",
] as const;

/** Units after which a following noun makes the number a qualifier ("65岁以上老年人", "二级以上医院"). */
export const QUALIFIER_UNITS = ["岁", "周岁", "级", "甲", "星"] as const;

/** "分别" / "均" / "各": one sentence, several targets. */
export const RESPECTIVELY = ["分别", "依次"] as const;
export const EACH = ["均", "都", "各"] as const;

/** Where a web page's body ends: what follows is navigation or related links. */
export const END_MARKERS = [
  "来源:",
  "来源：",
  "相关链接",
  "相关文章",
  "相关阅读",
  "相关新闻",
  "上一篇",
  "下一篇",
  "责任编辑",
  "打印本页",
  "关闭窗口",
  "扫一扫",
  "分享到",
  "我要留言",
  "【打印】",
  "相关推荐",
  "推荐阅读",
  "延伸阅读",
  "热门文章",
  "猜你喜欢",
  "免责声明",
  "版权所有",
  "网站地图",
  "主办单位:",
  "分享:",
  "【关闭】",
] as const;

/** Words that mark a plan's title line. */
export const PLAN_TITLE_WORDS = [
  "工作要点",
  "实施方案",
  "工作计划",
  "工作方案",
  "行动方案",
  "行动计划",
  "任务清单",
  "任务分工",
  "工作任务",
  "重点工作",
  "工作重点",
  "工作安排",
  "实施意见",
  "分解表",
  "任务表",
  "一览表",
  // A table of a year's indicators ("2025年卫生健康事业发展主要指标") or a target responsibility document.
  "主要指标",
  "指标体系",
  "目标任务",
  "责任书",
  "要点",
  "方案",
  "计划",
  "清单",
  // A report is read too (its figures are achievements, see BASE_SECTION_WORDS), and it is titled like a plan.
  "工作总结",
] as const;

/**
 * A level alone ("省级"), naming a further count of what the clause before counted: "创建国家级示范区1个，省级2个".
 */
export const LEVEL_ONLY = /^(?:国家|省|市|县|区)级$/;
export const LEVEL_AT_START = /^(?:国家|省|市|县|区)级/;

/**
 * What enumerates points inside a paragraph without making them items: ①…⑳ and 一是/二是… ("一是加强…；二是…").
 * A clause that starts with one starts after it.
 */
export const ENUMERATOR = /^(?:[\u2460-\u2473]|[一二三四五六七八九十]是)\s*/;

/**
 * Indicators that are to stay under a bare value (a table's "9" for 孕产妇死亡率 means at most 9): deaths, illness,
 * harm, costs and waits. Any other bare value is a level to reach.
 */
export const AT_MOST_INDICATORS = [
  "死亡率",
  "病死率",
  "发病率",
  "患病率",
  "感染率",
  "发生率",
  "吸烟率",
  "肥胖率",
  "超重率",
  "流行率",
  "漏报率",
  "差错率",
  "下降",
  "降低",
  "减少",
  "不良",
  "负债",
  "支出占",
  "费用占",
  "药占比",
  "耗占比",
  "住院日",
  "等候",
  "等待",
  "增幅",
  "增长率",
] as const;

/** Words of what has been done, before a figure: a report, not a goal ("已完成342384例", "累计培训500人"). */
export const PAST_MARKS = [
  "已完成",
  "已累计",
  "累计",
  "已达到",
  "已建成",
  "已实现",
  "共有",
  "完成了",
  "实现了",
  "达到了",
  "提高了",
  "下降了",
  "降低了",
  "增长了",
  "建成了",
  "开展了",
  "培训了",
] as const;

/**
 * Headings of what a plan looks back on, not what it sets out to do (一、工作开展情况, (一)发展基础, a 工作总结 before
 * the plan): the figures under them are achievements, not targets.
 */
export const BASE_SECTION_WORDS = [
  "工作总结",
  "工作开展情况",
  "工作完成情况",
  "完成情况",
  "主要成效",
  "取得成效",
  "工作成效",
  "主要成绩",
  "取得的成绩",
  "工作基础",
  "发展基础",
  "发展现状",
  "现状分析",
  "基本情况",
  "工作回顾",
  "面临形势",
  "形势分析",
] as const;

/** Words of a heading that sets out work to do, which a base word in it does not undo ("2024年工作安排"). */
export const FORWARD_SECTION_WORDS = [
  "目标",
  "任务",
  "计划",
  "安排",
  "要点",
  "举措",
  "措施",
  "思路",
  "打算",
] as const;

/**
 * A plan's standard section headings (一、总体要求, （二）主要目标…): where a page pasted without its breaks runs a
 * heading into its paragraph ("一、总体要求到2022年，…"), the heading's title ends with the word.
 */
export const SECTION_HEADINGS = [
  "总体要求",
  "总体目标",
  "指导思想",
  "基本原则",
  "工作目标",
  "主要目标",
  "发展目标",
  "重点任务",
  "主要任务",
  "工作任务",
  "重点工作",
  "工作措施",
  "保障措施",
  "组织保障",
  "组织实施",
  "实施步骤",
  "职责分工",
  "工作要求",
] as const;

/**
 * Titles of a plan's sections of guidance (一、指导思想, 二、基本原则): prose that sets the direction, no work a unit
 * reports progress on. A template shows such a section as a heading when nothing in it is measured or assigned.
 */
export const GUIDANCE_SECTION_WORDS = [
  "指导思想",
  "基本原则",
  "工作原则",
  "总体要求",
  "总体思路",
  "工作思路",
  "工作要求",
] as const;

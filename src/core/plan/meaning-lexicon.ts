/**
 * The words that decide what a target means: whom it applies to (its scope) and how its figures roll up across
 * units (its method). One file, read by target-meaning.ts; docs/targets.md's table of rules is written from it. Matching is
 * done on normalised text (simplified, half-width), so only simplified forms are listed.
 */

/**
 * Scope `each`: every reporting unit must reach the target. Words before the figure that spread it over each place
 * (每个县区均建强1所…, 各医院…, 所有…); "均" only where it is not part of 平均, 人均, 年均… (see target-meaning.ts).
 */
export const EACH_WORDS = [
  "每个",
  "每家",
  "每所",
  "每一",
  "每名",
  "每位",
  "各",
  "所有",
  "全部",
  "一律",
  "均",
] as const;

/** 各 that does not spread a figure over places (各项任务, 各部门配合, 各自, 各方面). */
export const NOT_EACH_AFTER_GE = [
  "项",
  "方",
  "自",
  "界",
  "种",
  "部门",
  "有关",
  "相关",
  "环节",
  "阶段",
  "司",
] as const;

/** "以乡镇为单位…接种率": the rate is to hold in every such place. */
export const EACH_PER_PLACE = /以[^,;。]{1,8}为单位/;

/**
 * Scope `total`: the area as a whole must reach it. Words naming the whole area (全市孕产妇死亡率, 我市新增…).
 */
export const AREA_WORDS = [
  "全国",
  "全省",
  "全市",
  "全区",
  "全县",
  "全州",
  "全盟",
  "全旗",
  "全域",
  "全辖区",
  "我省",
  "我市",
  "我区",
  "我县",
  "本市",
  "本区",
  "本县",
  "辖区",
  "市域",
  "县域",
  "区域内",
] as const;

/**
 * Scope `total`: verbs of things made or added (新增互联网医院1-2家, 建成5个重点学科): how many the area makes, to
 * which each unit contributes its own. Only for figures that add up (counts and amounts).
 */
export const BUILD_WORDS = [
  "新增",
  "新建",
  "新设",
  "建成",
  "建设",
  "建强",
  "建好",
  "打造",
  "创建",
  "创成",
  "组建",
  "培育",
  "申报",
  "遴选",
  "引进",
  "招聘",
  "招录",
  "培养",
  "设立",
  "认定",
  "投入",
  "争取",
  "新改扩建",
] as const;

/**
 * Scope `total`: indicators of a population, which only an area has (孕产妇死亡率, 人均预期寿命, 签约服务覆盖率):
 * a hospital has no life expectancy of its own.
 */
export const AREA_INDICATOR_WORDS = [
  "死亡率",
  "发病率",
  "患病率",
  "感染率",
  "预期寿命",
  "健康素养",
  "覆盖率",
  "签约",
  "就诊率",
  "接种率",
  "筛查率",
  "系统管理率",
  "健康管理率",
  "规范管理率",
  "知晓率",
  "出生缺陷",
  "生育率",
  "参保率",
  "普及率",
] as const;

/** Scope `each`: units of an activity's frequency (开展培训3-5次, 组织演练2场): every unit holds its own. */
export const FREQUENCY_UNITS = ["次", "场", "期", "轮", "批次"] as const;

/**
 * A share of places ("60%以上的二级以上综合医院开设…"): the share is the area's, no single place has one.
 */
export const SHARE_OF_PLACES = /\d(?:\.\d+)?%(?:以上|以下|左右)?的/;

/**
 * Method `mean`: figures that never add up. Words of the indicator: averages, per-capita figures, ages and
 * lengths of time, indices, scores, levels and ratios (平均住院日, 人均预期寿命, 满意度, 电子病历应用水平, 医护比).
 */
export const MEAN_WORDS = [
  "指数",
  "满意度",
  "评分",
  "得分",
  "分值",
  "水平",
  "级别",
  "等级",
  "寿命",
  "年龄",
  "住院日",
  "天数",
  "时间",
  "时长",
  "周转",
  "医护比",
  "床护比",
  "床人比",
] as const;

/** Method `mean` whatever the unit: averages and per-capita figures (人均经费 元, 平均每院医师数 名). */
export const AVERAGE_WORDS = [
  "人均",
  "平均",
  "次均",
  "均次",
  "例均",
  "床均",
  "日均",
  "年均",
  "户均",
  "院均",
] as const;

/**
 * Not a scope word: a build verb inside a place name (南昌市新建区), told by the place suffix after it.
 */
export const PLACE_SUFFIX = /^[区县市镇乡村]/;

/** "孕产妇和3岁以下儿童系统管理率均达到90%": after a list of indicators, 均 spreads the figure over them, not over units. */
export const LIST_JOINERS = ["和", "与", "及", "、"] as const;

/** Method `mean`: units of measure that never add up (levels, ages, durations, scores, 1:X, multiples). */
export const MEAN_UNITS = [
  "级",
  "岁",
  "天",
  "日",
  "小时",
  "分钟",
  "秒",
  "分",
  "周",
  "个月",
  "倍",
  "ratio",
] as const;

/** Method `ratio`: units of a rate, rolled up as Σ分子/Σ分母 × scale (the keys of RATE_MULTIPLIER). */
export const RATIO_UNITS = ["%", "‰", "/万", "/10万"] as const;

/** Method `mean`: a change rather than a level (门诊次均费用增幅 ≤5%, 较上年提高2个百分点) is never a Σ分子/Σ分母. */
export const CHANGE_WORDS = ["增幅", "增长率", "增速", "降幅", "下降率", "涨幅"] as const;

/** Scope `total`: a unit of measure per population (张/千人, 名/10万人, 元/人): only an area has a population. */
export const PER_POPULATION_UNIT = /\/(?:\d*[千万百]?)人/;

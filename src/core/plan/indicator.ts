import {
  CHANGE,
  EACH,
  GOAL_VERBS,
  LEVEL_AT_START,
  LEVEL_ONLY,
  NOT_ABOUT_BEFORE,
  OP_AFTER,
  OP_BEFORE,
  REACH,
  RESPECTIVELY,
} from "./lexicon";
import type { NumberToken } from "./read-number";

/**
 * Words that open a clause without being part of what it names: 力争, 确保, 全市, 进一步, 使, 将…, and a list's labels
 * inside a paragraph or a cell (1. （1） ①). A single character is
 * left when it starts a word of the name (使用率, 并发症, 到位率, 按时完成率, 要素, 均衡), and nothing is left out that would
 * leave a bare 率 or a name of two characters (实现率).
 */
const FILLER =
  /^(?:\s|\(|[—\-·•\u2460-\u249b]|\d{1,2}[.、)](?!\d)|[一二三四五六七八九十]是|且|到(?![位岗院期诊])|至(?!少)|力争|争取|确保|保证|完成(?!率)|加快|做好|抓好|加强|强化|深化|扎实|全面|落实|全省|全市|全区|全县|全镇|全乡|全年|今年|明年|本年度|年内|我省|我市|我区|我县|持续|进一步|逐步|实现|使(?!用)|把(?![握关])|并(?!发)|按照|依照|参照|按(?![时期需])|要(?![素求])|将|其中|同时|均(?![衡等次]))/;

function stripFiller(s: string): string {
  let out = s;
  for (let m = FILLER.exec(out); m; m = FILLER.exec(out)) {
    const rest = out.slice(m[0].length);
    if (/^[^率比数量度]?[率比数量度]$/.test(rest.trim())) break;
    out = rest;
  }
  return out;
}
const TIME = /(?:到|至|截至)?20\d\d年(?:底|末|上半年|下半年)?(?:前)?/g;
/** The head of a counted name that a list shares: "救治中心数", "医院数", "工作室数". */
const COUNTED_HEAD = /[\u4e00-\u9fa5]{0,2}(?:中心|医院|门诊|专科|学科|基地|工作室|站|室)数$/;
/** The measure word a rate's name ends with. */
const RATE_END = /(?:率|比例|占比|水平|级别|指数|满意度|知晓度|增幅|增长幅度|幅度)$/;
const RATE_SUFFIX = new RegExp(`[\\u4e00-\\u9fa5]{1,4}${RATE_END.source}`);

const END_WORDS = [
  ...OP_BEFORE.map(([x]) => x),
  ...EACH,
  ...RESPECTIVELY,
  // "…分级评价平均达到4级": on average, not the 平 of a name cut off at its 均.
  "平均",
  // "接种率保持95%以上": 保持 without 在.
  "保持",
  "稳定",
  // "接种率持续保持在90%以上".
  "持续",
  "继续",
  "始终",
  // "居民健康素养水平巩固在30%以上".
  "巩固",
  "原则上",
  // A change by an amount ("近视率力争每年降低0.5个百分点"): the name is what changes.
  "提高",
  "提升",
  "降低",
  "下降",
  "减少",
  "增长",
  "缩短",
  // "平均预约时段精准到30分钟以内": what a time is made exact to.
  "精准到",
  "精确到",
  "精准至",
  "精确至",
  "每年",
  // "签约服务费每人每年不低于120元", "养老补助标准提高到每月500元": how often or per whom an amount is paid.
  "每人",
  "每月",
  "每季度",
  "逐年",
  "必须",
  "须",
  "需",
  "最高",
  "最低",
  "为",
  "是",
  "的",
  "应",
  "要",
  "力争",
  "争取",
  "确保",
  "达",
  "在",
  "对",
  "于",
  "按",
].sort((a, b) => b.length - a.length);

function stripEndWords(s: string): string {
  let out = s;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of END_WORDS) {
      // (约 as in 签约 or 预约 is part of the name, not "about".)
      if (w === "约" && NOT_ABOUT_BEFORE.includes(out[out.length - 2] ?? "")) continue;
      if (out.length >= w.length && out.endsWith(w)) {
        out = out.slice(0, -w.length);
        changed = true;
      }
    }
  }
  // ("控烟宣传覆盖率(不低于90%)": the bracket that holds the goal is not part of the name.)
  return out
    .replace(/["“”]/g, "")
    .replace(/[(（]\s*$/, "")
    .trim();
}

/** "组织开展基层医务人员培训" → "基层医务人员培训". */
function stripLeadingVerbs(s: string): string {
  let out = s;
  for (let changed = true; changed;) {
    changed = false;
    for (const v of GOAL_VERBS) {
      if (out.startsWith(v) && out.length > v.length) {
        out = out.slice(v.length);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * A short name for what a target measures, in the document's own words: the subject of the clause
 * ("孕产妇死亡率控制在12/10万以下" → "孕产妇死亡率"), or for a count the thing counted plus 数
 * ("建成5个省级重点学科" → "省级重点学科数").
 */
export function indicatorOf(
  sentence: string,
  clause: { readonly start: number; readonly end: number },
  group: readonly NumberToken[],
  previous: { readonly end: number; readonly indicator: string } | null = null,
): string {
  const first = group[0] as NumberToken;
  const last = group[group.length - 1] as NumberToken;
  const from = previous && previous.end > clause.start ? previous.end : clause.start;
  const preText = stripFiller(
    stripEndWords(
      sentence
        .slice(from, first.start)
        // A comparison before the change ("较2020年降低10%", "比上年提高", "比2025年末增加"): the subject is what comes
        // before it.
        .replace(/(?:较|同比|比(?=20\d\d年|上年|去年))[^,;:]*$/, "")
        .replace(TIME, "")
        // "预约率超60%": more than (not the 超 of 彩超).
        .replace(/(?<=[率比数量度])超$/, "")
        // "签约覆盖率提升5个百分点至80%": the change on the way to the level is not part of the name.
        .replace(CHANGE_BY_POINTS, "")
        // A baseline before the target ("床位由现有的120张增加至200张"): the subject is what comes before it.
        .replace(/(?:从|由)[^,;:从由]*\d[^,;:从由]*$/, "")
        .replace(/^(?:以上|以下|以内|左右|及以上)?的?/, ""),
    ),
  );
  // "95%以上的A和85%以上的B": a subject that ends with 和 belongs to the number before; this one's follows it.
  // "A2个、B10个": a subject that starts with 、 is the next item of a list after the number before.
  const joined = /[和及与、]$/.test(preText) ? "" : preText.replace(/^(?:[和与、]|及(?![时早格]))+/, "");
  // "年薪不低于本院职工平均工资的8倍": a multiple's subject is what comes before its cue, not what it multiplies.
  const multipleCue = first.unit === "倍" ? lastCueAt(joined) : -1;
  const subject = multipleCue > 0 ? stripEndWords(joined.slice(0, multipleCue)) : joined;
  // "婴幼儿托位数每千人口达到4.5个": per how many people goes first (每千人口婴幼儿托位数).
  // (Not after a verb: "全科医生数达到每万人口4名" is named from what comes before the verb.)
  const per = PER_POPULATION_AT_END.exec(subject);
  const measured = per ? subject.slice(0, per.index) : "";
  const stripped = measured && stripEndWords(measured);
  // "全科医生数达每万人口3.5名": after a cue, a per-population figure is named by the measure before the cue.
  const beforeCue = stripped && stripped !== measured && stripped.endsWith("数") ? stripped : null;
  const perFirst =
    per && measured && stripped === measured && !GOAL_VERBS.some((v) => measured.endsWith(v))
      ? `${per[0]}${measured}`
      : (beforeCue ?? subject);
  // "病床使用率三级医院≥90%": whose rate it is goes first (三级医院病床使用率).
  const whoAfter = RATE_THEN_WHO.exec(perFirst);
  const pre = whoAfter ? `${whoAfter[2]}${whoAfter[1]}` : perFirst;
  let post = sentence.slice(last.end, clause.end);
  for (const [w] of OP_AFTER) if (post.startsWith(w)) post = post.slice(w.length);
  // A note in brackets after the number ("100名（含转岗培训50名）") does not say what is counted.
  post = post.replace(/^\([^()]*\)/, "");
  post = post.replace(/^的/, "");
  // What a number counts follows it, up to the next number of a list ("6个城市医疗集团和9个县域医共体"); a number
  // followed by 、 or 和 ends its item instead ("专科2个、省级重点专科10个"): what it counts came before it.
  // "不少于2名/村": what follows a slash is per what, not what is counted.
  // "1名能提供中医药服务的医技人员": who can do something are counted with what they can do.
  const able =
    /^((?:能|能够|可|可以|具备|具有|取得)[^,;:。的\d]{1,12})的([^,;:。的\d]{2,8})(?=[,;:。]|$)/.exec(post);
  const object = (
    /^[和及与、/)]/.test(post)
      ? ""
      : able
        ? able[0]
        : // "派驻10名医师到乡镇卫生院帮扶": where they go is not what is counted.
          (post.split(
            /的|[,;:。]|\d+(?:\.\d+)?[%‰]|[和及与、]\d|(?<=..)(?:(?<![达高升降加少大做实确化])到|赴|参加|参与)/,
          )[0] ?? "")
  )
    .replace(/["“”]/g, "")
    .replace(/[和及与、]$/, "")
    .trim();
  const isRate = first.unit === "%" || first.unit === "‰" || first.unit === "/10万" || first.unit === "ratio";
  // "严重精神障碍患者报告患病率稳定在4.5‰以上，规范管理率达到95%": the second names only the rate; whose it is was
  // said before.
  if (isRate && previous && /^[\u4e00-\u9fa5]{1,4}率$/.test(pre) && !OWNER.test(pre)) {
    // "新生儿听力筛查8000例以上，筛查率达到95%": the rate of what the clause before counted or measured.
    const stem = pre.slice(0, -1);
    const at = previous.indicator.lastIndexOf(stem);
    if (stem.length >= 2 && at > 0) return `${previous.indicator.slice(0, at + stem.length)}率`;
    const owner = /率$/.test(previous.indicator) ? OWNER.exec(previous.indicator)?.[0] : undefined;
    if (owner && owner.length < previous.indicator.length) return `${owner}${pre}`;
  }
  // "中医床位不低于总床位数的5%", "按不低于编制床位的15%设置负压病床": a share of something else (中医床位占总床位数比例).
  const shareOf = isRate ? SHARE_OF.exec(sentence.slice(from, first.start)) : null;
  if (shareOf) {
    const part = stripFiller(stripEndWords(shareOf[1] ?? "")) || stripLeadingVerbs(object);
    if (part) return `${part}占${shareOf[2]}比例`;
  }
  // "…推动全区二级及以上公立综合性医院老年医学科设置,设置比例数达到96%以上": a short name that takes up the word the clause
  // before ended with is that clause's subject going on.
  const goingOn = isRate && pre.length <= 6 ? continuedFrom(sentence, clause.start, pre) : null;
  if (goingOn) return goingOn;
  if (/[数率比量度]$/.test(pre)) return pre;
  // "反应时间城区控制在12分钟以内、农村控制在30分钟以内": the second names only where; the measure is the one before.
  const place = previous ? PLACE_AT_END.exec(previous.indicator) : null;
  if (place && previous && PLACE.test(pre)) return `${previous.indicator.slice(0, place.index)}${pre}`;
  // Levels, ages, money, multiples and durations are values of the subject, not things counted.
  const isValue = /^(级|岁|周岁|元|万元|亿元|倍|万|百分点|个百分点|天|日|小时|分钟|公里)$/.test(
    first.unit ?? "",
  );
  if (!isRate && !isValue && first.unit !== null) {
    const unit = first.unit.replace(/^万/, "");
    const suffix =
      unit === "人次" || unit === "台次" || unit === "例次"
        ? unit
        : unit === "名" || unit === "人"
          ? "人数"
          : unit === "次" || unit === "场次"
            ? "次数"
            : "数";
    // "每个乡镇卫生院至少配备1名执业中医师": a count for each place says so (每个乡镇卫生院执业中医师数).
    const each = EACH_PLACE.exec(pre)?.[0];
    const forEach = (name: string) => (each && !name.startsWith(each) ? `${each}${name}` : name);
    const verbs = GOAL_VERBS.map((v) => ({ v, at: lastVerbAt(pre, v) })).sort((a, b) => b.at - a.at);
    const verb = verbs[0];
    // "2家卫生院达到推荐标准": the things counted are those that reach it (达到推荐标准的卫生院数).
    const reached = object ? REACH_AFTER_NOUN.exec(object) : null;
    // ("1家以上的医院考核结果达到A": what is said of the places counted goes with the standard: 考核结果达到A的医院数.)
    const said = reached ? PLACE_THEN_MORE.exec(reached[1] ?? "") : null;
    if (said) return forEach(`${said[2]}${reached?.[2]}的${said[1]}数`);
    if (reached) return forEach(`${reached[2]}的${reached[1]}数`);
    // "建成5个达到国家标准的中心": what is counted follows the standard it reaches.
    const reaching = REACH_THEN_NOUN.exec(post);
    if (reaching) return forEach(`${reaching[0]}数`);
    // "…2-3所县级医院达推荐标准，力争1-2所达三级医院服务能力水平": the places counted are those counted before.
    const countedBefore = previous ? /的([^的]{2,12})数$/.exec(previous.indicator)?.[1] : undefined;
    if (countedBefore && REACH_FIRST.test(object)) return forEach(`${object}的${countedBefore}数`);
    if (object && object.length <= 30)
      return forEach(`${object}${/^(?:人次|台次|例次)$/.test(unit) ? unit : "数"}`);
    // What the last goal verb with something after it acts on ("全年完成新生儿听力筛查": 完成, not the 筛查 that ends
    // the name).
    const acting = verbs.find(({ v, at }) => at >= 0 && at + v.length < pre.length);
    // ("开展“世界卫生日”等主题宣传活动": what is counted is the 主题宣传活动, not the 等 left after the quoted name.)
    const counted = acting ? pre.slice(acting.at + acting.v.length).replace(/^□*等(?![级次])/, "") : "";
    // "医师达到每10万人口4.5名": what follows the verb says per how many; what is counted came before it.
    if (counted && /^每/.test(counted) && acting && acting.at > 0)
      return forEach(countOf(stripEndWords(pre.slice(0, acting.at))));
    // "覆盖人群不少于1000人", "派驻人员不少于2人": people counted by what is done for them (覆盖人群数, 派驻人员数).
    if (acting && /^(?:人群|人员|人口|对象)$/.test(counted)) return forEach(`${acting.v}${counted}数`);
    // "累计达到“优质服务基层行”推荐标准的机构": the places that reach a standard keep the verb (达到…的机构数).
    if (counted && acting && /的/.test(counted) && REACH_FIRST.test(acting.v))
      return forEach(`${acting.v}${counted}${suffix}`);
    if (counted) return forEach(`${counted}${suffix}`);
    const owner = verb && verb.at > 0 ? stripEndWords(pre.slice(0, verb.at)) : pre;
    // "建成5个标准化发热门诊，每个县区至少建成1个": the thing counted was named just before.
    if (previous && previous.indicator.endsWith("数") && /^(每|各|其中)/.test(owner)) {
      return forEach(`${owner}${previous.indicator}`);
    }
    // "创建国家级示范区1个，省级2个": the level names another count of the same thing.
    if (previous && previous.indicator.endsWith("数") && LEVEL_ONLY.test(owner))
      return forEach(`${owner}${previous.indicator.replace(LEVEL_AT_START, "")}`);
    // "互联网医院新增1-2家": what is added, named as the labelled plans do (新增互联网医院数).
    if (verb && /^(?:新增|增加|新建)$/.test(verb.v) && verb.at > 0 && verb.at + verb.v.length === pre.length)
      return forEach(`${verb.v}${stripEndWords(pre.slice(0, verb.at))}${suffix}`);
    const activity = stripLeadingVerbs(pre);
    if (activity) return forEach(`${activity}${suffix}`);
  }
  // "临床用血100%来自专业供血机构": the share of it that does so (临床用血来自专业供血机构的比例).
  if (isRate && pre && !MEASURE_END.test(pre) && /^(?:来自|用于|使用|采用|纳入|接受|参加|通过)/.test(object))
    return `${pre}${object}的比例`;
  // "80%的乡镇卫生院完成公共卫生站标准化建设": the share of the places counted that do it (完成…的乡镇卫生院比例).
  const doing = isRate && !pre && object ? PLACES_THEN_DOING.exec(object) : null;
  if (doing) return `${doing[2]}的${doing[1]}比例`;
  if (isRate && !pre && object) return `${object}比例`;
  // "基本药物配备使用金额占比，基层医疗卫生机构不低于90%，二级公立医院不低于80%": the measure is named alone before, and
  // each clause names only who.
  const measure =
    isRate && pre && pre.length <= 12 && !MEASURE_END.test(pre)
      ? bareMeasureBefore(sentence, clause.start)
      : null;
  if (measure) return `${pre}${measure}`;
  // "三级医院预约诊疗率达到70%以上，二级医院达到60%以上": the second names only who; the rate is the one before.
  if (isRate && pre && previous && pre.length <= 10 && !MEASURE_END.test(pre)) {
    // "60—79岁人群接种率…，80岁以上人群达到85%": the measure follows where the two names meet (人群).
    const shared = measureAfterShared(pre, previous.indicator);
    if (shared && MEASURE_END.test(shared)) return shared;
    // (Only when the rate follows whom it was of, so as not to cut a word: "基层诊疗量占比" has no such part.)
    const rate = RATE_SUFFIX.exec(previous.indicator);
    const whose = rate ? previous.indicator.slice(0, rate.index) : "";
    // (And only for a "who": "无偿献血人次增长5%" after a rate is a measure of its own.)
    if (rate && WHO_END.test(whose) && WHO_END.test(pre) && !previous.indicator.startsWith(pre))
      return `${pre}${rate[0]}`;
    // "签约服务覆盖率达到40%以上，其中重点人群达到75%以上，脱贫人口达到95%以上": others the measure before is given
    // for (without whom it was of, if it named them).
    const measure = previous.indicator.slice(OWNER.exec(previous.indicator)?.[0].length ?? 0);
    if (ONLY_WHO.test(pre) && MEASURE_END.test(measure)) return `${pre}${measure}`;
  }
  // "院前急救平均反应时间：城区≤12分钟，农村≤30分钟": a time named alone before, given place by place.
  const timed =
    isValue && pre && (PLACE.test(pre) || WHO_END.test(pre)) && pre.length <= 8
      ? bareMeasureBefore(sentence, clause.start, /(?:时间|住院日|时长|半径|天数)$/)
      : null;
  if (timed) return `${timed}${pre}`;
  // "三级公立医院平均住院日控制在8.5天以内，二级公立医院控制在7天以内": the second names only who; the measure follows
  // where the two names meet ("公立医院").
  if (isValue && pre && previous && pre.length <= 10 && !/(率|比例|数|量|度|水平|指数|日|时间)$/.test(pre)) {
    const borrowed = measureAfterShared(pre, previous.indicator);
    if (borrowed) return borrowed;
  }
  if (pre) return pre;
  if (object) return `${object}比例`;
  // "…的8倍，且不低于6万元": a second limit on the subject of the target before.
  if (previous) return previous.indicator;
  return subjectBefore(sentence, clause.start) ?? sentence.slice(clause.start, clause.end).trim();
}

/** People a measure is taken of: "严重精神障碍患者", "65岁以上老年人". */
const POPULATIONS = "患者|人群|儿童|老年人|孕产妇|学生|新生儿|婴儿|妇女|成人";

/** The end of the name of a kind of place counted or measured: 医院, 卫生院, 机构, 中心, 卫生室, 服务站. */
const PLACE_WORD = "(?:医院|卫生院|机构|中心|卫生室|服务站)";

/** A place, then more said of it: "医院考核结果" (not a place named in two words: "中心卫生院"). */
const PLACE_THEN_MORE = new RegExp(`^(.*?${PLACE_WORD})(?!.*${PLACE_WORD}$)(.+)$`);

/** Reaching a standard (see REACH): first, after a noun, or before what reaches it ("达到国家标准的中心"). */
const REACH_FIRST = new RegExp(`^${REACH.source}`);
const REACH_AFTER_NOUN = new RegExp(`^(.{1,12}?)(${REACH.source}.*)$`);
const REACH_THEN_NOUN = new RegExp(`^${REACH.source}[^,;:。的]{1,12}的[^,;:。的]{1,10}`);

/** A change in points on the way to a level: "提升5个百分点至". */
const CHANGE_BY_POINTS = new RegExp(`${CHANGE}[\\d.]+个?百分点(?:至|到)?$`);

/** A measure raised or lowered, at the end of a clause: "提高县域内就诊率". */
const CHANGED_MEASURE = new RegExp(`${CHANGE}([^,;:]{2,24}(?:率|度|比例|占比|水平|指数))$`);

/** What a share is of, before the number: "…中医床位不低于总床位数的" (part, whole); the part may come after the number. */
const SHARE_OF = /^([^,;:]*?)(?:不低于|不少于|不高于|不超过|低于|高于|达到|占)([^,;:的]{2,12})的$/;

/** Places (one, or a list by 、和及) and what they do: "乡镇卫生院和社区卫生服务中心达到服务能力基本标准". */
const PLACES_THEN_DOING = new RegExp(
  `^((?:[^、和及,;:]*?${PLACE_WORD}[、和及])*[^、和及,;:]*?${PLACE_WORD})((?:完成|达到|达|具备|设置|设立|开设|开展|建成|实现|提供|能够|通过|配备)[^,;:]*)$`,
);

/** "每个乡镇卫生院" before what each is to have or do: 至少, 均, or a goal verb. */
const EACH_PLACE = new RegExp(
  `^(?:每个|每一个|各)[^,;:均都至不]{1,10}?(?=均|都|至少|不少于|${GOAL_VERBS.join("|")})`,
);

/** Per how many people a count is given, at the end of a subject: "每千人口", "每10万人口". */
const PER_POPULATION_AT_END = /每(?:千|万|十万|10万|百)名?(?:常住)?人口?$/;

/** A rate, then the kind of institution or the people it is given for: "病床使用率三级医院", "接种率60-79岁人群". */
const RATE_THEN_WHO = new RegExp(`^(.{2,}?(?:率|比例|占比))(.{2,10}(?:${PLACE_WORD}|${POPULATIONS}))$`);

/** A name of who alone: "重点人群", "脱贫人口", "65岁以上老年人". */
const ONLY_WHO = new RegExp(`^[^,;:率比数量度]{0,10}(?:${POPULATIONS}|人口|居民)$`);

/** Whom a rate is of, at the start of its name. */
const OWNER = new RegExp(`^[^,;:]{0,16}?(?:${POPULATIONS})`);

/** The end of a name that says what is measured. */
/** A hospital's grade alone ("三级", "二级"), and at the start of a name. */
const GRADE_ONLY = /^[一二三]级$/;
const GRADE_AT_START = /^[一二三]级/;

const MEASURE_END = /(?:率|比例|占比|数|量|度|水平|指数|住院日|时间|增幅)$/;

/** A count's name: the thing counted and 数, unless the name already says it counts ("全科医生数"). */
const countOf = (name: string): string => (/(?:数|人次)$/.test(name) ? name : `${name}数`);

/**
 * A measure named in a clause of its own earlier in the sentence, with no number ("国家基本药物配备使用金额占比，…"),
 * or null.
 */
function bareMeasureBefore(sentence: string, start: number, end = MEASURE_END): string | null {
  // (Walking back a clause at a time, no further than MEASURE_LOOKBACK clauses: not every clause of a long sentence
  // for each of its targets.)
  for (let stop = start, n = 0; stop >= 0 && n < MEASURE_LOOKBACK; n++) {
    let from = stop - 1;
    while (from >= 0 && !/[,;:]/.test(sentence[from] as string)) from--;
    const text = stripFiller(stripEndWords(sentence.slice(from + 1, stop).trim()));
    stop = from;
    if (!text || /\d/.test(text)) continue;
    return text.length >= 3 && text.length <= 20 && end.test(text) ? text : null;
  }
  return null;
}

/** How many clauses back a measure named alone is looked for (real lists give it for up to some six clauses). */
const MEASURE_LOOKBACK = 16;

/** The clause before `start`, when it has no number and ends with the word `name` starts with, joined to `name`. */
function continuedFrom(sentence: string, start: number, name: string): string | null {
  const before = clauseBefore(sentence, start);
  if (/\d/.test(before) || name.length < 3 || !before.endsWith(name.slice(0, 2))) return null;
  const subject = stripFiller(stripLeadingVerbs(stripFiller(stripEndWords(before))));
  return subject.length >= 4 ? `${subject}${name.slice(2)}`.replace(/比例数$/, "比例") : null;
}

/**
 * The clause before the one that starts at `start` (its break and the spaces after it left out), found by walking
 * back from `start` rather than by splitting all the sentence before it.
 */
function clauseBefore(sentence: string, start: number): string {
  let end = start;
  while (end > 0 && /\s/.test(sentence[end - 1] as string)) end--;
  end = end > 0 && /[,;:]/.test(sentence[end - 1] as string) ? end - 1 : start;
  let from = end;
  while (from > 0 && !/[,;:。]/.test(sentence[from - 1] as string)) from--;
  return sentence.slice(from, end);
}

/** Where the last operator cue (不低于, 达到…) starts in `text`, or -1: the longest of those ending last (不低于, not 低于). */
function lastCueAt(text: string): number {
  let best = { at: -1, end: -1 };
  for (const [w] of OP_BEFORE) {
    const at = text.lastIndexOf(w);
    const end = at + w.length;
    if (at >= 0 && (end > best.end || (end === best.end && at < best.at))) best = { at, end };
  }
  return best.at;
}

/** `who` + what follows the longest end of `who` (two characters or more) found inside `named`, or null. */
function measureAfterShared(who: string, named: string): string | null {
  for (let n = who.length; n >= 2; n--) {
    const at = named.indexOf(who.slice(-n));
    const rest = at > 0 ? named.slice(at + n) : "";
    if (rest) return `${who}${rest}`;
  }
  return null;
}

/** A verb that names a kind of place or work with what follows (救治中心, 筛查点, 随访服务, 培训班) is not the action counted. */
const NOUN_AFTER_VERB = /^(?:中心|站|室|点|机构|体系|网络|能力|水平|服务|工作|率|项目|班|基地)/;

function lastVerbAt(text: string, verb: string): number {
  for (let at = text.lastIndexOf(verb); at >= 0; at = at > 0 ? text.lastIndexOf(verb, at - 1) : -1)
    if (!NOUN_AFTER_VERB.test(text.slice(at + verb.length))) return at;
  return -1;
}

/** Places a measure is given for one by one (城区 and 农村, 城市 and 乡村…). */
const PLACES = "城区|城市|市区|县城|城镇|农村|乡村|乡镇|郊区|山区|平原|门诊|住院|急诊";
const PLACE = new RegExp(`^(?:${PLACES})$`);
const PLACE_AT_END = new RegExp(`(?:${PLACES})$`);

/** The end of a name of whom or where a measure is of: "三级医院", "乡镇卫生院", "高血压患者", "农村". */
const WHO_END = new RegExp(
  `(?:医院|卫生院|机构|中心|室|站|所|居民|县区|区县|地区|${POPULATIONS}|${PLACES})$`,
);

/** Where a clause's subject ends and what is said of it begins: a comparison or a change. */
const SUBJECT_END =
  /较|比上年|同比|提高|提升|下降|降低|增长|增加|减少|达到|控制|保持|不低于|不超过|低于|高于/g;

/**
 * "患者满意度较上年提高2个百分点，达到92%": a clause that names nothing measures the subject of the clause before,
 * when that subject is named like an indicator (…率, …度, …数, …水平, 人均预期寿命, …费用).
 */
function subjectBefore(sentence: string, start: number): string | null {
  const clause = clauseBefore(sentence, start);
  // The verb nearest the number first ("县级医院达到国家推荐标准的比例达到60%"), then earlier ones ("死亡率较上年下降…").
  const cuts = [...clause.matchAll(SUBJECT_END)].reverse();
  for (const cut of cuts) {
    const subject = stripEndWords(stripFiller(clause.slice(0, cut.index).replace(TIME, ""))).trim();
    if (
      subject.length >= 2 &&
      subject.length <= 24 &&
      /(?:率|度|数|比|比例|量|水平|指数|寿命|年龄|费用|时间|收入|支出|经费|标准)$/.test(subject)
    )
      return subject;
  }
  // "进一步提高县域内就诊率，达到90%以上": what the clause before raises or lowers.
  const changed = CHANGED_MEASURE.exec(stripEndWords(clause));
  return changed ? (changed[1] ?? null) : null;
}

/**
 * 和, 及, 与 and 、 between the subjects of a compound indicator, but not inside words: 报告及时率, 健康知识普及率,
 * 参与率, 饱和度, 和谐 (以及 is one conjunction).
 */
const CONJUNCTION = /以及|、|(?<![普涉危波企以])及(?![时早格])|(?<![参给赋])与|(?<![饱缓温平总])和(?![谐睦])/;

/**
 * Splits a compound subject for 均/分别 ("孕产妇和3岁以下儿童系统管理率" → two indicators sharing the rate name).
 * @example splitSubject("5岁以下儿童和婴儿死亡率", true) // → ["5岁以下儿童死亡率", "婴儿死亡率"]
 */
export function splitSubject(indicator: string, distribute: boolean): string[] {
  if (!distribute) return [indicator];
  // "县级医院三、四级手术占比": levels listed before the 级 they share.
  const levels = /^(.*?)((?:[一二三四五六七八九十]、)+[一二三四五六七八九十])(级.+)$/.exec(indicator);
  if (levels) return (levels[2] ?? "").split("、").map((level) => `${levels[1]}${level}${levels[3]}`);
  // "感染者和病人比例、接受抗病毒治疗比例和治疗成功比例": a list by 、 of whole measures; a 和 inside one splits it only
  // between whole measures too (感染者和病人 is who the first one is of).
  const listed = indicator.split("、");
  if (listed.length >= 2 && listed.every((p) => MEASURE_END.test(p))) {
    // "严重精神障碍患者规范管理率、服药率、规律服药率": a short measure after the first is of whom the first was.
    const owner = OWNER.exec(listed[0] ?? "")?.[0];
    return listed.flatMap((p, i) => {
      const inner = p.split(CONJUNCTION).filter(Boolean);
      const whole = inner.length >= 2 && inner.every((q) => MEASURE_END.test(q)) ? inner : [p];
      return i > 0 && owner && p.length <= 6 && !OWNER.test(p) ? whole.map((q) => `${owner}${q}`) : whole;
    });
  }
  const parts = indicator.split(CONJUNCTION).filter(Boolean);
  if (parts.length < 2) return [indicator];
  const lastPart = parts[parts.length - 1] as string;
  // "新增国家级、省级临床重点专科各1个", "三级、二级公立医院病床使用率": levels or grades alone share all of the name after
  // the last one's level.
  for (const [alone, atStart] of [
    [LEVEL_ONLY, LEVEL_AT_START],
    [GRADE_ONLY, GRADE_AT_START],
  ] as const)
    if (atStart.test(lastPart) && parts.slice(0, -1).every((p) => alone.test(p)))
      return parts.map((p, i) => (i < parts.length - 1 ? `${p}${lastPart.replace(atStart, "")}` : p));
  // "市直医院和县区医院电子病历应用水平": kinds of institution, then the measure they share.
  const institutions = new RegExp(`^(.*?${PLACE_WORD})(.{2,})$`).exec(lastPart);
  if (
    institutions &&
    MEASURE_END.test(institutions[2] ?? "") &&
    parts.slice(0, -1).every((p) => new RegExp(`${PLACE_WORD}$`).test(p))
  )
    return parts.map((p, i) => (i < parts.length - 1 ? `${p}${institutions[2]}` : p));
  const m = RATE_SUFFIX.exec(lastPart.slice(2));
  const suffix = m ? m[0] : "";
  if (suffix) {
    // "高血压、糖尿病患者规范管理率": whom the rate is of, named once at the end, is shared too (高血压患者规范管理率), unless
    // a part names its own (孕产妇和3岁以下儿童系统管理率).
    // (Whom, written before the suffix: 患者基层规范管理服务率.)
    // (Or whom, run into the suffix: "城市和农村孕产妇死亡率", where the suffix read is 产妇死亡率.)
    const whom =
      [...lastPart.matchAll(new RegExp(`(?:${POPULATIONS})(?=.*${suffix}$)`, "g"))].pop() ??
      [...lastPart.matchAll(new RegExp(`(?:${POPULATIONS})(?=.*${RATE_END.source})`, "g"))].pop();
    const tail = whom?.index ? lastPart.slice(whom.index) : suffix;
    const ownWhom = new RegExp(`(?:${POPULATIONS})$`);
    return parts.map((p, i) =>
      i < parts.length - 1 && !RATE_SUFFIX.test(p) ? joinShared(p, ownWhom.test(p) ? suffix : tail) : p,
    );
  }
  // "胸痛、卒中、危重新生儿救治中心各1个": the kind of place counted is named once, at the end.
  const head = COUNTED_HEAD.exec(lastPart.slice(2))?.[0] ?? "";
  return parts.map((p, i) => (i < parts.length - 1 && head ? joinShared(p, head) : p));
}

/**
 * A part of a list and the end of the name the list shares, without what the part already ends with (two characters
 * or more): 门诊次均费用 + 次均费用增幅 → 门诊次均费用增幅, 危重孕产妇救治中心 + 救治中心数 → 危重孕产妇救治中心数, but
 * 卒中 + 中心数 → 卒中中心数.
 */
function joinShared(part: string, end: string): string {
  for (let n = Math.min(part.length, end.length); n >= 2; n--)
    if (part.endsWith(end.slice(0, n))) return part + end.slice(n);
  return part + end;
}

/** The kind of institution each name of a list is for ("市直医院", "县区医院"), or null when one of them names none. */
export function whosOf(names: readonly string[]): string[] | null {
  const who = new RegExp(`^.*?${PLACE_WORD}`);
  const found = names.map((n) => who.exec(n)?.[0]);
  return found.every((w): w is string => w !== undefined && w.length < 12) ? found : null;
}

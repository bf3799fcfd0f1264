import {
  AREA_INDICATOR_WORDS,
  AREA_WORDS,
  AVERAGE_WORDS,
  BUILD_WORDS,
  CHANGE_WORDS,
  EACH_PER_PLACE,
  EACH_WORDS,
  FREQUENCY_UNITS,
  LIST_JOINERS,
  MEAN_UNITS,
  MEAN_WORDS,
  NOT_EACH_AFTER_GE,
  PER_POPULATION_UNIT,
  PLACE_SUFFIX,
  RATIO_UNITS,
  SHARE_OF_PLACES,
} from "./meaning-lexicon";
import { measureOf } from "../template/measure";
import { normaliseForMatching } from "./normalise-text";
import type { ReviewReason, RollUpMethod, Scope, ScopeReason, Target } from "./types";

/** What a target means besides its numbers: whom it applies to, why, and how it rolls up. */
export interface TargetMeaning {
  readonly scope: Scope;
  readonly scopeReason: ScopeReason;
  readonly method: RollUpMethod;
  readonly review: readonly ReviewReason[];
}

/** A target before its meaning is read (what the parser and a hand-written task list give). */
export type BareTarget = Target extends infer T
  ? T extends Target
    ? Omit<T, keyof TargetMeaning> & Partial<TargetMeaning>
    : never
  : never;

const has = (text: string, words: readonly string[]): string | null =>
  words.find((w) => text.includes(w)) ?? null;

/**
 * How a target's figures roll up across units, from its indicator and unit of measure: a change (增幅, 增长率) or a
 * figure that never adds up (平均, 人均, 指数, 满意度, 级, 岁, 天, 1:X, per-capita units, no unit) is averaged; a
 * rate of any scale is Σ分子/Σ分母; counts and amounts are summed.
 * @example inferMethod("孕产妇死亡率", "/10万") // → "ratio"
 * @example inferMethod("平均住院日", "天") // → "mean"
 * @example inferMethod("新增互联网医院数", "家") // → "sum"
 */
export function inferMethod(indicator: string, unitOfMeasure: string | null): RollUpMethod {
  const name = normaliseForMatching(indicator);
  if (has(name, CHANGE_WORDS) || unitOfMeasure === "个百分点") return "mean";
  if (unitOfMeasure !== null && (RATIO_UNITS as readonly string[]).includes(unitOfMeasure)) return "ratio";
  if (unitOfMeasure === null || unitOfMeasure.includes("/") || has(name, AVERAGE_WORDS)) return "mean";
  if ((MEAN_UNITS as readonly string[]).includes(unitOfMeasure)) return "mean";
  // A count of whole things (达到…水平的医院数 所) adds up whatever its name says.
  if (measureOf(unitOfMeasure) === "count") return "sum";
  return has(name, MEAN_WORDS) ? "mean" : "sum";
}

/**
 * The first word in `text` that spreads a figure over each place (以乡镇为单位, 每个, 各 but not 各项 or 各部门, 所有,
 * 均 but not 平均, 人均 or after a list of indicators).
 */
function eachWord(text: string): string | null {
  const perPlace = EACH_PER_PLACE.exec(text);
  if (perPlace) return perPlace[0];
  for (const w of EACH_WORDS)
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      if (w === "各" && NOT_EACH_AFTER_GE.some((x) => text.startsWith(x, at + 1))) continue;
      if (w !== "均") return w;
      const before = text[at - 1] ?? "";
      const after = text[at + 1] ?? "";
      if (/[平人年日月周户次床例县院]/.test(before) || /[衡匀等值]/.test(after)) continue;
      // "X和Y管理率均达到…": 均 after a list of indicators spreads the figure over them.
      const clause =
        text
          .slice(0, at)
          .split(/[,;。，；]/)
          .pop() ?? "";
      if (/[率比数]$/.test(before) && has(clause, LIST_JOINERS)) continue;
      return w;
    }
  return null;
}

/** The first build verb in `text` that is not part of a place name (南昌市新建区). */
function buildWord(text: string): string | null {
  for (const w of BUILD_WORDS)
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1))
      if (!PLACE_SUFFIX.test(text.slice(at + w.length))) return w;
  return null;
}

const reason = (zh: string, en: string): ScopeReason => ({ zh, en });

/**
 * Whom a target applies to, with the reason, from the plan's words (meaning-lexicon.ts), in this order: a word
 * spreading it over each place (每个, 各, 所有, 均, 以乡镇为单位) → each; a word naming the whole area (全市, 我区,
 * 县域) → total; a share of places (60%以上的医院…) → total; an indicator only an area has (死亡率, 预期寿命,
 * 覆盖率) or a per-population unit (张/千人) → total; for a figure that adds up, an activity's frequency (次, 场)
 * → each, else (新增, 建成, or any count) → total, each unit adding its own; a rate, average or level → each.
 * @example inferScope("全市孕产妇死亡率控制在12/10万以下", "孕产妇死亡率", "/10万", "ratio").scope // → "total"
 * @example inferScope("开展重症医学科人员培训3-5次", "重症医学科人员培训次数", "次", "sum").scope // → "each"
 */
export function inferScope(
  text: string,
  indicator: string,
  unitOfMeasure: string | null,
  method: RollUpMethod,
): { readonly scope: Scope; readonly scopeReason: ScopeReason; readonly byDefault?: true } {
  const said = normaliseForMatching(`${indicator}，${text}`);
  const name = normaliseForMatching(indicator);
  const each = eachWord(said);
  if (each)
    return {
      scope: "each",
      scopeReason: reason(`“${each}”：每个单位都应达到`, `"${each}": every unit must reach it`),
    };
  const area = has(said, AREA_WORDS);
  if (area)
    return {
      scope: "total",
      scopeReason: reason(`“${area}”：全区域整体目标`, `"${area}": a goal for the area as a whole`),
    };
  if (SHARE_OF_PLACES.test(said))
    return {
      scope: "total",
      scopeReason: reason("机构占比：按全区域计算", "a share of places: counted over the whole area"),
    };
  const population = has(name, AREA_INDICATOR_WORDS);
  if (population)
    return {
      scope: "total",
      scopeReason: reason(
        `“${population}”：人群指标，按全区域计算`,
        `"${population}": a population figure, for the area as a whole`,
      ),
    };
  if (unitOfMeasure !== null && PER_POPULATION_UNIT.test(unitOfMeasure))
    return {
      scope: "total",
      scopeReason: reason(
        `按人口计（${unitOfMeasure}）：按全区域计算`,
        `per population (${unitOfMeasure}): for the area as a whole`,
      ),
    };
  if (method === "sum") {
    const frequency =
      unitOfMeasure !== null && (FREQUENCY_UNITS as readonly string[]).includes(unitOfMeasure);
    if (frequency)
      return {
        scope: "each",
        scopeReason: reason(
          `活动次数（${unitOfMeasure}）：每个单位都应开展`,
          `how often an activity is held (${unitOfMeasure}): every unit holds it`,
        ),
      };
    const build = buildWord(said);
    return build
      ? {
          scope: "total",
          scopeReason: reason(`“${build}”：各单位合计`, `"${build}": the units' figures add up to the goal`),
        }
      : {
          scope: "total",
          scopeReason: reason(
            "数量指标：各单位合计",
            "a count or amount: the units' figures add up to the goal",
          ),
          byDefault: true,
        };
  }
  return {
    byDefault: true,
    scope: "each",
    scopeReason:
      method === "ratio"
        ? reason("比率指标：每个单位都应达到", "a rate: every unit must reach it")
        : reason("平均、水平类指标：每个单位都应达到", "an average or level: every unit must reach it"),
  };
}

/** Whom a target applies to, in a word, as shown before the target (目标 "每单位 ≥95%", "全区域 1-2家"). */
export const SCOPE_NAMES: Readonly<Record<Scope, ScopeReason>> = {
  each: { zh: "每单位", en: "each unit" },
  total: { zh: "全区域", en: "area total" },
};

/** The reason given for a scope the clerk set by hand. */
export const SCOPE_SET_BY_HAND: ScopeReason = reason("人工指定", "set by hand");

/**
 * A target with its meaning: what it already says (the clerk's choice, a stored spec) is kept; what it lacks is read
 * from its text, indicator and unit.
 * @example withMeaning({ task: "1", text: "新增互联网医院1-2家", indicator: "新增互联网医院数", unitOfMeasure: "家", deadline: null, op: "between", min: 1, max: 2 })
 *   // → { …, scope: "total", scopeReason: { zh: "“新增”：各单位合计", … }, method: "sum" }
 */
export function withMeaning(given: BareTarget): Target {
  const method = isMethod(given.method) ? given.method : inferMethod(given.indicator, given.unitOfMeasure);
  // A weight belongs to a mean only (a sum or a ratio has its own).
  const { weight, ...rest } = given as BareTarget & { weight?: unknown };
  const target = {
    ...rest,
    ...(method === "mean" && typeof weight === "string" && weight.trim() ? { weight: weight.trim() } : {}),
  } as BareTarget;
  const review = Array.isArray(target.review) ? target.review.filter(isReviewReason) : [];
  if (isScope(target.scope))
    return {
      ...target,
      method,
      scope: target.scope,
      scopeReason: isReason(target.scopeReason) ? target.scopeReason : SCOPE_SET_BY_HAND,
      review,
    } as Target;
  const { byDefault, ...scope } = inferScope(target.text, target.indicator, target.unitOfMeasure, method);
  const reasons: ReviewReason[] =
    byDefault && !review.includes("scope_default") ? [...review, "scope_default"] : review;
  return { ...target, method, ...scope, review: reasons } as Target;
}

const REVIEW_REASONS: readonly ReviewReason[] = [
  "op_implicit",
  "direction_from_indicator",
  "name_from_context",
  "from_table",
  "unit_unrecognised",
  "deadline_from_paragraph",
  "scope_default",
];
/** Whether `x` is a review reason. */
export const isReviewReason = (x: unknown): x is ReviewReason => REVIEW_REASONS.includes(x as ReviewReason);

/** Each review reason as shown to people. */
export const REVIEW_LABELS: Readonly<Record<ReviewReason, ScopeReason>> = {
  op_implicit: {
    zh: "原文没有写“以上/以下”，按“不低于”读取",
    en: "no word says at least or at most; read as at least",
  },
  direction_from_indicator: {
    zh: "只有数值，方向按指标推断",
    en: "a bare value: its direction was inferred from the indicator",
  },
  name_from_context: { zh: "指标名称取自前一句", en: "the indicator is named from the clause before" },
  from_table: { zh: "数值取自表格单元格", en: "the value was read from a table cell" },
  unit_unrecognised: { zh: "计量单位不在常用单位中，请核对", en: "an unusual unit of measure" },
  deadline_from_paragraph: {
    zh: "完成时限取自段落或列表开头",
    en: "the deadline comes from the phrase opening the paragraph or list",
  },
  scope_default: {
    zh: "原文未写明适用范围，按指标类型确定",
    en: "the plan does not say whom it applies to; set by the indicator's kind",
  },
};

/** Whether `x` is a scope. */
export const isScope = (x: unknown): x is Scope => x === "each" || x === "total";
/** Whether `x` is a roll-up method. */
export const isMethod = (x: unknown): x is RollUpMethod => x === "sum" || x === "ratio" || x === "mean";
const isReason = (x: unknown): x is ScopeReason =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as ScopeReason).zh === "string" &&
  typeof (x as ScopeReason).en === "string";

import { NOT_APPLICABLE } from "../template/spec";

/**
 * Words the normaliser reads in returned cells. Kept in one place so that logic never carries Chinese
 * fragments (STYLE.md).
 */

/** Text read as "not applicable" instead of a figure: the spec's list plus what clerks also type. */
export const NOT_APPLICABLE_WORDS: readonly string[] = [
  ...NOT_APPLICABLE,
  "不涉及",
  "无此项",
  "暂无",
  "n/a",
  "na",
  "—",
  "－",
  "――",
  "–",
];

/** Number multipliers written after a figure: 2000万 → 20,000,000. */
export const MULTIPLIER_WORDS: Readonly<Record<string, number>> = {
  百: 100,
  千: 1000,
  万: 10_000,
  十万: 100_000,
  百万: 1_000_000,
  千万: 10_000_000,
  亿: 100_000_000,
};

/** Status words clerks type for the 进展情况 choices (the spec's STATUSES are accepted as they are). */
export const STATUS_SYNONYMS: Readonly<Record<string, string>> = {
  完成: "已完成",
  已经完成: "已完成",
  全部完成: "已完成",
  按计划: "按计划推进",
  正在推进: "按计划推进",
  推进中: "按计划推进",
  进行中: "按计划推进",
  滞后推进: "滞后",
  进度滞后: "滞后",
  未开始: "未启动",
  尚未启动: "未启动",
};

/** A note that says nothing: not a reason for an explained exception. */
export const EMPTY_NOTE_WORDS: readonly string[] = ["无", "没有", "暂无", "/", "-", "—", "不适用"];

/** Words of the 是否达标 column written by the template (read back for information only). */
export const ATTAINMENT_MISSED = "未达标";

import type { FindingData, LocalisedText } from "../basics";

/**
 * Wording of the changes a finding about a changed spec carries (check.spec_changed, consolidate.spec_disagrees):
 * its data holds `count` and, for the first few, `key1`, `field1`, `expected1`, `got1`… (see changeData in
 * src/core/template/spec-diff.ts). Words for the fields of a spec row live here, with the other message text.
 */
const FIELD: Readonly<Record<string, LocalisedText>> = {
  plan: { zh: "工作要点名称", en: "plan title" },
  period: { zh: "报告期", en: "period" },
  row: { zh: "行", en: "row" },
  kind: { zh: "行类型", en: "row kind" },
  path: { zh: "序号", en: "numbering" },
  title: { zh: "工作任务", en: "task" },
  responsible: { zh: "责任单位", en: "responsible units" },
  indicator: { zh: "指标", en: "indicator" },
  target: { zh: "目标", en: "target" },
  unitOfMeasure: { zh: "计量单位", en: "unit of measure" },
  measure: { zh: "填报方式", en: "what is filled in" },
  deadline: { zh: "完成时限", en: "deadline" },
  scope: { zh: "适用范围", en: "scope" },
  method: { zh: "汇总方式", en: "roll-up" },
};

interface Change {
  readonly key: string;
  readonly field: string;
  readonly expected: string;
  readonly got: string;
}

function changesIn(d: FindingData): Change[] {
  const out: Change[] = [];
  for (let i = 1; d[`field${i}`] !== undefined; i++)
    out.push({
      key: String(d[`key${i}`] ?? ""),
      field: String(d[`field${i}`]),
      expected: String(d[`expected${i}`] ?? ""),
      got: String(d[`got${i}`] ?? ""),
    });
  return out;
}

/** One change: "T1.1 目标：下发为“≥85”，报表中为“≥80”", with the words for the reference and for this file. */
function wordChange(c: Change, ours: LocalisedText, theirs: LocalisedText): LocalisedText {
  const name = FIELD[c.field] ?? { zh: c.field, en: c.field };
  const at = c.key ? `${c.key} ` : "";
  const none = { zh: "（空）", en: "(empty)" };
  if (c.field === "row" && c.got === "")
    return {
      zh: `${at}行“${c.expected}”：${ours.zh}有，${theirs.zh}没有`,
      en: `${at}row "${c.expected}": in ${ours.en}, not in ${theirs.en}`,
    };
  if (c.field === "row" && c.expected === "")
    return {
      zh: `${at}行“${c.got}”：${theirs.zh}多出`,
      en: `${at}row "${c.got}": only in ${theirs.en}`,
    };
  return {
    zh: `${at}${name.zh}：${ours.zh}为“${c.expected || none.zh}”，${theirs.zh}为“${c.got || none.zh}”`,
    en: `${at}${name.en}: ${ours.en} "${c.expected || none.en}", ${theirs.en} "${c.got || none.en}"`,
  };
}

/**
 * The changes of a finding as one sentence each language, the first few spelled out and the rest counted:
 * "T1.1 目标：下发的模板为“≥85”，本报表为“≥80”；T2 工作任务：…；等 5 处".
 * @example changeList({ count: 1, key1: "T1.1", field1: "target", expected1: "≥85", got1: "≥80" }, { zh: "下发的模板", en: "the template sent" }, { zh: "本报表", en: "this return" })
 *   // → { zh: "T1.1 目标：下发的模板为“≥85”，本报表为“≥80”", en: "T1.1 target: the template sent \"≥85\", this return \"≥80\"" }
 */
export function changeList(d: FindingData, ours: LocalisedText, theirs: LocalisedText): LocalisedText {
  const words = changesIn(d).map((c) => wordChange(c, ours, theirs));
  const count = Number(d.count ?? words.length);
  const more = count > words.length;
  return {
    zh: words.map((w) => w.zh).join("；") + (more ? `；等 ${count} 处` : ""),
    en: words.map((w) => w.en).join("; ") + (more ? `; ${count} differences in all` : ""),
  };
}

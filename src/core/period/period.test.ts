import type { Entry } from "../check/types";
import { specShapeProblem } from "../check/stored-spec";
import { buildTemplateSpec } from "../template/build-spec";
import type { TargetRow, TemplateSpec } from "../template/spec";
import { makeTarget, makeTask, makeTaskList } from "../template/test-builders";
import { parsePeriod } from "../template/period";
import { checkChange } from "./check-change";
import { CHANGE_LIMITS, changeLimitsOf } from "./limits";
import { previousFromRecords, previousPeriodOf, withPrevious } from "./previous-period";
import { isCumulative, planKeyOf, previousMismatch } from "./same-plan";

const list = makeTaskList({
  tasks: [makeTask()],
  targets: [
    makeTarget(),
    makeTarget({
      text: "开展培训3-5次",
      indicator: "培训次数",
      unitOfMeasure: "次",
      op: "between",
      min: 3,
      max: 5,
    } as never),
  ],
});
function specFor(period: string, over = list): TemplateSpec {
  const built = buildTemplateSpec(over, { period, units: ["甲县", "乙县"] });
  if (!built.ok) throw new Error("spec");
  return built.spec;
}
const half = specFor("2024年上半年");
const year = specFor("2024年度");
const rateRow = year.rows.find((r): r is TargetRow => r.kind === "target" && r.measure === "rate")!;
const countRow = year.rows.find((r): r is TargetRow => r.kind === "target" && r.measure === "count")!;

const entry = (row: TargetRow, field: Entry["field"], value: number, cell: string): Entry => ({
  key: row.key,
  task: row.target.task,
  indicator: row.target.indicator,
  field,
  kind: "number",
  value,
  raw: value,
  sheet: "填报表",
  cell,
});
const rate = (num: number, den: number) => [
  entry(rateRow, "numerator", num, "G8"),
  entry(rateRow, "denominator", den, "I8"),
  entry(rateRow, "value", Math.round((num / den) * 10000) / 100, "K8"),
];
const before = (value: number, extra: { numerator?: number; denominator?: number } = {}) => ({
  figure: { value, ...extra },
  period: half.period,
  cumulative: true,
});
const codes = (fs: { code: string; severity: string }[]) => fs.map((f) => `${f.code}:${f.severity}`);

describe("a cumulative count", () => {
  it("may stay as it was; one less than the previous period is an error at 完成值", () => {
    expect(checkChange(countRow, [entry(countRow, "value", 4, "K9")], before(4), null, "甲.xlsx")).toEqual(
      [],
    );
    const fell = checkChange(countRow, [entry(countRow, "value", 3, "K9")], before(4), null, "甲.xlsx");
    expect(codes(fell)).toEqual(["period.cumulative_fell:error"]);
    expect(fell[0]!.location).toMatchObject({ cell: "K9", key: countRow.key });
  });

  it("may fall between periods that are not cumulative (上半年 → 下半年) and when explained is a warning with the reason", () => {
    const h2 = { ...before(4), cumulative: isCumulative(half.period, parsePeriod("2024年下半年")!) };
    expect(checkChange(countRow, [entry(countRow, "value", 1, "K9")], h2, null, "甲.xlsx")).toEqual([]);
    const told = checkChange(
      countRow,
      [entry(countRow, "value", 3, "K9")],
      before(4),
      "核减重复统计",
      "甲.xlsx",
    );
    expect(codes(told)).toEqual(["period.cumulative_fell:warning"]);
    expect(told[0]!.message.zh).toContain("已说明原因：核减重复统计");
  });
});

describe("a rate", () => {
  const prev = before(80, { numerator: 80, denominator: 100 });
  it("warns when its 分母 moves by more than 30%, not at 30% exactly", () => {
    expect(checkChange(rateRow, rate(104, 130), prev, null, "甲.xlsx")).toEqual([]);
    const moved = checkChange(rateRow, rate(105, 131), prev, null, "甲.xlsx");
    expect(codes(moved)).toEqual(["period.denominator_changed:warning"]);
    expect(moved[0]!.location).toMatchObject({ cell: "I8" });
    expect(moved[0]!.message.zh).toContain("+31%");
  });

  it("warns when it moves by more than 20 points, not at 20 exactly; a reason makes it a note", () => {
    const prev = before(80, { numerator: 8000, denominator: 10000 });
    expect(checkChange(rateRow, rate(10000, 10000), prev, null, "甲.xlsx")).toEqual([]);
    expect(codes(checkChange(rateRow, rate(5901, 10000), prev, null, "甲.xlsx"))).toEqual([
      "period.rate_jumped:warning",
    ]);
    const told = checkChange(rateRow, rate(5901, 10000), prev, "统计口径调整", "甲.xlsx");
    expect(codes(told)).toEqual(["period.rate_jumped:info"]);
    expect(told[0]!.message.en).toContain("reason given: 统计口径调整");
  });

  it("takes the bounds a target sets for itself (changeLimits in the task list)", () => {
    const strict: TargetRow = { ...rateRow, target: { ...rateRow.target, changeLimits: { ratePoints: 5 } } };
    expect(changeLimitsOf(strict.target)).toEqual({
      denominatorShare: CHANGE_LIMITS.denominatorShare,
      ratePoints: 5,
    });
    expect(codes(checkChange(strict, rate(86, 100), prev, null, "甲.xlsx"))).toEqual([
      "period.rate_jumped:warning",
    ]);
    expect(checkChange(strict, rate(85, 100), prev, null, "甲.xlsx")).toEqual([]);
  });
});

describe("periods of one plan", () => {
  it("share a plan key; another target is another plan; only an earlier period may be the previous one", () => {
    expect(planKeyOf(half)).toBe(planKeyOf(year));
    expect(half.templateId).not.toBe(year.templateId);
    const changed = specFor("2024年度", {
      ...list,
      targets: [makeTarget({ value: 90, text: "互认率达到90%以上" })],
    });
    const previous = { planKey: planKeyOf(half), period: half.period };
    expect(previousMismatch(year, previous)).toBeNull();
    expect(previousMismatch(changed, previous)).toBe("other_plan");
    expect(previousMismatch(half, { planKey: planKeyOf(year), period: year.period })).toBe("not_earlier");
    expect(isCumulative(half.period, year.period)).toBe(true);
  });

  it("keep the template id and a valid stored spec when made with the previous period", () => {
    const previous = previousPeriodOf(half, {
      甲县: { [rateRow.key]: { value: 80, numerator: 80, denominator: 100 } },
      乙县: { [rateRow.key]: { value: 40, numerator: 40, denominator: 100 } },
    });
    // Σ分子/Σ分母 then, as the summary computes it: never the mean of 80 and 40 weighted otherwise.
    expect(previous.ref.aggregates[rateRow.key]).toEqual({ value: 60, numerator: 120, denominator: 200 });
    const made = withPrevious(year, previous);
    expect(made.templateId).toBe(year.templateId);
    expect(specShapeProblem(JSON.parse(JSON.stringify(made)))).toBeNull();
    // The layout goes with the previous period: columns of one without the other is a damaged spec.
    expect(specShapeProblem({ ...made, previous: undefined })).toBe("spec layout");
  });

  it("reads a unit's previous figures from a summary's records as a summary reads a return", () => {
    const read = previousFromRecords(half, [
      { unit: "甲县", key: rateRow.key, field: "numerator", value: 9 },
      { unit: "甲县", key: rateRow.key, field: "denominator", value: 10 },
      { unit: "甲县", key: rateRow.key, field: "value", value: 91 },
      { unit: "乙县", key: countRow.key, field: "value", value: "不适用" },
    ]);
    expect(read.figures).toEqual({
      甲县: { [rateRow.key]: { value: 90, numerator: 9, denominator: 10 } },
      乙县: {},
    });
    expect(read.ref.units).toEqual(["甲县"]);
  });
});

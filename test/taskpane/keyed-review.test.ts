import type { Target, TaskList } from "../../src/core/plan/types";
import {
  addKeyed,
  keyTargets,
  removeKeyed,
  replaceKeyed,
  withNumber,
} from "../../src/taskpane/plan/edit-task-list";
import { readNumber, shownNumber } from "../../src/taskpane/plan/number-draft";

// The review list keys each target's editor by a key that stays with the target (never by its position), and each
// number field shows the number that goes into the template: removing the first target of a task must not leave the
// next editor showing the removed one's value.

const makeTarget = (over: Partial<Target> = {}): Target =>
  ({
    task: "1",
    text: "",
    indicator: "覆盖率",
    op: ">=",
    value: 95,
    unitOfMeasure: "%",
    deadline: null,
    scope: "each",
    scopeReason: { zh: "比率指标：每个单位都应达到", en: "a rate: every unit must reach it" },
    method: "ratio",
    review: [],
    ...over,
  }) as Target;
const makeList = (targets: Target[]): TaskList => ({
  title: "2024年工作要点",
  year: 2024,
  tasks: [
    { id: "1", path: ["一", "1"], title: "任务一", responsible: [], line: 1 },
    { id: "2", path: ["一", "2"], title: "任务二", responsible: [], line: 2 },
  ],
  targets,
});

/** Each key with the indicator and value of its target. */
const keyed = (list: ReturnType<typeof keyTargets>) =>
  list.taskList.targets.map((t, i) => [list.keys[i], t.indicator, t.op === "between" ? t.min : t.value]);

describe("targets keyed for their editors", () => {
  const list = keyTargets(
    makeList([
      makeTarget({ indicator: "A", value: 10 }),
      makeTarget({ indicator: "B", value: 20 }),
      makeTarget({ task: "2", indicator: "C", value: 30 }),
    ]),
  );

  test("a fresh list is keyed in order", () => {
    expect(keyed(list)).toEqual([
      [0, "A", 10],
      [1, "B", 20],
      [2, "C", 30],
    ]);
  });

  test("a removed target takes its key with it: the next target keeps its own", () => {
    expect(keyed(removeKeyed(list, 0))).toEqual([
      [1, "B", 20],
      [2, "C", 30],
    ]);
  });

  test("an added target gets a key never used before, even after a removal", () => {
    const added = addKeyed(removeKeyed(list, 2), "1", "新指标");
    expect(keyed(added)).toEqual([
      [0, "A", 10],
      [1, "B", 20],
      [3, "新指标", 0],
    ]);
    const again = addKeyed(added, "2", "又一个");
    expect(again.keys).toEqual([0, 1, 3, 4]);
    expect(new Set(again.keys).size).toBe(again.keys.length);
  });

  test("an edit keeps the key; the input list is not changed", () => {
    const edited = replaceKeyed(list, 1, withNumber(list.taskList.targets[1]!, "value", 25));
    expect(keyed(edited)[1]).toEqual([1, "B", 25]);
    expect(keyed(list)[1]).toEqual([1, "B", 20]);
  });
});

describe("a number field shows the number that goes into the template", () => {
  test("with no typing under way, the target's number", () => {
    expect(shownNumber(85, null)).toBe("85");
    expect(shownNumber(0.5, null)).toBe("0.5");
  });

  test("the clerk's text while it means that number, or while it is unfinished", () => {
    expect(shownNumber(80, { text: "80.", from: 85 })).toBe("80.");
    expect(shownNumber(80, { text: "080", from: 85 })).toBe("080");
    expect(shownNumber(85, { text: "", from: 85 })).toBe("");
    expect(shownNumber(85, { text: "-", from: 85 })).toBe("-");
  });

  test("the number when it changed under the text (another operator, another target)", () => {
    expect(shownNumber(90, { text: "80", from: 85 })).toBe("90");
    expect(shownNumber(90, { text: "", from: 85 })).toBe("90");
  });

  test("blank and non-numbers read as unfinished", () => {
    expect(readNumber(" ")).toBeNaN();
    expect(readNumber("1e")).toBeNaN();
    expect(readNumber("1e2")).toBe(100);
  });
});

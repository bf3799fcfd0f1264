import { withMeaning } from "../plan/target-meaning";
import type { Target } from "../plan/types";
import { compareTarget } from "./compare-target";

const base = { task: "1", text: "", indicator: "互认率", unitOfMeasure: "%", deadline: null };
const atLeast = (value: number): Target => withMeaning({ ...base, op: ">=", value });
const atMost = (value: number): Target => withMeaning({ ...base, op: "<=", value });
const exactly = (value: number): Target => withMeaning({ ...base, op: "=", value });
const between = (min: number, max: number): Target => withMeaning({ ...base, op: "between", min, max });
const about = (value: number, tolerance: number): Target =>
  withMeaning({ ...base, op: "approx", value, tolerance });

describe("compareTarget at the boundaries", () => {
  test("以上 (>=): equal to the bound passes, one step below fails, above passes", () => {
    expect(compareTarget(atLeast(95), 95)).toBeNull();
    expect(compareTarget(atLeast(95), 94.99)).toBe("check.below_target");
    expect(compareTarget(atLeast(95), 100)).toBeNull();
  });

  test("以下 (<=): equal to the bound passes, one step above fails", () => {
    expect(compareTarget(atMost(12), 12)).toBeNull();
    expect(compareTarget(atMost(12), 12.01)).toBe("check.above_target");
    expect(compareTarget(atMost(12), 0)).toBeNull();
  });

  test("= : only the value itself, with float noise tolerated (0.1 + 0.2 = 0.3)", () => {
    expect(compareTarget(exactly(0.3), 0.1 + 0.2)).toBeNull();
    expect(compareTarget(exactly(100), 99.99)).toBe("check.not_equal");
    expect(compareTarget(exactly(100), 100.01)).toBe("check.not_equal");
  });

  test("between: both ends included, a step outside either end fails", () => {
    expect(compareTarget(between(3, 5), 3)).toBeNull();
    expect(compareTarget(between(3, 5), 5)).toBeNull();
    expect(compareTarget(between(3, 5), 2.99)).toBe("check.outside_range");
    expect(compareTarget(between(3, 5), 5.01)).toBe("check.outside_range");
  });

  test("左右 (approx): at the edge of its tolerance passes, just past it fails", () => {
    expect(compareTarget(about(90, 4.5), 94.5)).toBeNull();
    expect(compareTarget(about(90, 4.5), 85.5)).toBeNull();
    expect(compareTarget(about(90, 4.5), 94.51)).toBe("check.outside_tolerance");
    expect(compareTarget(about(90, 4.5), 85.49)).toBe("check.outside_tolerance");
  });

  test("以上 with a computed rate that is 95 up to float noise passes", () => {
    expect(compareTarget(atLeast(95), (19 / 20) * 100)).toBeNull();
  });
});

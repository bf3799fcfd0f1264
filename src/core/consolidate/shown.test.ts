import { shownRaw, shownTime } from "./shown";

describe("what a clerk saw in a unit's cell", () => {
  it("shows a formula's result, not its text, and an empty result as empty", () => {
    expect(
      shownRaw({ field: "value", raw: '=IF(OR(G13="不适用",H13="不适用"),"不适用",…)', value: 94.59 }),
    ).toBe("94.59");
    expect(shownRaw({ field: "value", raw: "=ROUND(G13/H13*100,2)", value: null })).toBe("");
  });

  it("shows 填报日期 as a date, not Excel's serial number, and leaves typed text as typed", () => {
    expect(shownRaw({ field: "filledOn", raw: "45478", value: "2024-07-05" })).toBe("2024-07-05");
    expect(shownRaw({ field: "filledOn", raw: "2024年7月5日", value: "2024-07-05" })).toBe("2024年7月5日");
    expect(shownRaw({ field: "value", raw: "１２", value: 12 })).toBe("１２");
  });

  it("reads a local time to the minute", () => {
    expect(shownTime("2026-12-03T20:30:45")).toBe("2026-12-03 20:30");
    expect(shownTime(null)).toBe("");
  });
});

import { attainmentByUnit } from "./attainment";

describe("attainmentByUnit", () => {
  it("counts attained and not attained per unit, leaving blank and 不适用 out", () => {
    const result = attainmentByUnit({
      units: ["东湖区", "西湖区", "青山湖区"],
      targets: [
        { byUnitAttainment: ["attained", "not_attained", "blank"] },
        { byUnitAttainment: ["not_attained", "not_attained", "not_applicable"] },
        { byUnitAttainment: ["attained", "attained", "blank"] },
      ],
    });
    expect(result).toEqual([
      { unit: "东湖区", attained: 2, notAttained: 1, rate: 2 / 3 },
      { unit: "西湖区", attained: 1, notAttained: 2, rate: 1 / 3 },
      { unit: "青山湖区", attained: 0, notAttained: 0, rate: null },
    ]);
  });
});

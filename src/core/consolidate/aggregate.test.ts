import { EntryIndex, EntrySlots } from "./aggregate";
import type { UnitFigure } from "./types";
import { UnitFigures } from "./unit-figures";

describe("EntryIndex", () => {
  it("keeps the first answer of each row and field, and tells zero, blank, 不适用 and text apart", () => {
    const slots = new EntrySlots();
    const index = new EntryIndex(1);
    const put = (
      key: string,
      field: string,
      kind: "number" | "blank" | "notApplicable" | "text",
      value: number | string | null,
    ) => index.add(slots.slot(key, field), { kind, value });
    put("T1.1", "value", "number", 0);
    put("T1.2", "value", "blank", null);
    put("T1.3", "value", "notApplicable", "不适用");
    put("T1", "status", "text", "按计划推进");
    put("T1.1", "value", "number", 7); // a second entry of the same row and field does not count
    for (let i = 0; i < 40; i++) put(`X${i}`, "value", "number", i + 0.5); // past the first size: the index grows
    expect(index.get(slots.find("T1.1", "value"))).toEqual({ kind: "number", value: 0 });
    expect(index.get(slots.find("T1.2", "value"))).toEqual({ kind: "blank", value: null });
    expect(index.get(slots.find("T1.3", "value"))).toEqual({ kind: "notApplicable", value: "不适用" });
    expect(index.get(slots.find("T1", "status"))).toEqual({ kind: "text", value: "按计划推进" });
    expect(index.get(slots.find("X39", "value"))).toEqual({ kind: "number", value: 39.5 });
    expect(index.get(slots.find("T9", "value"))).toBeUndefined(); // a pair no return has
    expect(new EntryIndex(4).get(slots.find("T1.1", "value"))).toBeUndefined(); // a return without the pair
  });
});

describe("UnitFigures", () => {
  it("gives back each unit's figure as it was, with a rate's 分子 and 分母, 0 apart from blank", () => {
    const figures: UnitFigure[] = [
      { kind: "value", value: 90, numerator: 90, denominator: 100 },
      { kind: "blank" },
      { kind: "value", value: 0 },
      { kind: "not_applicable" },
      { kind: "value", value: -2.75 },
      { kind: "value", value: 0, numerator: 0, denominator: 40 },
    ];
    const list = UnitFigures.of(figures);
    expect(list.length).toBe(6);
    expect([...list]).toEqual(figures);
    expect(list.at(2)).toEqual({ kind: "value", value: 0 });
    expect([...UnitFigures.of([{ kind: "value", value: 3 }, { kind: "blank" }])]).toEqual([
      { kind: "value", value: 3 },
      { kind: "blank" },
    ]);
    expect([...UnitFigures.of([])]).toEqual([]);
  });
});

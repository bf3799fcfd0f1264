import { makeReturn, makeSpec } from "./builders";
import { consolidateReturns } from "./consolidate";
import { UnitNames } from "./provenance";

describe("UnitNames", () => {
  const names = new UnitNames(["南昌县", "南昌县人民医院", "东湖区", "西湖区", "进贤县"]);

  it("finds the one unit a text names, written with full-width letters or spaces too", () => {
    expect(names.namedIn("东湖区卫健委2024年上半年报表")).toBe("东湖区");
    expect(names.namedIn("东 湖 区")).toBe("东湖区");
    expect(names.namedIn("进贤县 <ＪＸ@example.cn>")).toBe("进贤县");
  });

  it("counts a unit named inside a longer one named there as that one", () => {
    expect(names.namedIn("南昌县人民医院.xlsx")).toBe("南昌县人民医院");
  });

  it("names no unit when the text names none or several", () => {
    expect(names.namedIn("报表(1)")).toBeNull();
    expect(names.namedIn("东湖区、西湖区合报")).toBeNull();
    expect(names.namedIn("")).toBeNull();
  });
});

describe("provenance notes", () => {
  const spec = makeSpec();
  const notes = (result: ReturnType<typeof consolidateReturns>, file: string) =>
    result.files.find((f) => f.file === file)!.findings.map((f) => f.code);

  it("leave a name that writes the claimed unit short (东湖区 for 东湖区卫生健康委员会) alone", () => {
    const units = ["东湖区卫生健康委员会", "西湖区卫生健康委员会"];
    const r = makeReturn(spec, { unit: "东湖区卫生健康委员会", file: "东湖区.xlsx" });
    expect(notes(consolidateReturns([r], { units: ["东湖区", ...units] }), "东湖区.xlsx")).toEqual([]);
  });

  it("say nothing of one file that came twice (the same content by two routes)", () => {
    const a = makeReturn(spec, { unit: "甲县", file: "甲县.xlsx" });
    const b = { ...makeReturn(spec, { unit: "甲县", file: "mail.eml › 甲县.xlsx" }), sha256: a.sha256 };
    const result = consolidateReturns([a, b], { units: ["甲县"] });
    for (const f of result.files) expect(notes(result, f.file)).not.toContain("consolidate.several_sources");
  });
});

import { buildTemplateSpec } from "./build-spec";
import { identityProperties, identityRows, identityRowsOfProperties, readIdentityRows } from "./identity";
import { IDENTITY_CHUNK, type TemplateSpec } from "./spec";
import { makeTarget, makeTask, makeTaskList } from "./test-builders";

function build(titles: readonly string[]): TemplateSpec {
  const tasks = titles.map((title, i) => makeTask({ id: String(i + 1), title }));
  const r = buildTemplateSpec(makeTaskList({ tasks, targets: [makeTarget({ task: "1" })] }));
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r.spec;
}

const specCells = (spec: TemplateSpec) =>
  identityRows(spec, null)
    .filter(([k]) => k === "spec")
    .map(([, v]) => String(v));

describe("the spec's chunks", () => {
  // Titles with characters outside the BMP (𠀀, 𩸽: two UTF-16 units each) and runs of spaces, at every offset.
  const spec = build(
    Array.from(
      { length: 60 },
      (_, i) => `${"推进".repeat(i % 7)}${" ".repeat(i % 4)}𠀀𩸽${"  ".repeat(i % 3)}提升质效`,
    ),
  );
  const cells = specCells(spec);

  it("are at most IDENTITY_CHUNK characters and join to the spec JSON", () => {
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.every((c) => c.length > 0 && c.length <= IDENTITY_CHUNK)).toBe(true);
    expect(cells.join("")).toBe(JSON.stringify(spec));
  });

  it("never cut a character in two (half a surrogate pair is not valid XML text)", () => {
    for (const c of cells) {
      expect(c).not.toMatch(/^[\uDC00-\uDFFF]/);
      expect(c).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });

  it("neither start nor end with white space (a program may trim a cell or a property)", () => {
    for (const c of cells) expect(c).toBe(c.trim());
  });

  it("a chunk-long run of spaces is still cut, and read back whole", () => {
    const long = build([`${" ".repeat(IDENTITY_CHUNK * 2)}任务`]);
    const rows = identityRows(long, null);
    expect(rows.every(([, v]) => String(v).length <= IDENTITY_CHUNK)).toBe(true);
    expect(readIdentityRows(rows)).toMatchObject({ ok: true, spec: long });
  });
});

describe("identity as document properties", () => {
  const spec = build(["推进公立医院高质量发展", "提升临床重点专科建设质效"]);

  it("carry every identity row but the unit, numbered, and read back in order whatever order they come in", () => {
    const properties = identityProperties(spec);
    expect(properties.map(([name]) => name).slice(0, 3)).toEqual([
      "rk_0001_kind",
      "rk_0002_templateId",
      "rk_0003_specVersion",
    ]);
    expect(properties.some(([name]) => name.endsWith("_unit"))).toBe(false);
    const shuffled = [...properties].reverse().concat([["作者", "张三"]]);
    const rows = identityRowsOfProperties(shuffled);
    expect(rows).toEqual(
      identityRows(spec, "东湖区卫健委")
        .filter(([k]) => k !== "unit")
        .map(([k, v]) => [k, String(v)]),
    );
    expect(readIdentityRows(rows ?? [])).toMatchObject({ ok: true, spec, identity: { unit: null } });
  });

  it("a workbook without them has none", () => {
    expect(
      identityRowsOfProperties([
        ["作者", "张三"],
        ["rk_kind", "x"],
      ]),
    ).toBeNull();
  });
});

import { buildTemplateSpec } from "../template/build-spec";
import { identityProperties, identityRows, identityRowsOfProperties } from "../template/identity";
import type { TemplateSpec } from "../template/spec";
import { makeTarget, makeTask, makeTaskList } from "../template/test-builders";
import { readStoredSpec } from "./stored-spec";
import type { UnitReturn } from "./unit-return";

const built = buildTemplateSpec(
  makeTaskList({ tasks: [makeTask({ id: "1" })], targets: [makeTarget({ task: "1", value: 95 })] }),
);
if (!built.ok) throw new Error("spec");
const spec: TemplateSpec = built.spec;

type Rows = readonly (readonly [string, string])[];
const sheetRows: Rows = identityRows(spec, "东湖区卫健委").map(([k, v]) => [k, String(v)] as const);
const propertyRows: Rows = identityRowsOfProperties(identityProperties(spec)) ?? [];

const unitReturn = (identityRows: Rows | null, identityProperties: Rows | null): UnitReturn => ({
  file: "东湖区.xlsx",
  sheetNames: [],
  identityRows,
  identityProperties,
  entrySheet: null,
  hasExternalLinks: false,
});

/** The spec chunks with one changed as a program garbling long text, or a unit editing it, would. */
const editSpec = (rows: Rows, edit: (json: string) => string): Rows => {
  const json = edit(
    rows
      .filter(([k]) => k === "spec")
      .map(([, v]) => v)
      .join(""),
  );
  const count = rows.filter(([k]) => k === "spec").length;
  const size = Math.ceil(json.length / count);
  let i = 0;
  return rows.map(([k, v]) => (k === "spec" ? ([k, json.slice(i * size, ++i * size)] as const) : [k, v]));
};
// As Gnumeric was seen to garble a long cell's end in .xls: the JSON no longer parses.
const garbled = (rows: Rows) => editSpec(rows, (json) => json.slice(0, -30) + "\uFFFD".repeat(30));
const lowered = (rows: Rows) => editSpec(rows, (json) => json.replace('"value":95', '"value":80'));

describe("readStoredSpec: the identity's two carriers", () => {
  it("both whole and alike: read, unit from the sheet", () => {
    const read = readStoredSpec(unitReturn(sheetRows, propertyRows));
    expect(read).toMatchObject({ ok: true, spec, identity: { unit: "东湖区卫健委" }, findings: [] });
  });

  it("the sheet's spec garbled: read from the document properties, the unit still from the sheet", () => {
    const read = readStoredSpec(unitReturn(garbled(sheetRows), propertyRows));
    expect(read).toMatchObject({ ok: true, spec, identity: { unit: "东湖区卫健委" }, findings: [] });
  });

  it("no identity sheet: read from the document properties, no unit", () => {
    const read = readStoredSpec(unitReturn(null, propertyRows));
    expect(read).toMatchObject({ ok: true, spec, identity: { templateId: spec.templateId, unit: null } });
  });

  it("the properties garbled or absent: read from the sheet", () => {
    expect(readStoredSpec(unitReturn(sheetRows, garbled(propertyRows)))).toMatchObject({ ok: true, spec });
    expect(readStoredSpec(unitReturn(sheetRows, null))).toMatchObject({ ok: true, spec, findings: [] });
  });

  it.each([
    ["the sheet's target lowered", lowered(sheetRows), propertyRows],
    ["the properties' target lowered", sheetRows, lowered(propertyRows)],
  ])("%s: the carriers disagree, check.identity_damaged and no spec trusted", (_t, sheet, properties) => {
    const read = readStoredSpec(unitReturn(sheet, properties));
    expect(read).toMatchObject({ ok: true, spec: null, identity: { templateId: spec.templateId } });
    expect(read.findings.map((f) => [f.code, f.data?.detail])).toEqual([
      ["check.identity_damaged", "identity sheet ≠ document properties"],
    ]);
  });

  it("both garbled: check.identity_damaged naming why; neither: not our template", () => {
    const both = readStoredSpec(unitReturn(garbled(sheetRows), garbled(propertyRows)));
    expect(both.findings.map((f) => [f.code, f.data?.detail])).toEqual([
      ["check.identity_damaged", "spec JSON"],
    ]);
    expect(readStoredSpec(unitReturn(null, null)).findings.map((f) => f.code)).toEqual([
      "check.not_our_template",
    ]);
  });
});

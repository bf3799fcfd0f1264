import { isMethod, isScope, withMeaning, type BareTarget } from "../plan/target-meaning";
import type { Target } from "../plan/types";
import {
  IDENTITY_CHUNK,
  IDENTITY_PROPERTY,
  TEMPLATE_KIND,
  type CarriedRollUp,
  type PreviousFigure,
  type PreviousFigures,
  type SpecRow,
  type TargetRow,
  type TemplateIdentity,
  type TemplateSpec,
} from "./spec";

/** One key/value row of the identity sheet (column A key, column B value). */
export type IdentityRow = readonly [key: string, value: string | number];

/**
 * The rows of the identity sheet: kind, templateId, specVersion, planTitle, period, unit, specChunks, then the spec
 * JSON in chunks of IDENTITY_CHUNK characters under the key "spec".
 * @example identityRows(spec, "东湖区卫健委")[5] // → ["unit", "东湖区卫健委"]
 */
export function identityRows(
  spec: TemplateSpec,
  unit: string | null,
  rollUp: TemplateIdentity["rollUp"] = undefined,
  previous: PreviousFigures | undefined = undefined,
): readonly IdentityRow[] {
  const chunks = chunksOf(JSON.stringify(spec));
  const carried = rollUp ? chunksOf(JSON.stringify(rollUp)).map((c): IdentityRow => ["rollUp", c]) : [];
  const before = previous ? chunksOf(JSON.stringify(previous)).map((c): IdentityRow => ["previous", c]) : [];
  return [
    ["kind", TEMPLATE_KIND],
    ["templateId", spec.templateId],
    ["specVersion", spec.specVersion],
    ["planTitle", spec.plan.title],
    ["period", spec.period.label],
    ["unit", unit ?? ""],
    ["specChunks", chunks.length],
    ...chunks.map((c): IdentityRow => ["spec", c]),
    ...carried,
    ...before,
  ];
}

/**
 * A stored spec whose targets all say whom they apply to and how they roll up: a template made before targets had a
 * scope and a method gets them read from its targets' text (as the parser would now), so its returns are still read.
 * @example withStoredMeaning(oldSpec).rows[1].target.scope // → "total"
 */
export function withStoredMeaning(spec: TemplateSpec): TemplateSpec {
  const rows: unknown = (spec as { rows?: unknown })?.rows;
  if (!Array.isArray(rows)) return spec;
  type Loose = { kind?: unknown; target?: Partial<Target> | null };
  const complete = (r: Loose) =>
    r?.kind !== "target" || (isScope(r.target?.scope) && isMethod(r.target?.method));
  if ((rows as Loose[]).every(complete)) return spec;
  const fill = (r: Loose): SpecRow => {
    if (complete(r) || typeof r.target !== "object" || r.target === null) return r as SpecRow;
    const t = r.target as BareTarget;
    const bare = { ...t, text: String(t.text ?? ""), indicator: String(t.indicator ?? "") } as BareTarget;
    return { ...(r as TargetRow), target: withMeaning(bare) };
  };
  return { ...spec, rows: (rows as Loose[]).map(fill) };
}

/**
 * The JSON cut into pieces of at most IDENTITY_CHUNK characters. A cut never falls inside a surrogate pair (half a
 * character is not valid XML text) nor next to white space (a program may trim a cell or a property value).
 */
function chunksOf(json: string): string[] {
  const chunks: string[] = [];
  const splitsPair = (at: number): boolean => /[\uDC00-\uDFFF]/.test(json[at] ?? "");
  const bad = (at: number): boolean =>
    splitsPair(at) || /\s/.test(json[at - 1] ?? "") || /\s/.test(json[at] ?? "");
  for (let start = 0; start < json.length;) {
    const max = Math.min(start + IDENTITY_CHUNK, json.length);
    let end = max;
    while (end < json.length && end > start + 1 && bad(end)) end--;
    // A run of white space as long as a chunk: cut anywhere but inside a pair.
    if (end < json.length && bad(end)) end = splitsPair(max) ? max - 1 : max;
    chunks.push(json.slice(start, end));
    start = end;
  }
  return chunks;
}

/** A document property: its name and its text. */
export type DocumentProperty = readonly [name: string, value: string];

/**
 * The identity rows as custom document properties (the second carrier of the identity; see IDENTITY_PROPERTY):
 * every row but the unit, which a personalised copy carries in its identity sheet and its 填报单位 cell (so every
 * copy of a template has the same properties, and the copy writer writes them once).
 * @example identityProperties(spec)[1] // → ["rk_0002_templateId", "rk-3f9a12c0ab12"]
 */
export function identityProperties(
  spec: TemplateSpec,
  rollUp: TemplateIdentity["rollUp"] = undefined,
): readonly DocumentProperty[] {
  return identityRows(spec, null, rollUp)
    .filter(([key]) => key !== "unit")
    .map(([key, value], i): DocumentProperty => [
      `rk_${String(i + 1).padStart(4, "0")}_${key}`,
      String(value),
    ]);
}

/**
 * The identity rows carried by a workbook's custom document properties, in their numbered order (other properties
 * ignored); null when it has none.
 * @example identityRowsOfProperties([["rk_0002_templateId", "rk-3f9a12c0ab12"], ["rk_0001_kind", "report-kit/template"], ["作者", "张三"]])
 *   // → [["kind", "report-kit/template"], ["templateId", "rk-3f9a12c0ab12"]]
 */
export function identityRowsOfProperties(
  properties: readonly DocumentProperty[],
): (readonly [string, string])[] | null {
  const numbered: [number, string, string][] = [];
  for (const [name, value] of properties) {
    const m = IDENTITY_PROPERTY.exec(name);
    if (m) numbered.push([Number(m[1]), m[2] ?? "", value]);
  }
  if (numbered.length === 0) return null;
  return numbered.sort((a, b) => a[0] - b[0]).map(([, key, value]) => [key, value] as const);
}

/** The carried roll-up of a summary sent up as a return (see CarriedRollUp), when whole and well-formed. */
function readRollUp(chunks: readonly string[]): TemplateIdentity["rollUp"] {
  if (chunks.length === 0) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(chunks.join(""));
  } catch {
    return undefined;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return undefined;
  const out: Record<string, CarriedRollUp> = {};
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    const c = v as Partial<CarriedRollUp> | null;
    const count = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x) && x >= 0;
    if (!c || !count(c.reporting) || !(c.met === null || (count(c.met) && c.met <= c.reporting))) continue;
    const total = typeof c.total === "number" && Number.isFinite(c.total) ? { total: c.total } : {};
    out[key] = { reporting: c.reporting, met: c.met, ...total };
  }
  return out;
}

/**
 * A figure of the previous period as stored (in a copy's identity rows, a spec's `previous`), when well-formed.
 * @example previousFigureOf({ value: 80, numerator: 80, denominator: 100 }) // → { value: 80, numerator: 80, denominator: 100 }
 */
export function previousFigureOf(raw: unknown): PreviousFigure | null {
  const f = raw as Partial<PreviousFigure> | null;
  const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
  if (!f || typeof f !== "object" || !finite(f.value)) return null;
  if (
    (f.numerator !== undefined || f.denominator !== undefined) &&
    !(finite(f.numerator) && finite(f.denominator))
  )
    return null;
  return f.numerator === undefined
    ? { value: f.value }
    : { value: f.value, numerator: f.numerator, denominator: f.denominator as number };
}

/**
 * Figures of the previous period by row key, keeping the well-formed ones; null when `raw` is not a record.
 * @example previousFiguresOf({ "T1.1": { value: 3 }, "T1.2": "x" }) // → { "T1.1": { value: 3 } }
 */
export function previousFiguresOf(raw: unknown): PreviousFigures | null {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
  const out: Record<string, PreviousFigure> = {};
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    const f = previousFigureOf(v);
    if (f) out[key] = f;
  }
  return out;
}

/** The unit's previous figures a copy carries (identity rows "previous"), when whole and well-formed. */
function readPrevious(chunks: readonly string[]): PreviousFigures | undefined {
  if (chunks.length === 0) return undefined;
  try {
    return previousFiguresOf(JSON.parse(chunks.join(""))) ?? undefined;
  } catch {
    return undefined;
  }
}

export type ReadIdentityResult =
  | { readonly ok: true; readonly identity: TemplateIdentity; readonly spec: TemplateSpec }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads identity rows back (in sheet order; other keys ignored). Not ok, with a reason, when a key is missing, the
 * chunk count is wrong or the JSON does not parse or disagrees with the identity.
 * @example readIdentityRows(identityRows(spec, null)) // → { ok: true, identity: { templateId: spec.templateId, unit: null, … }, spec }
 */
export function readIdentityRows(rows: readonly (readonly [unknown, unknown])[]): ReadIdentityResult {
  const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
  const values = new Map<string, string>();
  const chunks: string[] = [];
  const carried: string[] = [];
  const before: string[] = [];
  for (const [k, v] of rows) {
    const key = text(k).trim();
    if (key === "spec") chunks.push(text(v));
    else if (key === "rollUp") carried.push(text(v));
    else if (key === "previous") before.push(text(v));
    else if (key && !values.has(key)) values.set(key, text(v));
  }
  if (values.get("kind") !== TEMPLATE_KIND) return { ok: false, reason: "kind" };
  if (Number(values.get("specChunks")) !== chunks.length) return { ok: false, reason: "specChunks" };
  let spec: TemplateSpec;
  try {
    spec = withStoredMeaning(JSON.parse(chunks.join("")) as TemplateSpec);
  } catch {
    return { ok: false, reason: "spec JSON" };
  }
  let identity: TemplateIdentity = {
    templateId: values.get("templateId") ?? "",
    specVersion: Number(values.get("specVersion")),
    planTitle: values.get("planTitle") ?? "",
    period: values.get("period") ?? "",
    unit: values.get("unit") || null,
  };
  const rollUp = readRollUp(carried);
  if (rollUp) identity = { ...identity, rollUp };
  const previous = readPrevious(before);
  if (previous) identity = { ...identity, previous };
  if (spec?.templateId !== identity.templateId || spec.specVersion !== identity.specVersion)
    return { ok: false, reason: "templateId" };
  return { ok: true, identity, spec };
}

import { isMethod, isScope, withMeaning, type BareTarget } from "../plan/target-meaning";
import type { Target } from "../plan/types";
import {
  IDENTITY_CHUNK,
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

function chunksOf(json: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += IDENTITY_CHUNK) chunks.push(json.slice(i, i + IDENTITY_CHUNK));
  return chunks;
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

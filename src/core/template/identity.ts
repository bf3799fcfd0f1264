import { IDENTITY_CHUNK, TEMPLATE_KIND, type TemplateIdentity, type TemplateSpec } from "./spec";

/** One key/value row of the identity sheet (column A key, column B value). */
export type IdentityRow = readonly [key: string, value: string | number];

/**
 * The rows of the identity sheet: kind, templateId, specVersion, planTitle, period, unit, specChunks, then the spec
 * JSON in chunks of IDENTITY_CHUNK characters under the key "spec".
 * @example identityRows(spec, "东湖区卫健委")[5] // → ["unit", "东湖区卫健委"]
 */
export function identityRows(spec: TemplateSpec, unit: string | null): readonly IdentityRow[] {
  const json = JSON.stringify(spec);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += IDENTITY_CHUNK) chunks.push(json.slice(i, i + IDENTITY_CHUNK));
  return [
    ["kind", TEMPLATE_KIND],
    ["templateId", spec.templateId],
    ["specVersion", spec.specVersion],
    ["planTitle", spec.plan.title],
    ["period", spec.period.label],
    ["unit", unit ?? ""],
    ["specChunks", chunks.length],
    ...chunks.map((c): IdentityRow => ["spec", c]),
  ];
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
  for (const [k, v] of rows) {
    const key = text(k).trim();
    if (key === "spec") chunks.push(text(v));
    else if (key && !values.has(key)) values.set(key, text(v));
  }
  if (values.get("kind") !== TEMPLATE_KIND) return { ok: false, reason: "kind" };
  if (Number(values.get("specChunks")) !== chunks.length) return { ok: false, reason: "specChunks" };
  let spec: TemplateSpec;
  try {
    spec = JSON.parse(chunks.join("")) as TemplateSpec;
  } catch {
    return { ok: false, reason: "spec JSON" };
  }
  const identity: TemplateIdentity = {
    templateId: values.get("templateId") ?? "",
    specVersion: Number(values.get("specVersion")),
    planTitle: values.get("planTitle") ?? "",
    period: values.get("period") ?? "",
    unit: values.get("unit") || null,
  };
  if (spec?.templateId !== identity.templateId || spec.specVersion !== identity.specVersion)
    return { ok: false, reason: "templateId" };
  return { ok: true, identity, spec };
}

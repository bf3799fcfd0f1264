import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { readIdentityRowsCached } from "./identity-cache";
import { TEMPLATE_KIND, type TemplateIdentity, type TemplateSpec } from "../template/spec";
import type { UnitReturn } from "./unit-return";

export type StoredSpecResult =
  | {
      readonly ok: true;
      readonly identity: TemplateIdentity;
      /** The spec stored in the file; null when it is damaged (a finding says so). */
      readonly spec: TemplateSpec | null;
      readonly findings: readonly Finding[];
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/** The layout fields the engine relies on; the first one missing, or null. */
function layoutProblem(spec: TemplateSpec): string | null {
  const layout: unknown = spec.layout;
  if (!Array.isArray(spec.rows)) return "spec rows";
  if (!isRecord(layout) || typeof layout.entrySheet !== "string" || typeof layout.keyColumn !== "string") {
    return "spec layout";
  }
  if (!isRecord(layout.columns) || !isRecord(layout.headerCells) || typeof layout.firstDataRow !== "number") {
    return "spec layout";
  }
  return null;
}

/** The identity as written, even when the spec JSON is damaged (so that findings can still name the template). */
function looseIdentity(rows: readonly (readonly [string, string])[]): TemplateIdentity {
  const get = (key: string) => rows.find(([k]) => k.trim() === key)?.[1] ?? "";
  return {
    templateId: get("templateId"),
    specVersion: Number(get("specVersion")),
    planTitle: get("planTitle"),
    period: get("period"),
    unit: get("unit") || null,
  };
}

/**
 * Reads the identity and the spec a template carries in its identity sheet (via readIdentityRows, the template
 * area's reader). Not ours → not ok; a damaged spec → ok with `spec: null` and a finding, so that a caller holding
 * the expected spec can still read the return.
 * @example readStoredSpec(unitReturn) // → { ok: true, identity: { templateId: "rk-3f9a12c0", unit: "东湖区", … }, spec: {…}, findings: [] }
 */
export function readStoredSpec(unitReturn: UnitReturn): StoredSpecResult {
  const where = { kind: "file" as const, file: unitReturn.file };
  const rows = unitReturn.identityRows;
  const kind = rows?.find(([k]) => k.trim() === "kind")?.[1];
  if (!rows || kind !== TEMPLATE_KIND) {
    return { ok: false, findings: [makeFinding("check.not_our_template", where)] };
  }
  const read = readIdentityRowsCached(rows);
  const problem = read.ok ? layoutProblem(read.spec) : read.reason;
  if (!read.ok || problem) {
    const findings = [makeFinding("check.identity_damaged", where, { detail: problem ?? "spec" })];
    return { ok: true, identity: looseIdentity(rows), spec: null, findings };
  }
  return { ok: true, identity: read.identity, spec: read.spec, findings: [] };
}

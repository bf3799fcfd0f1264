import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { assertNever } from "../errors";
import type { ReadIdentityResult } from "../template/identity";
import { readIdentityRowsCached } from "./identity-cache";
import { previousFiguresOf } from "../template/identity";
import { templateLayout } from "../template/layout";
import { TEMPLATE_KIND, type SpecRow, type TemplateIdentity, type TemplateSpec } from "../template/spec";
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

const isString = (x: unknown): x is string => typeof x === "string";
const isNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
const OPS = [">=", "<=", "=", "between", "approx"];
/** The values the rules switch on: any other (a hand-edited spec's) would reach them as a bug, not a finding. */
const MEASURES = ["rate", "count", "amount", "level", "ratio"];
const SCOPES = ["each", "total"];
const METHODS = ["sum", "ratio", "mean"];
const oneOf = (x: unknown, values: readonly string[]): boolean => values.includes(String(x));

/** A template id as report-kit makes them, "rk-" and a hash: anything else (a path such as "../x") is not ours. */
const TEMPLATE_ID = /^rk-[0-9a-z]{1,40}$/i;

/** Two JSON values alike, whatever the order of their keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => sameJson(a[k], b[k]));
}

/** A target as the engine needs it: an indicator, its task, an operator with its numbers. */
function isTarget(t: unknown): boolean {
  if (!isRecord(t) || !isString(t.indicator) || !isString(t.task) || !OPS.includes(String(t.op)))
    return false;
  if (t.unitOfMeasure !== null && !isString(t.unitOfMeasure)) return false;
  if (
    (t.scope !== undefined && !oneOf(t.scope, SCOPES)) ||
    (t.method !== undefined && !oneOf(t.method, METHODS)) ||
    (t.weight !== undefined && (!isString(t.weight) || t.method !== "mean"))
  )
    return false;
  if (t.op === "between") return isNumber(t.min) && isNumber(t.max);
  return isNumber(t.value) && (t.op !== "approx" || isNumber(t.tolerance));
}

/** A spec row as the engine needs it (a hand-edited or cut spec must not reach the rules half-formed). */
function isSpecRow(r: unknown): boolean {
  if (!isRecord(r) || !isString(r.key)) return false;
  if (r.kind === "task") return isRecord(r.task) && isString(r.task.title) && isString(r.task.id);
  return (
    r.kind === "target" &&
    isString(r.taskKey) &&
    oneOf(r.measure, MEASURES) &&
    isString(r.targetLabel) &&
    isTarget(r.target)
  );
}

/** The fields the engine relies on; the first one missing or malformed, or null. */
function specProblem(spec: TemplateSpec): string | null {
  const raw: unknown = spec;
  if (!isRecord(raw) || !Array.isArray(raw.rows) || !raw.rows.every(isSpecRow)) return "spec rows";
  if (!isString(raw.templateId) || !TEMPLATE_ID.test(raw.templateId)) return "templateId";
  if (
    !isRecord(raw.period) ||
    !isString(raw.period.label) ||
    !isString(raw.period.start) ||
    !isString(raw.period.end)
  ) {
    return "spec period";
  }
  if (!Array.isArray(raw.units) || !raw.units.every(isString)) return "spec units";
  const layout = raw.layout;
  if (!isRecord(layout) || !isString(layout.entrySheet) || !isString(layout.keyColumn)) return "spec layout";
  if (!isRecord(layout.columns) || !Object.values(layout.columns).every(isString)) return "spec layout";
  if (!isRecord(layout.headerCells) || !Object.values(layout.headerCells).every(isString))
    return "spec layout";
  if (
    !isNumber(layout.firstDataRow) ||
    (layout.fixedColumns !== undefined && !isRecord(layout.fixedColumns))
  ) {
    return "spec layout";
  }
  if (raw.previous !== undefined && !isPreviousRef(raw.previous)) return "spec previous";
  // The layout is the one its rows make (the same in every template since the first; with the previous period's
  // columns when it has one): sheet names, cells and rows from a hand-edited spec would otherwise name sheets Excel
  // refuses, or rows past the end of the sheet.
  if (!sameJson(layout, templateLayout(raw.rows as SpecRow[], raw.previous !== undefined)))
    return "spec layout";
  return null;
}

/** A spec's previous period (see PreviousRef) as the engine needs it. */
function isPreviousRef(p: unknown): boolean {
  if (!isRecord(p) || !isString(p.templateId) || !isRecord(p.period)) return false;
  if (!isString(p.period.label) || !isString(p.period.start) || !isString(p.period.end)) return false;
  if (!Array.isArray(p.units) || !p.units.every(isString)) return false;
  const aggregates = previousFiguresOf(p.aggregates);
  return aggregates !== null && Object.keys(aggregates).length === Object.keys(p.aggregates as object).length;
}

/**
 * What is wrong with a spec read from elsewhere (the commission's .spec.json): not one of ours, no template id, or a
 * field the engine relies on missing or malformed; null when it is usable.
 * @example specShapeProblem(JSON.parse(specJsonText)) // → null
 * @example specShapeProblem({ tasks: [] }) // → "kind"
 */
export function specShapeProblem(raw: unknown): string | null {
  if (!isRecord(raw) || raw.kind !== TEMPLATE_KIND) return "kind";
  if (!isString(raw.templateId) || !raw.templateId) return "templateId";
  if (!isNumber(raw.specVersion)) return "specVersion";
  if (!isRecord(raw.plan) || !isString(raw.plan.title)) return "plan";
  if (raw.deadline !== undefined && raw.deadline !== null && !isString(raw.deadline)) return "deadline";
  return specProblem(raw as unknown as TemplateSpec);
}

type Rows = readonly (readonly [string, string])[];

/** The identity's two carriers in a file: the identity sheet's rows and the document properties' rows. */
export interface IdentityCarriers {
  readonly identityRows: Rows | null;
  readonly identityProperties?: Rows | null;
}

const kindOf = (rows: Rows | null | undefined): string | undefined =>
  rows?.find(([k]) => k.trim() === "kind")?.[1];

/** One carrier read: its identity and spec when whole and well-formed, else why not. */
function readCarrier(rows: Rows): ReadIdentityResult {
  const read = readIdentityRowsCached(rows);
  const problem = read.ok ? specProblem(read.spec) : null;
  return problem ? { ok: false, reason: problem } : read;
}

/**
 * The two carriers say the same (every row but a copy's own, the unit and its previous figures, which only the sheet
 * carries; values trimmed: a program may trim a cell or a property).
 */
function sameRows(sheet: Rows, properties: Rows): boolean {
  const rest = (rows: Rows) =>
    rows.filter(([k]) => !COPY_ROWS.has(k.trim())).map(([k, v]) => `${k.trim()}\u0000${v.trim()}`);
  const a = rest(sheet);
  const b = rest(properties);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Identity rows of one unit's copy, not carried by the document properties every copy shares. */
const COPY_ROWS: ReadonlySet<string> = new Set(["unit", "previous"]);

type Chosen =
  | { readonly kind: "none" }
  | { readonly kind: "read"; readonly identity: TemplateIdentity; readonly spec: TemplateSpec }
  | { readonly kind: "damaged"; readonly identity: TemplateIdentity; readonly detail: string };

/**
 * Which carrier of the identity to read: the identity sheet when it is whole, else the document properties (a
 * program that damages long cell text keeps them), with the unit from the sheet. Both whole but saying different
 * things is damage too: one was edited, and neither is trusted.
 */
function chooseCarrier({ identityRows: sheet, identityProperties: properties }: IdentityCarriers): Chosen {
  const sheetOurs = kindOf(sheet) === TEMPLATE_KIND ? sheet : null;
  const propsOurs = kindOf(properties) === TEMPLATE_KIND ? (properties ?? null) : null;
  if (!sheetOurs && !propsOurs) return { kind: "none" };
  const fromSheet = sheetOurs ? readCarrier(sheetOurs) : null;
  const fromProps = propsOurs ? readCarrier(propsOurs) : null;
  if (fromSheet?.ok && fromProps?.ok && sheetOurs && propsOurs && !sameRows(sheetOurs, propsOurs)) {
    const detail = "identity sheet ≠ document properties";
    return { kind: "damaged", identity: looseIdentity(sheetOurs), detail };
  }
  if (fromSheet?.ok) return { kind: "read", identity: fromSheet.identity, spec: fromSheet.spec };
  if (fromProps?.ok) {
    const unit = sheetOurs ? looseIdentity(sheetOurs).unit : null;
    return { kind: "read", identity: { ...fromProps.identity, unit }, spec: fromProps.spec };
  }
  const detail =
    fromSheet && !fromSheet.ok ? fromSheet.reason : fromProps && !fromProps.ok ? fromProps.reason : "spec";
  return { kind: "damaged", identity: looseIdentity(sheetOurs ?? propsOurs ?? []), detail };
}

/**
 * The spec a file carries when whole and well-formed (from its identity sheet, or its document properties when the
 * sheet is damaged), else null (for readers that only need the layout; checkReturn reports why with readStoredSpec).
 * @example validStoredSpec(unitReturn) // → { kind: "report-kit/template", layout: { entrySheet: "填报表", … }, … }
 */
export function validStoredSpec(carriers: IdentityCarriers): TemplateSpec | null {
  const chosen = chooseCarrier(carriers);
  return chosen.kind === "read" ? chosen.spec : null;
}

/** The identity as written, even when the spec JSON is damaged (so that findings can still name the template). */
function looseIdentity(rows: Rows): TemplateIdentity {
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
 * Reads the identity and the spec a template carries (via readIdentityRows, the template area's reader): in its
 * identity sheet, or in its document properties when the sheet is damaged. Not ours → not ok; a damaged spec, or
 * two carriers that disagree → ok with `spec: null` and a finding, so that a caller holding the expected spec can
 * still read the return.
 * @example readStoredSpec(unitReturn) // → { ok: true, identity: { templateId: "rk-3f9a12c0", unit: "东湖区", … }, spec: {…}, findings: [] }
 */
export function readStoredSpec(unitReturn: UnitReturn): StoredSpecResult {
  const where = { kind: "file" as const, file: unitReturn.file };
  const chosen = chooseCarrier(unitReturn);
  switch (chosen.kind) {
    case "none":
      return { ok: false, findings: [makeFinding("check.not_our_template", where)] };
    case "damaged": {
      const findings = [makeFinding("check.identity_damaged", where, { detail: chosen.detail })];
      return { ok: true, identity: chosen.identity, spec: null, findings };
    }
    case "read":
      return { ok: true, identity: chosen.identity, spec: chosen.spec, findings: [] };
    default:
      return assertNever(chosen);
  }
}

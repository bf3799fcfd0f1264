import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { TEMPLATE_SPEC_VERSION, type TemplateIdentity, type TemplateSpec } from "../template/spec";
import { splitAddress } from "./a1";
import { checkHeader } from "./check-header";
import { checkRow } from "./check-row";
import { checkSheets, checkTampering } from "./check-tampering";
import { locateRows } from "./locate-rows";
import { storedSpecChanged } from "./spec-changed";
import { readStoredSpec } from "./stored-spec";
import { checkChange, type PreviousForRow } from "../period/check-change";
import { isCumulative, previousMismatch } from "../period/same-plan";
import { templateLayout } from "../template/layout";
import type { Period, PreviousFigures } from "../template/spec";
import type { CheckOptions, CheckResult, Entry } from "./types";
import type { RawCell, UnitReturn } from "./unit-return";

/** Identity against the expected spec: another template, plan or period; an older spec version. */
function checkIdentity(identity: TemplateIdentity, expected: TemplateSpec | null, file: string): Finding[] {
  const where = { kind: "file" as const, file };
  const findings: Finding[] = [];
  if (identity.specVersion < (expected?.specVersion ?? TEMPLATE_SPEC_VERSION)) {
    findings.push(
      makeFinding("check.old_spec_version", where, {
        got: identity.specVersion,
        expected: expected?.specVersion ?? TEMPLATE_SPEC_VERSION,
      }),
    );
  }
  if (!expected || identity.templateId === expected.templateId) return findings;
  if (identity.planTitle !== expected.plan.title) {
    findings.push(
      makeFinding("check.other_plan", where, { got: identity.planTitle, expected: expected.plan.title }),
    );
  } else if (identity.period !== expected.period.label) {
    findings.push(
      makeFinding("check.other_period", where, { got: identity.period, expected: expected.period.label }),
    );
  } else {
    findings.push(
      makeFinding("check.other_template", where, { got: identity.templateId, expected: expected.templateId }),
    );
  }
  return findings;
}

/** Appends a list in a loop, never spread into push: a hostile return's list (a row_added per row) can outgrow the
 * call stack. */
function append<T>(to: T[], list: readonly T[]): void {
  for (const x of list) to.push(x);
}

/** A missed target: its code, and whether the row's note explains it. */
interface Miss {
  readonly code: string;
  readonly explained: boolean;
}

/**
 * Status consistent with the figures: 已完成 with a missed target; a missed target with no problem noted (unless the
 * row's note already explains the miss).
 */
function checkStatus(
  spec: TemplateSpec,
  entries: readonly Entry[],
  missed: ReadonlyMap<string, Miss>,
  file: string,
): Finding[] {
  const missedByTask = new Map<string, { indicators: string[]; unexplained: boolean }>();
  for (const r of spec.rows) {
    const miss = r.kind === "target" ? missed.get(r.key) : undefined;
    if (r.kind !== "target" || !miss) continue;
    const group = missedByTask.get(r.taskKey) ?? { indicators: [], unexplained: false };
    missedByTask.set(r.taskKey, {
      indicators: [...group.indicators, r.target.indicator],
      unexplained: group.unexplained || !miss.explained,
    });
  }
  if (missedByTask.size === 0) return [];
  const byField = new Map(entries.map((e) => [`${e.key}|${e.field}`, e]));
  const findings: Finding[] = [];
  for (const row of spec.rows) {
    const group = row.kind === "task" ? missedByTask.get(row.key) : undefined;
    if (row.kind !== "task" || !group) continue;
    const data = { label: row.task.title, indicator: group.indicators.join("、") };
    const at = (e: Entry) => ({ kind: "cell" as const, file, sheet: e.sheet, cell: e.cell, key: row.key });
    const status = byField.get(`${row.key}|status`);
    const problems = byField.get(`${row.key}|problems`);
    if (status?.value === "已完成") findings.push(makeFinding("check.status_inconsistent", at(status), data));
    if (problems?.kind === "blank" && group.unexplained)
      findings.push(makeFinding("check.missed_without_problem", at(problems), data));
  }
  return findings;
}

/**
 * Checks one unit's return: reads the identity and the spec carried in the file, finds every row by its key,
 * normalises every entry, and checks targets, completeness, plausibility, identity and tampering. `expected` is
 * the spec the return should follow (the commission's own template, the authority); a return of its template id is
 * checked against it whatever spec the file carries (check.spec_changed names the differences), one of another
 * template is named as such (check.other_template…). Null to trust the spec stored in the file.
 * Never throws on bad input: every problem is a finding.
 * @example checkReturn(unitReturn, null, { today: "2024-07-10" })
 *   // → { identity: { templateId: "rk-3f9a12c0", unit: "东湖区", … }, entries: [{ key: "T1.1", field: "value", value: 96, … }], findings: [] }
 */
export function checkReturn(
  unitReturn: UnitReturn,
  expected: TemplateSpec | null,
  options: CheckOptions = {},
): CheckResult {
  const file = unitReturn.file;
  const stored = readStoredSpec(unitReturn);
  if (!stored.ok) return { identity: null, spec: null, unit: null, entries: [], findings: stored.findings };
  const { identity } = stored;
  // The expected spec of the same template is the authority: the return is checked against it, never against the
  // copy it carries (which a unit may have edited), and a copy that means something else is named.
  const official = expected && expected.templateId === identity.templateId ? expected : null;
  const spec = official ? withStoredColumns(official, stored.spec) : stored.spec;
  const findings: Finding[] = [...stored.findings, ...checkIdentity(identity, expected, file)];
  if (official && stored.spec) append(findings, storedSpecChanged(official, stored.spec, file));
  if (!spec) return { identity, spec: null, unit: identity.unit, entries: [], findings };
  append(findings, checkSheets(spec, unitReturn));
  const sheet = unitReturn.entrySheet;
  if (!sheet) return { identity, spec, unit: identity.unit, entries: [], findings };
  const place = { file, sheet: sheet.name, ...(identity.rollUp ? { summary: true } : {}) };
  const header = checkHeader(spec, identity, headerCells(sheet, spec), place, options);
  const located = locateRows(spec, sheet, file);
  const entries: Entry[] = [...header.entries];
  append(findings, header.findings);
  append(findings, located.findings);
  const missed = new Map<string, Miss>();
  const unit = header.unit ?? identity.unit;
  const previous = previousOf(spec, stored.spec, identity, unit, options);
  for (const row of spec.rows) {
    const result = checkRow(spec, row, located.byKey.get(row.key), place);
    append(entries, result.entries);
    append(findings, result.findings);
    if (result.missed) missed.set(row.key, { code: result.missed, explained: result.explained });
    if (previous && row.kind === "target") {
      const before: PreviousForRow = { ...previous, figure: previous.figures[row.key] };
      append(findings, checkChange(row, result.entries, before, result.reason, file));
    }
  }
  append(findings, checkStatus(spec, entries, missed, file));
  append(findings, checkTampering(spec, unitReturn, located.byKey));
  return { identity, spec, unit, entries, findings };
}

/**
 * The authority's spec, read with the columns of the copy the unit filled: a copy made with the previous period's
 * figures has 上期值 columns the authority's blank template may lack, or the other way round (the layout follows
 * from the rows and whether there is a previous period, see templateLayout).
 */
function withStoredColumns(official: TemplateSpec, stored: TemplateSpec | null): TemplateSpec {
  const withPrevious = stored ? stored.previous !== undefined : official.previous !== undefined;
  if (withPrevious === (official.previous !== undefined)) return official;
  return { ...official, layout: templateLayout(official.rows, withPrevious) };
}

/**
 * The unit's figures of the previous period: those given (`--previous`), when they answer the same plan for an
 * earlier period; else those its copy carries. Null when there are none.
 */
function previousOf(
  spec: TemplateSpec,
  stored: TemplateSpec | null,
  identity: TemplateIdentity,
  unit: string | null,
  options: CheckOptions,
): { figures: PreviousFigures; period: Period; cumulative: boolean } | null {
  const given = options.previous;
  const at = (period: Period, figures: PreviousFigures) => ({
    figures,
    period,
    cumulative: isCumulative(period, spec.period),
  });
  if (given && previousMismatch(spec, { planKey: given.planKey, period: given.ref.period }) === null)
    return at(given.ref.period, (unit !== null ? given.figures[unit] : undefined) ?? {});
  const ref = spec.previous ?? stored?.previous;
  return ref && identity.previous ? at(ref.period, identity.previous) : null;
}

/** The header's cells by address (a handful: only those are looked up, not every cell of the sheet). */
function headerCells(sheet: NonNullable<UnitReturn["entrySheet"]>, spec: TemplateSpec): Map<string, RawCell> {
  const wanted = new Map<number, string[]>();
  for (const address of Object.values(spec.layout.headerCells)) {
    if (!address) continue;
    const { column, row } = splitAddress(address);
    wanted.set(row, [...(wanted.get(row) ?? []), column]);
  }
  const cells = new Map<string, RawCell>();
  for (const row of sheet.rows) {
    const letters = wanted.get(row.row);
    if (!letters) continue;
    for (const l of letters) {
      const cell = row.cells[l];
      if (cell) cells.set(cell.address, cell);
    }
  }
  return cells;
}

import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import type { CarriedRollUp, EntryField, SpecRow, TemplateIdentity, TemplateSpec } from "../template/spec";
import { EntryIndex, EntrySlots, summariseProgress, summariseTarget } from "./aggregate";
import { agreeOnSpec, canonicalOrder } from "./authority";
import { FindingParts, listOf, readList } from "./finding-list";
import { unitColumns, unitReports } from "./completeness";
import { note, problemCuts, withNotes, type Notes } from "./file-notes";
import { isAnswered, recordList, rowLabels } from "./records";
import { provenanceNotes } from "./provenance";
import { placeReturns, type Placed } from "./select";
import { entryCut, fitCell, listCuts } from "./text-cut";
import { previousSource, unitsAcrossPeriods, withChange } from "../period/summary-change";
import type { PreviousPeriod } from "../period/types";
import type { PreviousFigures } from "../template/spec";
import type {
  CheckedInput,
  CheckedReturn,
  FileReport,
  FindingList,
  SummaryModel,
  TargetSummary,
  TaskProgress,
} from "./types";

export interface ConsolidateOptions {
  /** The unit list (单位名录); default: the units in the template spec. */
  readonly units?: readonly string[] | null;
  /** Reject returns whose check found errors instead of consolidating them with their figures marked. */
  readonly strict?: boolean;
  /** The unit the summary reports as one level up (e.g. the county); "" leaves it to be filled in. */
  readonly summaryUnit?: string | null;
  /** File name of each summary by template id, for findings about other templates. */
  readonly summaryName?: (spec: TemplateSpec, index: number) => string;
  /**
   * The commission's own spec (its blank template or .spec.json): its template's returns are summarised against it,
   * and come first; without it, the spec most returns of a template carry (see agreeOnSpec).
   */
  readonly authority?: TemplateSpec | null;
  /**
   * The previous period's figures (`--previous`): a template of the same plan for a later period gets 上期值 and
   * 环比 from them. Without it, from what the returns' copies carry (a template made with `template --previous`).
   */
  readonly previous?: PreviousPeriod | null;
}

export interface ConsolidationResult {
  /** One summary per template found, the template with most returns first. */
  readonly summaries: readonly SummaryModel[];
  /** Every input file and what became of it. */
  readonly files: readonly FileReport[];
  /** Every finding (inputs that are not returns, each return's check, consolidation's own). */
  readonly findings: FindingList;
}

/**
 * Consolidates checked returns: groups them by template, keeps one return per unit (the latest filled), sums
 * counts and amounts, recomputes rates from summed 分子/分母, counts attainment per target, lists completeness
 * against the unit list, and keeps every figure as a tidy record with its source.
 * @example consolidateReturns([return甲, return乙], { units: ["甲", "乙", "丙"] }).summaries[0].unitReports[2].state // → "missing"
 */
export function consolidateReturns(
  given: readonly CheckedInput[],
  options: ConsolidateOptions = {},
): ConsolidationResult {
  // Nothing below may depend on the order the files were given or checked in.
  const inputs = canonicalOrder(given);
  const returns = inputs.filter((i): i is CheckedReturn => i.kind === "return");
  const authority = options.authority ?? null;
  const groups = groupByTemplate(returns, authority).map((g) => agreeOnSpec(g, authority));
  const name = options.summaryName ?? ((spec: TemplateSpec, i: number) => `${i + 1}: ${spec.templateId}`);
  const summarised = groups.map((g) =>
    summarise(g[0]!.spec, placeReturns(g, { strict: options.strict ?? false }), options),
  );
  const summaries = summarised.map((s) => s.summary);
  const files: FileReport[] = [];
  const parts: FindingList[] = [];
  for (const input of inputs)
    if (input.kind === "not_return") {
      files.push(notReturnReport(input));
      parts.push(listOf(input.findings));
    }
  summaries.forEach((summary, gi) => {
    parts.push(summary.findings);
    if (gi === 0) {
      for (const f of summary.files) files.push(f);
      return;
    }
    const extras: Finding[] = [];
    for (const p of summarised[gi]!.placed) {
      const data = otherTemplateData(p.unitReturn, name(p.unitReturn.spec, gi));
      const extra = makeFinding("consolidate.other_template", where(p), data);
      files.push(fileReport(p, [extra]));
      extras.push(extra);
    }
    parts.push(listOf(extras));
  });
  if (returns.length === 0)
    parts.push(
      listOf([makeFinding("consolidate.no_returns", { kind: "file", file: "" }, { files: inputs.length })]),
    );
  const sheets = summaries.map((s, i) => ({ file: name(s.spec, i), records: s.records.length }));
  const listed = parts.reduce((n, p) => n + p.length, 0);
  parts.push(listOf(listCuts(sheets, listed)));
  const findings = new FindingParts(parts);
  const ordered = orderFiles(files, inputs);
  // The first summary's workbook lists every input file and every finding (报送情况, 问题清单).
  const all = summaries.map((s, i) => (i === 0 ? { ...s, files: ordered, findings } : s));
  return { summaries: all, files: ordered, findings };
}

const where = (p: Placed) => ({ kind: "file" as const, file: p.unitReturn.file });

function otherTemplateData(r: CheckedReturn, summary: string) {
  return { plan: r.spec.plan.title, period: r.spec.period.label, templateId: r.spec.templateId, summary };
}

/** Groups returns by template id; the authority's first, then the largest, ties in input order. */
function groupByTemplate(
  returns: readonly CheckedReturn[],
  authority: TemplateSpec | null,
): CheckedReturn[][] {
  const groups = new Map<string, CheckedReturn[]>();
  for (const r of returns) {
    const group = groups.get(r.spec.templateId);
    if (group) group.push(r);
    else groups.set(r.spec.templateId, [r]);
  }
  const official = (g: readonly CheckedReturn[]) => (g[0]!.spec.templateId === authority?.templateId ? 1 : 0);
  return [...groups.values()].sort((a, b) => official(b) - official(a) || b.length - a.length);
}

/** One template's summary, and its returns as placed with the notes consolidation made about them. */
function summarise(
  spec: TemplateSpec,
  given: readonly Placed[],
  options: ConsolidateOptions,
): { summary: SummaryModel; placed: readonly Placed[] } {
  const unitList = options.units?.length ? options.units : spec.units;
  const units = unitColumns(unitList, given);
  const { kept, carried, slots, answered, unknownRows, notes, carriedPrevious } = readEntries(spec, given);
  const indexes = units.map((u) => kept.get(u));
  const carriedByUnit = units.map((u) => carried.get(u));
  const titles = new Map<string, string>();
  for (const row of spec.rows as readonly SpecRow[])
    if (row.kind === "task") titles.set(row.key, row.task.title);
  const summed = spec.rows.flatMap((row) =>
    row.kind === "target"
      ? [summariseTarget(row, titles.get(row.taskKey) ?? "", indexes, slots, carriedByUnit)]
      : [],
  );
  const previous = previousSource(spec, options.previous ?? null, carriedPrevious);
  const targets = previous ? withChange(summed, units, previous) : summed;
  const acrossPeriods = previous ? unitsAcrossPeriods([...kept.keys()], previous.ref) : [];
  const progress = spec.rows.flatMap((row) =>
    row.kind === "task" && !row.heading ? [summariseProgress(row, units, indexes, slots)] : [],
  );
  problemCuts(progress, units, indexes, slots, given, notes);
  provenanceNotes(given, unitList, notes);
  const placed = withNotes(given, notes);
  const completeness = unitReports(units, unitList, placed, spec.deadline);
  const records = recordList(placed, rowLabels(spec), answered);
  const values = returnValues(targets, progress);
  const rollUp: Record<string, CarriedRollUp> = {};
  for (const t of targets) if (t.carriedUp) rollUp[t.key] = t.carriedUp;
  const summary: SummaryModel = {
    spec,
    ...(previous
      ? { previousPeriod: { templateId: previous.ref.templateId, period: previous.ref.period } }
      : {}),
    units,
    usedUnits: [...kept.keys()],
    targets,
    progress,
    unitReports: completeness.reports,
    files: placed.map((p) => fileReport(p, [])),
    records,
    findings: new FindingParts([
      ...placed.map(returnFindings),
      listOf(unknownRows),
      listOf(completeness.findings),
      listOf(acrossPeriods),
    ]),
    asReturn: { unit: options.summaryUnit?.trim() ?? "", values, rollUp },
  };
  return { summary, placed };
}

/**
 * Goes through each return's entries once: indexes the summed returns' answers (see EntryIndex), counts the
 * answered entries (the tidy records), lists entries on rows the template does not have (a row added by the
 * clerk and given a key), which are listed, not summed, and notes texts too long for a cell of the summary.
 */
function readEntries(
  spec: TemplateSpec,
  placed: readonly Placed[],
): {
  kept: Map<string, EntryIndex>;
  carried: Map<string, TemplateIdentity["rollUp"]>;
  slots: EntrySlots;
  answered: number;
  unknownRows: Finding[];
  notes: Notes;
  carriedPrevious: Map<string, PreviousFigures>;
} {
  const keys = new Set(spec.rows.map((r) => r.key));
  const kept = new Map<string, EntryIndex>();
  const carried = new Map<string, TemplateIdentity["rollUp"]>();
  const slots = new EntrySlots();
  const unknownRows: Finding[] = [];
  const notes: Notes = new Map();
  const carriedPrevious = new Map<string, PreviousFigures>();
  let answered = 0;
  for (const p of placed) {
    const summed = p.unit !== null && (p.outcome === "used" || p.outcome === "used_with_errors");
    const index = summed ? new EntryIndex(slots.size) : null;
    const seen = new Set<string>();
    for (const e of p.unitReturn.entries) {
      if (isAnswered(e)) answered++;
      index?.add(slots.slot(e.key, e.field), e);
      const cut = entryCut(e, p.unitReturn.file);
      if (cut) note(notes, p, cut);
      if (e.key === "header" || keys.has(e.key) || seen.has(e.key)) continue;
      seen.add(e.key);
      const loc = {
        kind: "cell" as const,
        file: p.unitReturn.file,
        sheet: e.sheet,
        cell: e.cell,
        key: e.key,
      };
      unknownRows.push(makeFinding("consolidate.unknown_row", loc, { key: e.key }));
    }
    if (index) kept.set(p.unit!, index);
    if (index && p.unitReturn.identity.rollUp) carried.set(p.unit!, p.unitReturn.identity.rollUp);
    if (index && p.unitReturn.identity.previous) carriedPrevious.set(p.unit!, p.unitReturn.identity.previous);
  }
  return { kept, carried, slots, answered, unknownRows, notes, carriedPrevious };
}

/** A return's check findings (read when gone through), then consolidation's own about it. */
const returnFindings = (p: Placed): FindingList =>
  new FindingParts([readList(p.counts, () => p.unitReturn.findings), listOf(p.findings), listOf(p.notes)]);

function fileReport(p: Placed, extra: readonly Finding[]): FileReport {
  const r = p.unitReturn;
  const reason = p.findings[0]?.message ?? extra[0]?.message ?? p.notes[0]?.message ?? null;
  return {
    file: r.file,
    sha256: r.sha256,
    fileTime: r.fileTime,
    unit: p.unit,
    templateId: r.spec.templateId,
    filledOn: p.filledOn,
    outcome: extra.length ? "other_template" : p.outcome,
    reason,
    errors: p.counts.error,
    warnings: p.counts.warning,
    // Read when asked for, like the return's own findings (see CheckedReturn).
    get findings() {
      return [...r.findings, ...p.findings, ...p.notes, ...extra];
    },
  };
}

function notReturnReport(input: Extract<CheckedInput, { kind: "not_return" }>): FileReport {
  return {
    file: input.file,
    sha256: input.sha256,
    fileTime: input.fileTime,
    unit: null,
    templateId: null,
    filledOn: null,
    outcome: "not_return",
    reason: input.findings[0]?.message ?? null,
    errors: input.findings.filter((f) => f.severity === "error").length,
    warnings: input.findings.filter((f) => f.severity === "warning").length,
    findings: input.findings,
  };
}

/** File reports in input order. */
function orderFiles(files: FileReport[], inputs: readonly CheckedInput[]): FileReport[] {
  const order = new Map(inputs.map((i, n) => [i.file + "\u0000" + i.sha256, n]));
  return files.sort(
    (a, b) => (order.get(a.file + "\u0000" + a.sha256) ?? 0) - (order.get(b.file + "\u0000" + b.sha256) ?? 0),
  );
}

/**
 * The summary's own entries one level up: Σ分子/Σ分母 for rates, aggregates, rolled-up status and problems. No
 * note is written: a note is where the consolidating unit explains a missed target, and only it can.
 */
function returnValues(
  targets: readonly TargetSummary[],
  progress: readonly TaskProgress[],
): { key: string; field: EntryField; value: number | string }[] {
  const values: { key: string; field: EntryField; value: number | string }[] = [];
  for (const p of progress) {
    if (p.rolledUp) values.push({ key: p.key, field: "status", value: p.rolledUp });
    // (The whole text is in 进展; the entry sheet's copy says where it was cut.)
    if (p.problems)
      values.push({ key: p.key, field: "problems", value: fitCell(p.problems, 2000, "…（全文见“进展”表）") });
  }
  for (const t of targets) {
    if (t.method === "ratio" && t.numerator !== null && t.denominator !== null) {
      values.push({ key: t.key, field: "numerator", value: t.numerator });
      values.push({ key: t.key, field: "denominator", value: t.denominator });
    } else if (t.method !== "ratio" && t.value !== null) {
      values.push({ key: t.key, field: "value", value: t.value });
      // A weighted mean's Σ weight goes up as its weight (its unrounded Σ(figure × weight) in rollUp's total).
      if (t.denominator !== null) values.push({ key: t.key, field: "denominator", value: t.denominator });
    }
  }
  return values;
}

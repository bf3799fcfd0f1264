import { findingKind, type FindingKind } from "../../core/findings/kinds";
import type { CheckResult, Entry } from "../../core/check/types";
import type { Finding } from "../../core/findings/types";
import type { Lang } from "../lang";
import { t } from "../lang";

/** One return in the `check --json` contract (DESIGN.md). */
export interface CheckJson {
  file: string;
  template: string | null;
  unit: string | null;
  period: string | null;
  entries: {
    key: string;
    task: string;
    indicator: string | null;
    field: string;
    value: number | string | null;
    raw: number | string | boolean | null;
    sheet: string;
    cell: string;
  }[];
  findings: {
    severity: Finding["severity"];
    code: string;
    /** What kind of problem: data, completeness or attainment (see findingKind). */
    kind: FindingKind;
    sheet: string | null;
    cell: string | null;
    key: string | null;
    message: string;
  }[];
}

/** Flattens a finding to the contract: sheet, cell and key, null when the finding is about the whole file. */
export function findingJson(f: Finding, lang: Lang): CheckJson["findings"][number] {
  const l = f.location;
  return {
    severity: f.severity,
    code: f.code,
    kind: findingKind(f.code),
    sheet: l.kind === "cell" ? l.sheet : l.kind === "file" ? (l.sheet ?? null) : null,
    cell: l.kind === "cell" ? l.cell : null,
    key: l.kind === "cell" ? (l.key ?? null) : null,
    message: t(f.message, lang),
  };
}

const entryJson = (e: Entry): CheckJson["entries"][number] => ({
  key: e.key,
  task: e.task,
  indicator: e.indicator,
  field: e.field,
  value: e.value,
  raw: e.raw,
  sheet: e.sheet,
  cell: e.cell,
});

/** One checked return as the `check --json` contract. */
export function checkJson(file: string, result: CheckResult, lang: Lang): CheckJson {
  return {
    file,
    template: result.identity?.templateId ?? null,
    unit: result.unit,
    period: result.identity?.period ?? null,
    entries: result.entries.map(entryJson),
    findings: result.findings.map((f) => findingJson(f, lang)),
  };
}

import { findingKind } from "../findings/kinds";
import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { compareOptional, filledOnDate } from "./dates";
import { countSeverities } from "./finding-list";
import { messageCuts } from "./text-cut";
import type { CheckedReturn, FileOutcome, SeverityCounts } from "./types";

/** A return with what consolidation decided about it. */
export interface Placed {
  readonly unitReturn: CheckedReturn;
  /** The reporting unit: the 填报单位 cell, else the unit the copy was made for; null when neither. */
  readonly unit: string | null;
  /** 填报日期 as "YYYY-MM-DD", or null. */
  readonly filledOn: string | null;
  /** The return's check findings by severity. */
  readonly counts: SeverityCounts;
  readonly outcome: FileOutcome;
  /** Consolidation's own findings about this file (duplicate, rejected, no unit): why it was not summed, first. */
  readonly findings: readonly Finding[];
  /**
   * Consolidation's warnings about the file that do not change what became of it: its text cut in the summary, a
   * name or sender naming another unit, its unit's return coming from elsewhere too.
   */
  readonly notes: readonly Finding[];
}

const headerValue = (r: CheckedReturn, field: "unit" | "filledOn"): number | string | null =>
  r.entries.find((e) => e.key === "header" && e.field === field)?.value ?? null;

/**
 * The unit a return reports for: the 填报单位 cell when filled, else the unit of the personalised copy.
 * @example unitOfReturn(returnOf({ unit: "东湖区" })) // → "东湖区"
 */
export function unitOfReturn(r: CheckedReturn): string | null {
  const cell = headerValue(r, "unit");
  const text = typeof cell === "string" ? cell.trim() : cell === null ? "" : String(cell);
  return text || r.identity.unit?.trim() || null;
}

/** A data error: what --strict rejects a return for (a missed target is news, not bad data). */
const isDataError = (f: Finding): boolean => f.severity === "error" && findingKind(f.code) === "data";
const firstError = (r: CheckedReturn): Finding | undefined => r.findings.find(isDataError);
const fileWhere = (r: CheckedReturn) => ({ kind: "file" as const, file: r.file });

/**
 * Decides, for the returns of one template, which are summed: --strict rejects returns with data errors (a missed
 * target is not one), a return with
 * no unit is set aside, and of several returns of one unit the one filled latest (填报日期, then file time, then the
 * later in canonicalOrder: the file name) is kept; the others are listed as superseded with the reason.
 * @example placeReturns([a1, a2], { strict: false }) // a2 filled later → [superseded a1, used a2]
 */
export function placeReturns(returns: readonly CheckedReturn[], options: { strict: boolean }): Placed[] {
  const placed = returns.map((r): Placed => {
    // (Read once: the CLI reads a return's findings back from disk each time they are asked for.)
    const own = r.findings;
    const counts = countSeverities(own);
    const errors = counts.error;
    const unit = unitOfReturn(r);
    const base = {
      unitReturn: r,
      unit,
      filledOn: filledOnDate(headerValue(r, "filledOn")),
      counts,
      notes: messageCuts(own, r.file),
    };
    if (unit === null)
      return { ...base, outcome: "no_unit", findings: [makeFinding("consolidate.no_unit", fileWhere(r))] };
    const first = options.strict ? firstError(r) : undefined;
    if (first) {
      const dataErrors = r.findings.filter(isDataError).length;
      const data = { errors: dataErrors, first: first.message.zh, firstEn: first.message.en };
      return {
        ...base,
        outcome: "rejected",
        findings: [makeFinding("consolidate.rejected", fileWhere(r), data)],
      };
    }
    return { ...base, outcome: errors > 0 ? "used_with_errors" : "used", findings: [] };
  });
  return resolveDuplicates(placed);
}

function resolveDuplicates(placed: Placed[]): Placed[] {
  const byUnit = new Map<string, number[]>();
  placed.forEach((p, i) => {
    if (p.unit === null || p.outcome === "no_unit" || p.outcome === "rejected") return;
    byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), i]);
  });
  const out = [...placed];
  for (const [unit, indexes] of byUnit) {
    if (indexes.length < 2) continue;
    const order = [...indexes].sort((a, b) => compareLatest(placed[a]!, placed[b]!) || a - b);
    const keep = placed[order[order.length - 1]!]!;
    for (const i of order.slice(0, -1)) {
      const p = placed[i]!;
      const why = reasonFor(p, keep);
      const data = {
        unit,
        kept: keep.unitReturn.file,
        keptWhen: when(keep),
        when: when(p),
        why: why.zh,
        whyEn: why.en,
      };
      out[i] = {
        ...p,
        outcome: "superseded",
        findings: [...p.findings, makeFinding("consolidate.duplicate", fileWhere(p.unitReturn), data)],
      };
    }
  }
  return out;
}

const compareLatest = (a: Placed, b: Placed): number =>
  compareOptional(a.filledOn, b.filledOn) || compareOptional(a.unitReturn.fileTime, b.unitReturn.fileTime);

const when = (p: Placed): string =>
  p.filledOn
    ? `填报日期 ${p.filledOn}`
    : p.unitReturn.fileTime
      ? `文件时间 ${p.unitReturn.fileTime}`
      : "无日期";

function reasonFor(dropped: Placed, kept: Placed): { zh: string; en: string } {
  if (compareOptional(dropped.filledOn, kept.filledOn) !== 0)
    return { zh: "另一份填报日期更晚", en: "the other one was filled later (填报日期)" };
  if (compareOptional(dropped.unitReturn.fileTime, kept.unitReturn.fileTime) !== 0)
    return { zh: "填报日期相同，另一份文件时间更晚", en: "same 填报日期; the other file is newer" };
  // (The returns are in canonicalOrder: by file name, then content, never by when a file was read or checked.)
  return {
    zh: "日期相同，采用文件名排在后面的一份",
    en: "same dates; the one whose file name sorts last is used",
  };
}

import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import type { Placed } from "./select";
import type { UnitReport } from "./types";

const SUMMED = new Set(["used", "used_with_errors"]);

/**
 * The columns of the summary: the unit list in its order, then units that reported without being on it.
 * @example unitColumns(["甲", "乙"], placedWith丙) // → ["甲", "乙", "丙"]
 */
export function unitColumns(unitList: readonly string[], placed: readonly Placed[]): string[] {
  const units = [...unitList];
  const seen = new Set(units);
  for (const p of placed)
    if (p.unit !== null && !seen.has(p.unit) && SUMMED.has(p.outcome)) {
      seen.add(p.unit);
      units.push(p.unit);
    }
  return units;
}

/**
 * 报送情况 by unit: received (with or without errors), sent back unfilled, rejected (with the reason), missing, or
 * unexpected (not on the list); how many returns came from it; late when 填报日期 (else, when the unit left it
 * empty, the file's date, and lateBy says so) is after the deadline.
 * Missing, unexpected and late units each get a finding.
 * @example unitReports(["甲", "乙"], ["甲", "乙"], [placed甲], "2024-07-10").reports[1].state // → "missing"
 */
export function unitReports(
  units: readonly string[],
  unitList: readonly string[],
  placed: readonly Placed[],
  deadline: string | null,
): { reports: UnitReport[]; findings: Finding[] } {
  const listed = new Set(unitList);
  const findings: Finding[] = [];
  const byUnit = new Map<string, Placed[]>();
  for (const p of placed) {
    if (p.unit === null) continue;
    const mine = byUnit.get(p.unit);
    if (mine) mine.push(p);
    else byUnit.set(p.unit, [p]);
  }
  const reports = units.map((unit): UnitReport => {
    const mine = byUnit.get(unit) ?? [];
    const kept = mine.find((p) => SUMMED.has(p.outcome));
    const rejected = mine.find((p) => p.outcome === "rejected");
    const where = { kind: "file" as const, file: kept?.unitReturn.file ?? rejected?.unitReturn.file ?? unit };
    if (!kept) {
      if (rejected)
        return {
          unit,
          state: "rejected",
          file: rejected.unitReturn.file,
          filledOn: rejected.filledOn,
          returns: mine.length,
          late: false,
          lateBy: null,
          reason: rejected.findings[0]?.message ?? null,
        };
      findings.push(makeFinding("consolidate.missing_unit", where, { unit }));
      return {
        unit,
        state: "missing",
        file: null,
        filledOn: null,
        returns: 0,
        late: false,
        lateBy: null,
        reason: null,
      };
    }
    const unfilled = isUnfilled(kept);
    // A copy sent back blank answers nothing, so it is not late either: the unit still owes its return.
    const late = unfilled ? null : isLate(kept, deadline);
    if (late) findings.push(makeFinding("consolidate.late", where, { unit, deadline: deadline!, ...late }));
    if (!listed.has(unit)) findings.push(makeFinding("consolidate.unexpected_unit", where, { unit }));
    const duplicate = mine.length > 1;
    return {
      unit,
      state: !listed.has(unit)
        ? "unexpected"
        : unfilled
          ? "unfilled"
          : kept.outcome === "used"
            ? "received"
            : "received_with_errors",
      file: kept.unitReturn.file,
      filledOn: kept.filledOn,
      returns: mine.length,
      late: late !== null,
      lateBy: late === null ? null : late.basis === "填报日期" ? "filledOn" : "fileTime",
      reason: duplicate
        ? {
            zh: `重复报送 ${mine.length} 份，采用填报最晚的一份`,
            en: `${mine.length} returns; the latest filled is used`,
          }
        : null,
    };
  });
  return { reports, findings };
}

/** True when nothing is entered on any task or target row (the header may be: a copy carries its unit). */
function isUnfilled(p: Placed): boolean {
  for (const e of p.unitReturn.entries) if (e.key !== "header" && e.kind !== "blank") return false;
  return true;
}

function isLate(p: Placed, deadline: string | null): { basis: string; basisEn: string; date: string } | null {
  if (!deadline) return null;
  if (p.filledOn)
    return p.filledOn > deadline ? { basis: "填报日期", basisEn: "filled on", date: p.filledOn } : null;
  const day = p.unitReturn.fileTime?.slice(0, 10) ?? null;
  return day && day > deadline ? { basis: "文件时间", basisEn: "file date", date: day } : null;
}

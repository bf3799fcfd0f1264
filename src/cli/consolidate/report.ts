import type { ConsolidationResult } from "../../core/consolidate/consolidate";
import { FILE_OUTCOME_LABELS, UNIT_STATE_LABELS } from "../../core/consolidate/labels";
import type { FileOutcome, UnitState } from "../../core/consolidate/types";
import { formatFinding } from "../format-findings";
import type { Lang } from "../lang";
import { t } from "../lang";

/** How many findings are printed before "…and N more" (all of them are in 问题清单). */
const SHOWN = 30;

function counts<K extends string>(keys: readonly K[]): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** The account printed after a consolidation: files, units, what was written and the most important findings. */
export function formatReport(result: ConsolidationResult, written: readonly string[], lang: Lang): string[] {
  const en = lang === "en";
  const lines: string[] = [];
  const outcomes = counts<FileOutcome>(result.files.map((f) => f.outcome));
  const files = [...outcomes]
    .map(([k, n]) => `${t(FILE_OUTCOME_LABELS[k], lang)} ${n}`)
    .join(en ? ", " : "，");
  const kinds = files ? (en ? ` (${files})` : `（${files}）`) : "";
  lines.push(
    en ? `Files read: ${result.files.length}${kinds}` : `读取文件 ${result.files.length} 个${kinds}`,
  );
  result.summaries.forEach((s, i) => {
    const states = counts<UnitState>(s.unitReports.map((u) => u.state));
    const late = s.unitReports.filter((u) => u.late).length;
    const dup = s.unitReports.filter((u) => u.returns > 1).length;
    const parts = [...states].map(([k, n]) => `${t(UNIT_STATE_LABELS[k], lang)} ${n}`);
    if (late) parts.push(en ? `late ${late}` : `迟报 ${late}`);
    if (dup) parts.push(en ? `duplicate ${dup}` : `重复报送 ${dup}`);
    lines.push(
      en
        ? `${s.spec.plan.title} ${s.spec.period.label}: ${s.unitReports.length} units (${parts.join(", ")}), ${s.targets.length} targets, ${s.records.length} figures → ${written[i] ?? ""}`
        : `${s.spec.plan.title} ${s.spec.period.label}：应报 ${s.unitReports.length} 个单位（${parts.join("，")}），指标 ${s.targets.length} 项，明细 ${s.records.length} 条 → ${written[i] ?? ""}`,
    );
  });
  const { error, warning, info } = result.findings.counts;
  // With no returns nothing is written, so there is no 问题清单 to point to.
  const listed = written.length ? (en ? " (all in 问题清单)" : "（全部列在“问题清单”工作表）") : "";
  lines.push(
    en
      ? `Findings: ${error} errors, ${warning} warnings, ${info} notes${listed}`
      : `问题：错误 ${error} 个，警告 ${warning} 个，提示 ${info} 个${listed}`,
  );
  // The first errors and warnings, in order; the list is read only as far as these.
  let shown = 0;
  for (const f of result.findings) {
    if (shown === SHOWN) break;
    if (f.severity === "info") continue;
    lines.push(`  ${formatFinding(f, lang)}`);
    shown++;
  }
  const more = error + warning - shown;
  if (more > 0) lines.push(en ? `  … and ${more} more` : `  ……另有 ${more} 个`);
  return lines;
}

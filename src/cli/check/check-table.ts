import type { CheckResult } from "../../core/check/types";
import type { Finding } from "../../core/findings/types";
import { t, type Lang } from "../lang";

const SEVERITY = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
} as const;
const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Display width in a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const pad = (text: string, width: number): string =>
  text + " ".repeat(Math.max(0, width - displayWidth(text)));

function where(f: Finding): [string, string] {
  const l = f.location;
  if (l.kind === "cell") return [`${l.sheet}!${l.cell}`, l.key ?? ""];
  if (l.kind === "file") return [l.sheet ?? "", ""];
  return [String(l.line), ""];
}

/** Info notes beyond the first INFO_SHOWN of a code become one line: "…另有 22 条同类提示" (--json has them all). */
const INFO_SHOWN = 3;
function collapseInfo(findings: readonly Finding[], lang: Lang): (Finding | string)[] {
  const seen = new Map<string, number>();
  const out: (Finding | string)[] = [];
  for (const f of findings) {
    const n = (seen.get(f.code) ?? 0) + 1;
    seen.set(f.code, n);
    if (f.severity !== "info" || n <= INFO_SHOWN) out.push(f);
  }
  for (const [code, n] of seen) {
    const hidden = n - INFO_SHOWN;
    if (hidden > 0 && findings.some((f) => f.code === code && f.severity === "info")) {
      out.push(
        lang === "en"
          ? `… ${hidden} more ${code} notes (see --json)`
          : `……另有 ${hidden} 条 ${code} 提示（--json 可见全部）`,
      );
    }
  }
  return out;
}

/** The terminal report of one return: a heading line, a table of findings (worst first), a count line. */
export function checkTable(file: string, result: CheckResult, lang: Lang): string {
  const en = lang === "en";
  const id = result.identity;
  const head = id
    ? en
      ? `${file}  template ${id.templateId}  unit ${result.unit ?? "-"}  period ${id.period}`
      : `${file}  模板 ${id.templateId}  单位 ${result.unit ?? "-"}  报告期 ${id.period}`
    : file;
  const rows = collapseInfo(
    [...result.findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]),
    lang,
  ).map((f) =>
    typeof f === "string"
      ? ["", "", "", "", f]
      : [t(SEVERITY[f.severity], lang), ...where(f), f.code, t(f.message, lang)],
  );
  const heading = en ? ["level", "cell", "row", "code", "message"] : ["级别", "位置", "行", "代码", "问题"];
  const all = [heading, ...rows];
  // (A reduce, not Math.max(...): a return can have more findings than a call takes arguments.)
  const widths = heading.map((_, i) => all.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? "")), 0));
  const line = (r: string[]) =>
    "  " +
    r
      .map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const n = (s: Finding["severity"]) => result.findings.filter((f) => f.severity === s).length;
  const figures = result.entries.filter((e) => e.kind !== "blank").length;
  const summary = en
    ? `  ${n("error")} error(s), ${n("warning")} warning(s), ${n("info")} note(s); ${figures} entries read`
    : `  共 ${n("error")} 个错误，${n("warning")} 个警告，${n("info")} 条提示；读取 ${figures} 个填报值`;
  const body = rows.length ? [line(heading), ...rows.map(line)] : [en ? "  no findings" : "  未发现问题"];
  return [head, ...body, summary].join("\n");
}

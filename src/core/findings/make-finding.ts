import type { FindingCode } from "./codes";
import { messages } from "./messages";
import type { Finding, FindingData, Location, Severity } from "./types";

/**
 * Creates a finding with both languages filled from the catalogue.
 * @example makeFinding("plan.no_items", { kind: "plan", line: 1 })
 *   // → { severity: "error", code: "plan.no_items", message: { zh: "没有找到编号条目…", en: "No numbered items…" }, … }
 */
export function makeFinding(
  code: FindingCode,
  location: Location,
  data: FindingData = {},
  severity?: Severity,
): Finding {
  const entry = messages[code];
  return {
    severity: severity ?? entry.severity,
    code,
    location,
    message: entry.text(data),
    ...(Object.keys(data).length ? { data } : {}),
  };
}

/** True when any finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

import type { Finding, Location } from "../core/findings/types";
import { t, type Lang } from "./lang";

const SEVERITY_LABEL = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
} as const;

/** "file.xlsx 填报表!D7" / "第 12 行" / "file.xlsx": where a finding points, for the terminal. */
export function formatLocation(location: Location, lang: Lang): string {
  switch (location.kind) {
    case "plan":
      return lang === "en" ? `line ${location.line}` : `第 ${location.line} 行`;
    case "cell":
      return `${location.file} ${location.sheet}!${location.cell}`;
    case "file":
      return location.sheet ? `${location.file} ${location.sheet}` : location.file;
  }
}

/** One finding per line: "[错误] place: message", or "[错误] message" for a finding about no file in particular. */
export function formatFinding(f: Finding, lang: Lang): string {
  const where = formatLocation(f.location, lang);
  return `[${t(SEVERITY_LABEL[f.severity], lang)}] ${where ? `${where}: ` : ""}${t(f.message, lang)}`;
}

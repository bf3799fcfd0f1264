import type { LocalisedText } from "../core/findings/types";

export type Lang = "zh" | "en";

/** Chinese first: English only when asked for with --lang en or REPORT_KIT_LANG=en. */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.indexOf("--lang");
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  const wanted = (fromArg ?? env.REPORT_KIT_LANG ?? "zh").toLowerCase();
  return wanted.startsWith("en") ? "en" : "zh";
}

/** Picks the text in the chosen language. */
export function t(text: LocalisedText, lang: Lang): string {
  return lang === "en" ? text.en : text.zh;
}

import type { LocalisedText } from "../core/findings/types";

export type Lang = "zh" | "en";

/**
 * The language a value of --lang or REPORT_KIT_LANG names: zh or en, also as zh-CN, en_US.UTF-8; null for any other.
 * @example langOf("en-US") // → "en"; langOf("fr") // → null
 */
export function langOf(value: string): Lang | null {
  const m = /^(zh|en)(?:[-_.].*)?$/i.exec(value.trim());
  return m ? (m[1]!.toLowerCase() as Lang) : null;
}

/**
 * Chinese first: English only when asked for with --lang en or REPORT_KIT_LANG=en. Decided before the command line
 * is parsed, so that commander's help and errors are in that language too; a value that names no language leaves
 * Chinese, and is refused when the command line is parsed (see LANG_REFUSED).
 */
export function detectLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.indexOf("--lang");
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return (
    (fromArg !== undefined ? langOf(fromArg) : null) ??
    (env.REPORT_KIT_LANG ? langOf(env.REPORT_KIT_LANG) : null) ??
    "zh"
  );
}

/** Why a language is refused (after "选项 --lang 的值“fr”无效："). */
export const LANG_REFUSED: LocalisedText = {
  zh: "只能是 zh（中文）或 en（英文）",
  en: "Use zh (Chinese) or en (English).",
};

/** Picks the text in the chosen language. */
export function t(text: LocalisedText, lang: Lang): string {
  return lang === "en" ? text.en : text.zh;
}

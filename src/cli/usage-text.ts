import type { Command } from "commander";
import type { Lang } from "./lang";

/**
 * commander's own words (help headings, the help option, usage errors) in the clerk's language. commander writes
 * them in English; in Chinese the headings are translated as the help is drawn and each usage error as it is
 * written out. English is commander's text unchanged.
 */

const HEADINGS: Readonly<Record<string, string>> = {
  "Usage:": "用法：",
  "Options:": "选项：",
  "Commands:": "命令：",
  "Arguments:": "参数：",
  "Global Options:": "全局选项：",
};

/** commander's usage errors, as it words them (commander 14, lib/command.js), and the same in Chinese. */
const ERRORS: readonly (readonly [RegExp, (...parts: string[]) => string])[] = [
  [/^error: unknown command '(.*)'/, (name) => `错误：没有“${name}”这个命令`],
  [/^error: unknown option '(.*)'/, (flag) => `错误：没有“${flag}”这个选项`],
  [/^error: missing required argument '(.*)'/, (name) => `错误：缺少参数 ${name}`],
  [/^error: option '(.*)' argument missing/, (flag) => `错误：选项 ${flag} 后面缺少值`],
  [/^error: required option '(.*)' not specified/, (flag) => `错误：必须给出选项 ${flag}`],
  [
    /^error: too many arguments(?: for '.*')?\. Expected (\d+) arguments? but got (\d+)\./,
    (expected, got) => `错误：参数过多，应为 ${expected} 个，收到 ${got} 个`,
  ],
  // The reason after it is report-kit's own (an InvalidArgumentError), already in the clerk's language.
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. ?/,
    (flag, value) => `错误：选项 ${flag} 的值“${value}”无效：`,
  ],
  [/^error: /, () => "错误："],
];
const SUGGESTION = /\n\(Did you mean (.*)\?\)/;

/**
 * A usage error of commander in Chinese; English as commander wrote it.
 * @example usageErrorText("error: unknown command 'chek'\n(Did you mean check?)\n", "zh") // → "错误：没有“chek”这个命令\n（是否要输入 check？）\n"
 */
export function usageErrorText(text: string, lang: Lang): string {
  if (lang === "en") return text;
  let out = text.replace(SUGGESTION, (_, name: string) => `\n（是否要输入 ${name}？）`);
  for (const [pattern, zh] of ERRORS) {
    const m = pattern.exec(out);
    if (!m) continue;
    out = zh(...m.slice(1)) + out.slice(m[0].length);
    break;
  }
  return out;
}

/**
 * Sets commander's own words on the program before its commands are added (they inherit them): help headings and
 * the usage line ([选项] [命令]), the help option and help command, and usage errors.
 */
export function localiseCommander(program: Command, lang: Lang): void {
  program.configureOutput({ outputError: (text, write) => write(usageErrorText(text, lang)) });
  if (lang === "en") return;
  const terms = (term: string) => term.replace("[options]", "[选项]").replace("[command]", "[命令]");
  program
    .helpOption("-h, --help", "显示帮助")
    .helpCommand("help [命令]", "显示某个命令的帮助")
    .configureHelp({
      styleTitle: (title) => HEADINGS[title] ?? title,
      styleUsage: terms,
      styleSubcommandTerm: terms,
      // A Chinese character takes two columns of a terminal: the descriptions line up.
      displayWidth: (text) => [...text].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0),
    });
}

/** Characters a terminal draws two columns wide (CJK, full-width forms). */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/* eslint-disable no-var -- ES5 on purpose: this runs in Internet Explorer 11 (see boot.ts) */

/** Why the pane cannot start, or null when it can. */
export type BootProblem = "old_webview" | "office_js_missing";

/** What the boot script found out about the web view it runs in. */
export interface BootEnvironment {
  readonly userAgent: string;
  /** `"noModule" in document.createElement("script")`: false in IE 11 and Edge Legacy up to 15. */
  readonly supportsModules: boolean;
  /** Whether the engine parses the syntax the bundle is built to (ES2020: `a?.b ?? c`, `import()`). */
  readonly parsesBundleSyntax: boolean;
  /** Whether office.js ran (`typeof Office !== "undefined"`). */
  readonly officeLoaded: boolean;
}

/**
 * Internet Explorer 11 (Trident, "Trident/" in its user agent) and Edge Legacy (EdgeHTML, " Edge/18.…"; the
 * Chromium-based Edge and WebView2 say "Edg/") are the web views of Office 2016 and 2019 volume-licensed, and of
 * retail copies without WebView2. Both are also found by what they cannot do, in case a web view hides its name.
 */
var OLD_ENGINE = /Trident\/|MSIE |\bEdge\/\d/;

/**
 * The first reason the pane cannot start here. An old web view comes first: in it even a local office.js would
 * not help.
 * @example detectProblem({ userAgent: "… Trident/7.0; rv:11.0) like Gecko", supportsModules: false,
 *   parsesBundleSyntax: false, officeLoaded: true }) // → "old_webview"
 */
export function detectProblem(env: BootEnvironment): BootProblem | null {
  if (OLD_ENGINE.test(env.userAgent) || !env.supportsModules || !env.parsesBundleSyntax) return "old_webview";
  if (!env.officeLoaded) return "office_js_missing";
  return null;
}

/**
 * Whether this engine parses the bundle's syntax. A SyntaxError says no; anything else (a Content-Security-Policy
 * forbidding eval raises EvalError) says nothing about the engine, so it counts as yes.
 */
export function parsesSyntax(makeFunction: (body: string) => unknown): boolean {
  try {
    makeFunction("var a = null; return a?.b ?? import('./x.js');");
    return true;
  } catch (error) {
    return !(error instanceof SyntaxError);
  }
}

/* eslint-disable no-var -- ES5 on purpose, see below */
/**
 * The task pane's first script (taskpane/boot.js), run by whatever web view Office gives the pane, before the
 * pane's bundle (ES2020 modules, React 19). It is built to ES5 (esbuild's es5 target refuses let and const, hence
 * var) and uses nothing newer than Internet Explorer 11 has: no Promise, Array.prototype.includes, Object.assign.
 * It loads the bundle only where the bundle can run, and otherwise explains in Chinese and English why the pane
 * cannot start and what to use instead, rather than leaving it blank:
 * - an old web view (Internet Explorer 11 or EdgeHTML: Office 2016/2019, volume-licensed or without WebView2);
 * - office.js did not load (an intranet that cannot reach Microsoft's CDN, or a local copy missing);
 * - the bundle itself did not load.
 */
import { BOOT_STRINGS, type BootMessage } from "./boot-strings";
import { detectProblem, parsesSyntax } from "./detect-problem";

/** The pane's bundle, relative to taskpane.html. */
var BUNDLE = "taskpane/index.js";
/** The id the build gives office.js's script element (its src is named in the message). */
var OFFICE_JS_ID = "rk-office-js";
var CDN_HOST = "appsforoffice.microsoft.com";

function element(tag: string, text: string, style: string): HTMLElement {
  var e = document.createElement(tag);
  e.textContent = text;
  if (style) e.setAttribute("style", style);
  return e;
}

function appendMessage(parent: HTMLElement, message: BootMessage, lang: string, heading: string): void {
  var section = document.createElement("section");
  section.setAttribute("lang", lang);
  section.appendChild(element(heading, message.title, "font-size:1.15em;margin:0 0 8px"));
  for (var i = 0; i < message.paragraphs.length; i++)
    section.appendChild(element("p", message.paragraphs[i]!, "margin:0 0 8px"));
  if (message.options.length) {
    var list = document.createElement("ul");
    list.setAttribute("style", "margin:0 0 8px;padding-left:20px");
    for (var j = 0; j < message.options.length; j++)
      list.appendChild(element("li", message.options[j]!, "margin-bottom:4px"));
    section.appendChild(list);
  }
  parent.appendChild(section);
}

/** Replaces the pane with the message, Chinese first, English below. */
function show(zh: BootMessage, en: BootMessage, problem: string): void {
  var root = document.getElementById("root") || document.body;
  while (root.firstChild) root.removeChild(root.firstChild);
  var main = document.createElement("main");
  main.setAttribute("data-boot-problem", problem);
  main.setAttribute("style", "padding:16px;line-height:1.6;font-size:14px;color:#242424;max-width:40em");
  appendMessage(main, zh, "zh-CN", "h1");
  var rule = document.createElement("hr");
  rule.setAttribute("style", "border:0;border-top:1px solid #d1d1d1;margin:12px 0");
  main.appendChild(rule);
  appendMessage(main, en, "en", "h2");
  root.appendChild(main);
  document.title = zh.title;
}

function officeJsUrl(): string {
  var script = document.getElementById(OFFICE_JS_ID) as HTMLScriptElement | null;
  return script ? script.src : "office.js";
}

function loadBundle(): void {
  var script = document.createElement("script");
  script.type = "module";
  script.src = BUNDLE;
  script.onerror = function () {
    show(
      BOOT_STRINGS.zh.bundle_missing(script.src),
      BOOT_STRINGS.en.bundle_missing(script.src),
      "bundle_missing",
    );
  };
  document.body.appendChild(script);
}

function boot(): void {
  var problem = detectProblem({
    userAgent: navigator.userAgent,
    supportsModules: "noModule" in document.createElement("script"),
    parsesBundleSyntax: parsesSyntax(function (body) {
      return new Function(body);
    }),
    officeLoaded: typeof Office !== "undefined",
  });
  if (problem === "old_webview") show(BOOT_STRINGS.zh.old_webview, BOOT_STRINGS.en.old_webview, problem);
  else if (problem === "office_js_missing") {
    var url = officeJsUrl();
    var fromCdn = url.indexOf("//" + CDN_HOST + "/") >= 0;
    show(
      BOOT_STRINGS.zh.office_js_missing(url, fromCdn),
      BOOT_STRINGS.en.office_js_missing(url, fromCdn),
      problem,
    );
  } else loadBundle();
}

boot();

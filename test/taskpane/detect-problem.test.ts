import { BOOT_STRINGS } from "../../src/taskpane/boot/boot-strings";
import { detectProblem, parsesSyntax, type BootEnvironment } from "../../src/taskpane/boot/detect-problem";

const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const AGENTS = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko",
  ie11Compat: "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 10.0; WOW64; Trident/7.0)",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  webView2: `${CHROME.replace("X11; Linux x86_64", "Windows NT 10.0; Win64; x64")} Edg/131.0.0.0`,
  macWkWebView: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
};

const env = (over: Partial<BootEnvironment> = {}): BootEnvironment => ({
  userAgent: CHROME,
  supportsModules: true,
  parsesBundleSyntax: true,
  officeLoaded: true,
  ...over,
});

describe("detectProblem", () => {
  test.each([
    ["Internet Explorer 11", AGENTS.ie11],
    ["Internet Explorer 11 in a compatibility mode", AGENTS.ie11Compat],
    ["Edge Legacy (EdgeHTML 18)", AGENTS.edgeHtml],
  ])("%s is an old web view, even if it seems able", (_, userAgent) => {
    expect(detectProblem(env({ userAgent }))).toBe("old_webview");
  });

  test.each([
    ["WebView2 (Chromium Edge, 'Edg/')", AGENTS.webView2],
    ["Safari's WKWebView on a Mac", AGENTS.macWkWebView],
    ["Chrome (Excel on the web)", CHROME],
  ])("%s runs the pane", (_, userAgent) => {
    expect(detectProblem(env({ userAgent }))).toBeNull();
  });

  test("an engine without module scripts or without ES2020 syntax is old whatever it calls itself", () => {
    expect(detectProblem(env({ supportsModules: false }))).toBe("old_webview");
    expect(detectProblem(env({ parsesBundleSyntax: false }))).toBe("old_webview");
  });

  test("office.js missing is said only where the pane could otherwise run", () => {
    expect(detectProblem(env({ officeLoaded: false }))).toBe("office_js_missing");
    expect(detectProblem(env({ officeLoaded: false, userAgent: AGENTS.ie11 }))).toBe("old_webview");
  });
});

describe("parsesSyntax", () => {
  test("a SyntaxError means no; eval forbidden by a Content-Security-Policy says nothing, so yes", () => {
    expect(parsesSyntax((body) => new Function(body))).toBe(true);
    expect(
      parsesSyntax(() => {
        throw new SyntaxError("Expected identifier");
      }),
    ).toBe(false);
    expect(
      parsesSyntax(() => {
        throw new EvalError("Refused to evaluate a string as JavaScript");
      }),
    ).toBe(true);
  });
});

describe("boot messages", () => {
  test("the CDN message names the address and the intranet build; the local one the deployment", () => {
    const url = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    const cdn = BOOT_STRINGS.zh.office_js_missing(url, true);
    expect([...cdn.paragraphs, ...cdn.options].join("")).toMatch(/appsforoffice[\s\S]*--office-js local/);
    const local = BOOT_STRINGS.zh.office_js_missing(
      "https://oa.example.gov.cn/rk/office-js/office.js",
      false,
    );
    expect(local.options.join("")).toContain("dist");
    expect(BOOT_STRINGS.en.office_js_missing(url, true).title).toMatch(/office\.js/);
  });
});

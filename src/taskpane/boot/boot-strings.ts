/* eslint-disable no-var -- ES5 on purpose: read by Internet Explorer 11 (see boot.ts) */
/**
 * What the boot script says when the pane cannot start, in Chinese and then English (both are shown: Office's
 * display language is not known before office.js has loaded). Kept apart from ../strings.ts, which is part of the
 * ES2020 bundle: these must be readable by Internet Explorer 11.
 */
export interface BootMessage {
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** What to do instead, one item each. */
  readonly options: readonly string[];
}

export interface BootStrings {
  readonly old_webview: BootMessage;
  /** `url` is where office.js was looked for; `fromCdn` whether that is Microsoft's CDN. */
  readonly office_js_missing: (url: string, fromCdn: boolean) => BootMessage;
  /** The pane's own program file did not load. */
  readonly bundle_missing: (url: string) => BootMessage;
}

var zh: BootStrings = {
  old_webview: {
    title: "此版本的 Excel 无法运行报表助手",
    paragraphs: [
      "报表助手的任务窗格需要较新的内置浏览器（Microsoft Edge WebView2）。这台电脑上的 Excel 使用旧的 Internet Explorer 或 EdgeHTML 内核显示加载项，常见于 Office 2016、Office 2019 及其批量许可版，无法显示本窗格。",
      "可以改用：",
    ],
    options: [
      "Excel 网页版：在 Edge 或 Chrome 中打开工作簿，按同样方式加载报表助手。",
      "Microsoft 365 或 Office 2021 及以上版本的 Excel（Windows 或 Mac）。零售版 Office 2016/2019 安装 Microsoft Edge WebView2 运行时后也可以使用。",
      "不需要加载项的方式：直接发放 templates 文件夹中的填报模板，用命令行 report-kit 生成模板、校验报表和汇总。",
    ],
  },
  office_js_missing: (url, fromCdn) => ({
    title: "无法加载 Office 组件（office.js）",
    paragraphs: fromCdn
      ? [
          `报表助手需要从微软的服务器加载 office.js（${url}），但这台电脑无法访问该地址，常见于单位内网。`,
          "请联系管理员：",
        ]
      : [`office.js 应与报表助手部署在同一台服务器上（${url}），但没有找到。`, "请联系管理员："],
    options: fromCdn
      ? [
          "在防火墙或代理中放行 appsforoffice.microsoft.com；",
          "或者部署内网版本：npm run build:prod -- --office-js local --base-url 内网地址，office.js 随加载项一起提供，不再访问微软的服务器。",
          "在此之前，可以直接使用 templates 文件夹中的填报模板和命令行 report-kit，不需要加载项。",
        ]
      : [
          "重新部署构建生成的整个 dist 文件夹（包括 office-js 子文件夹）。",
          "在此之前，可以直接使用 templates 文件夹中的填报模板和命令行 report-kit，不需要加载项。",
        ],
  }),
  bundle_missing: (url) => ({
    title: "报表助手的程序文件无法加载",
    paragraphs: [`没有加载到 ${url}。请检查网络，或请管理员确认加载项服务器上的文件完整。`],
    options: [],
  }),
};

var en: BootStrings = {
  old_webview: {
    title: "This version of Excel cannot run Report Kit",
    paragraphs: [
      "Report Kit's task pane needs a current built-in browser (Microsoft Edge WebView2). Excel on this computer shows add-ins with the old Internet Explorer or EdgeHTML engine, as Office 2016, Office 2019 and their volume-licensed editions do, and cannot show this pane.",
      "Instead, use:",
    ],
    options: [
      "Excel on the web: open the workbook in Edge or Chrome and add Report Kit the same way.",
      "Excel from Microsoft 365 or Office 2021 or later (Windows or Mac). Retail Office 2016/2019 also works once the Microsoft Edge WebView2 Runtime is installed.",
      "No add-in at all: hand out the templates in the templates folder, and create, check and consolidate with the report-kit command line.",
    ],
  },
  office_js_missing: (url, fromCdn) => ({
    title: "Office's library (office.js) could not be loaded",
    paragraphs: fromCdn
      ? [
          `Report Kit loads office.js from Microsoft's server (${url}), which this computer cannot reach, as is common on an intranet.`,
          "Ask your administrator to:",
        ]
      : [
          `office.js should be served with Report Kit (${url}) but was not found.`,
          "Ask your administrator to:",
        ],
    options: fromCdn
      ? [
          "allow appsforoffice.microsoft.com through the firewall or proxy;",
          "or deploy the intranet build: npm run build:prod -- --office-js local --base-url <intranet address>, which serves office.js with the add-in.",
          "Meanwhile the templates in the templates folder and the report-kit command line work without the add-in.",
        ]
      : [
          "deploy the whole dist folder the build made (office-js included) again.",
          "Meanwhile the templates in the templates folder and the report-kit command line work without the add-in.",
        ],
  }),
  bundle_missing: (url) => ({
    title: "Report Kit's program file could not be loaded",
    paragraphs: [
      `${url} did not load. Check the network, or ask your administrator to check the files on the add-in's server.`,
    ],
    options: [],
  }),
};

export var BOOT_STRINGS = { zh: zh, en: en };

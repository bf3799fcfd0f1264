// Builds the Excel add-in into dist/: the task pane bundle (dist/taskpane/, exceljs, mammoth, pdf.js and
// word-extractor split off and loaded on first use), the boot script that runs before it (ES5, see
// src/taskpane/boot/boot.ts), the Web Workers, taskpane.html, commands.html, help.html, icons, and dist/manifest.xml.
//   node scripts/build-taskpane.mjs [--production] [--base-url URL] [--addin-id GUID] [--office-js cdn|local]
//                                   [--out DIR] [--manifest-only] [--dev]
// --production (or ADDIN_ENV=production) writes the production manifest: every dev URL becomes the base URL
// ("productionUrl" in addin.config.json unless --base-url gives another, which implies --production) and the Id
// becomes "productionId" (or --addin-id), so that a developer's sideloaded copy and the deployed add-in are two
// add-ins. --office-js local serves office.js from the @microsoft/office-js package beside the pane
// (dist/office-js/) instead of Microsoft's CDN, for networks that cannot reach appsforoffice.microsoft.com.
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const fail = (message) => {
  console.error(`build-taskpane: ${message}`);
  process.exit(2);
};
const config = JSON.parse(readFileSync("addin.config.json", "utf8"));
const baseUrl = option("--base-url");
const production = args.includes("--production") || process.env.ADDIN_ENV === "production" || !!baseUrl;
const out = path.resolve(option("--out") ?? "dist");
const officeJs = option("--office-js") ?? "cdn";
if (!["cdn", "local"].includes(officeJs)) fail(`--office-js is "cdn" or "local", not "${officeJs}"`);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const target = {
  devUrl: config.devUrl,
  productionUrl: (baseUrl ?? config.productionUrl).replace(/\/+$/, ""),
  devId: config.devId,
  productionId: option("--addin-id") ?? config.productionId,
};
if (production) {
  let url;
  try {
    url = new URL(target.productionUrl);
  } catch {
    fail(`the base URL "${target.productionUrl}" is not a URL (e.g. https://oa.example.gov.cn/report-kit)`);
  }
  if (url.protocol !== "https:") fail(`Office loads add-ins over https only, not "${target.productionUrl}"`);
  if (!GUID.test(target.productionId)) fail(`the add-in Id "${target.productionId}" is not a GUID`);
  if (target.productionId.toLowerCase() === target.devId.toLowerCase())
    fail("the production add-in Id must differ from the development one (devId in addin.config.json)");
}

/**
 * The manifest with its URLs pointed at the production server (AppDomain gets the origin only) and the production
 * add-in Id in place of the development one.
 */
export function productionManifest(xml, { devUrl, productionUrl, devId, productionId }) {
  const origin = new URL(productionUrl).origin;
  if (!xml.includes(`<Id>${devId}</Id>`)) throw new Error(`manifest.xml's Id is not devId (${devId})`);
  return xml
    .replace(`<Id>${devId}</Id>`, `<Id>${productionId}</Id>`)
    .replaceAll(`<AppDomain>${devUrl}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .replaceAll(devUrl, productionUrl.replace(/\/$/, ""));
}

function writeManifest() {
  mkdirSync(out, { recursive: true });
  const xml = readFileSync("manifest.xml", "utf8");
  writeFileSync(path.join(out, "manifest.xml"), production ? productionManifest(xml, target) : xml);
}

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

/**
 * The parts of @microsoft/office-js that Excel's pane may load, copied beside the pane: office.js finds its host
 * scripts (excel-win32-16.01.js…) and strings (zh-cn/office_strings.js…) next to itself. Debug builds, type
 * definitions and other applications' scripts stay out (86 MB → a few MB).
 */
function copyOfficeJs() {
  const from = path.dirname(createRequire(import.meta.url).resolve("@microsoft/office-js/package.json"));
  const skip = /\.debug\.js$|\.d\.ts$|vsdoc|^(access|onenote|outlook|powerpoint|project|visio|word)/;
  cpSync(path.join(from, "dist"), path.join(out, "office-js"), {
    recursive: true,
    filter: (file) => !skip.test(path.basename(file)),
  });
}

const page = (title, body, { head = "", officeJsUrl = null } = {}) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${title}</title>
${officeJsUrl ? `<script id="rk-office-js" src="${officeJsUrl}"></script>\n` : ""}${head}
<style>html,body{margin:0;height:100%;}body{font-family:"Microsoft YaHei UI","Microsoft YaHei","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Segoe UI",sans-serif;}</style>
</head>
<body>
${body}
</body>
</html>
`;

/**
 * Node's "stream", which word-extractor's .doc reader imports, is in the pane the small Readable it uses
 * (src/plan-file/browser-stream.ts); its Buffer is the "buffer" package's (see src/plan-file/decode-doc.ts).
 */
const browserStream = {
  name: "browser-stream",
  setup(b) {
    b.onResolve({ filter: /^stream$/ }, () => ({ path: path.resolve("src/plan-file/browser-stream.ts") }));
  },
};

async function buildPane() {
  rmSync(path.join(out, "taskpane"), { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: "browser",
    target: ["es2020", "safari15"],
    minify: !args.includes("--dev"),
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
    define: { "process.env.NODE_ENV": JSON.stringify(args.includes("--dev") ? "development" : "production") },
  };
  const pane = await build({
    ...common,
    entryPoints: { index: "src/taskpane/index.tsx" },
    outdir: path.join(out, "taskpane"),
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    plugins: [browserStream],
  });
  writeFileSync(path.join(out, "taskpane", "meta.json"), JSON.stringify(pane.metafile));
  await build({
    ...common,
    entryPoints: {
      "consolidate-worker": "src/taskpane/consolidate/worker.ts",
      "copies-worker": "src/taskpane/copies/worker.ts",
    },
    outdir: path.join(out, "taskpane"),
    format: "iife",
  });
  // Built to ES5 and run before the bundle (it loads the bundle only where the bundle can run): esbuild refuses
  // let/const at this target, so newer syntax fails the build rather than the pane in Internet Explorer.
  await build({
    ...common,
    entryPoints: { boot: "src/taskpane/boot/boot.ts" },
    outdir: path.join(out, "taskpane"),
    target: "es5",
    format: "iife",
  });
  const officeJsUrl = officeJs === "local" ? OFFICE_JS_LOCAL : OFFICE_JS_CDN;
  rmSync(path.join(out, "office-js"), { recursive: true, force: true });
  if (officeJs === "local") copyOfficeJs();
  writeFileSync(
    path.join(out, "taskpane.html"),
    page("报表助手", '<div id="root"></div>\n<script src="taskpane/boot.js"></script>', { officeJsUrl }),
  );
  writeFileSync(
    path.join(out, "commands.html"),
    page("报表助手", "", {
      officeJsUrl,
      head: "<script>if (window.Office) Office.onReady(function () {});</script>",
    }),
  );
  writeFileSync(
    path.join(out, "help.html"),
    page(
      "报表助手 帮助",
      '<main style="padding:16px;max-width:40em"><h1>报表助手</h1><p>在 Excel 的“开始”选项卡点击“报表助手”，打开任务窗格：生成模板、校验当前工作簿、汇总各单位报送。</p><p lang="en">Report Kit: on Excel\'s Home tab, select Report Kit to create templates, check the open workbook and consolidate returns.</p></main>',
    ),
  );
  cpSync("assets", path.join(out, "assets"), { recursive: true });
  // pdf.js's character maps, fetched when a PDF plan's CJK fonts are not embedded (see src/taskpane/plan/PlanTab.tsx).
  const pdfjs = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  cpSync(path.join(pdfjs, "cmaps"), path.join(out, "taskpane", "pdf-cmaps"), { recursive: true });
  return pane.metafile;
}

writeManifest();
if (!args.includes("--manifest-only")) {
  await buildPane();
  console.log(
    `task pane built into ${path.relative(process.cwd(), out) || "."}/ (${production ? `production manifest for ${target.productionUrl}` : "dev manifest"}, office.js from ${officeJs === "local" ? "office-js/ beside the pane" : "Microsoft's CDN"})`,
  );
}

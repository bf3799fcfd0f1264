// Builds the Excel add-in into dist/: the task pane bundle (dist/taskpane/, exceljs and mammoth split off and
// loaded on first use), the consolidation Web Worker, taskpane.html, commands.html, help.html, icons, and
// dist/manifest.xml. With ADDIN_ENV=production (or --production) every dev URL in the manifest becomes
// "productionUrl" from addin.config.json, the one place where the production address is set.
//   node scripts/build-taskpane.mjs [--production] [--out DIR] [--manifest-only] [--dev]
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const production = args.includes("--production") || process.env.ADDIN_ENV === "production";
const out = path.resolve(option("--out") ?? "dist");
const config = JSON.parse(readFileSync("addin.config.json", "utf8"));

/** The manifest with its URLs pointed at the production server (AppDomain gets the origin only). */
export function productionManifest(xml, { devUrl, productionUrl }) {
  const origin = new URL(productionUrl).origin;
  return xml
    .replaceAll(`<AppDomain>${devUrl}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`)
    .replaceAll(devUrl, productionUrl.replace(/\/$/, ""));
}

function writeManifest() {
  mkdirSync(out, { recursive: true });
  const xml = readFileSync("manifest.xml", "utf8");
  writeFileSync(path.join(out, "manifest.xml"), production ? productionManifest(xml, config) : xml);
}

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const page = (title, body, script = "") => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script src="${OFFICE_JS}"></script>
${script}
<style>html,body{margin:0;height:100%;}body{font-family:"Microsoft YaHei UI","Microsoft YaHei","PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Segoe UI",sans-serif;}</style>
</head>
<body>
${body}
</body>
</html>
`;

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
  });
  writeFileSync(path.join(out, "taskpane", "meta.json"), JSON.stringify(pane.metafile));
  await build({
    ...common,
    entryPoints: { "consolidate-worker": "src/taskpane/consolidate/worker.ts" },
    outdir: path.join(out, "taskpane"),
    format: "iife",
  });
  writeFileSync(
    path.join(out, "taskpane.html"),
    page("报表助手", '<div id="root"></div>', '<script type="module" src="taskpane/index.js"></script>'),
  );
  writeFileSync(
    path.join(out, "commands.html"),
    page("报表助手", "", "<script>Office.onReady(function () {});</script>"),
  );
  writeFileSync(
    path.join(out, "help.html"),
    page(
      "报表助手 帮助",
      '<main style="padding:16px;max-width:40em"><h1>报表助手</h1><p>在 Excel 的“开始”选项卡点击“报表助手”，打开任务窗格：生成模板、校验当前工作簿、汇总各单位报送。</p><p lang="en">Report Kit: on Excel\'s Home tab, select Report Kit to create templates, check the open workbook and consolidate returns.</p></main>',
    ),
  );
  cpSync("assets", path.join(out, "assets"), { recursive: true });
  return pane.metafile;
}

writeManifest();
if (!args.includes("--manifest-only")) {
  await buildPane();
  console.log(
    `task pane built into ${path.relative(process.cwd(), out) || "."}/ (${production ? "production" : "dev"} manifest)`,
  );
}

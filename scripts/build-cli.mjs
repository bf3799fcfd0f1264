// Bundles the command-line tool into dist/cli.js (run by `npm ci` through the prepare script).
import { build } from "esbuild";

// exceljs is bundled on its own into dist/exceljs.js, and the CLI requires that file when it first needs exceljs:
// one file to read instead of hundreds to find and read (a quarter of a second at every start of a summary). Only
// its Workbook is taken (the streaming reader and writer and their zip libraries are never used).
const bundledExcelJS = {
  name: "bundled-exceljs",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./exceljs.js", external: true }));
  },
};

await build({
  stdin: {
    contents: 'exports.Workbook = require("exceljs/lib/doc/workbook");',
    resolveDir: ".",
    sourcefile: "exceljs-entry.js",
  },
  outfile: "dist/exceljs.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
});

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  plugins: [bundledExcelJS],
  // Lazily loaded packages (exceljs, mammoth: `await import(…)`) are required when first used.
  supported: { "dynamic-import": false },
  sourcemap: true,
  logLevel: "warning",
});

// The consolidation's check workers load only the reader and the check engine (no exceljs): they start faster.
await build({
  entryPoints: ["src/cli/consolidate/worker-entry.ts"],
  outfile: "dist/check-worker.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});

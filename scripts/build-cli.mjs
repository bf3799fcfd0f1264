// Bundles the command-line tool into dist/cli.js (run by `npm ci` through the prepare script).
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
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

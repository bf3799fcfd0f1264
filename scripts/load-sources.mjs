// Loads TypeScript sources into a script (benchmarks, demo, templates): bundles them with esbuild into
// dist/<name>.cjs, npm packages left to node_modules, and requires the bundle.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

/**
 * Everything the given source files export (paths from the repository root), as one CommonJS module.
 * @example const { parsePlan } = loadSources("bench-parse", ["src/core/plan/parse-plan.ts"]);
 */
export function loadSources(name, sources) {
  const outfile = join(root, "dist", `${name}.cjs`);
  require("esbuild").buildSync({
    stdin: {
      contents: sources.map((s) => `export * from "./${s}";`).join("\n"),
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "cjs",
    packages: "external",
    outfile,
    logLevel: "warning",
  });
  return require(outfile);
}

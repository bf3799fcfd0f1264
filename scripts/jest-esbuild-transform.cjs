// Jest transform: TypeScript and TSX to CommonJS with esbuild (already used for the builds). Type checking is
// done by `npm run typecheck`, so tests only need the syntax stripped, fast.
const { transformSync } = require("esbuild");

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith(".tsx") ? "tsx" : filename.endsWith(".ts") ? "ts" : "js";
    const result = transformSync(source, {
      loader,
      format: "cjs",
      target: "node20",
      jsx: "automatic",
      sourcemap: "inline",
      sourcefile: filename,
      // import() becomes require() (as in the CLI bundle): Jest's module registry has no dynamic import.
      supported: { "dynamic-import": false },
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return require("node:crypto")
      .createHash("sha1")
      .update(filename)
      .update("\0")
      .update(source)
      .update("esbuild-2")
      .digest("hex");
  },
};

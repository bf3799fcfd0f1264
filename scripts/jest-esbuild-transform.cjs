// Jest transform: TypeScript and TSX to CommonJS with esbuild (already used for the builds). Type checking is
// done by `npm run typecheck`, so tests only need the syntax stripped, fast. pdf.js is published as ES modules only
// (.mjs, which Node's require() loads but Jest's module registry does not): it is made CommonJS here too, its
// import.meta.url the file's own URL.
const { transformSync } = require("esbuild");
const { pathToFileURL } = require("node:url");

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
      ...(filename.endsWith(".mjs")
        ? { define: { "import.meta.url": JSON.stringify(pathToFileURL(filename).href) }, logLevel: "error" }
        : {}),
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return require("node:crypto")
      .createHash("sha1")
      .update(filename)
      .update("\0")
      .update(source)
      .update("esbuild-3")
      .digest("hex");
  },
};

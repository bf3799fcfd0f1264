/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // esbuild strips the types (the typecheck script checks them); see scripts/jest-esbuild-transform.cjs.
  transform: { "^.+\\.(t|j)sx?$|^.+\\.mjs$": "<rootDir>/scripts/jest-esbuild-transform.cjs" },
  // pdf.js comes as ES modules only: it is transformed like the sources (see the transform).
  transformIgnorePatterns: ["/node_modules/(?!pdfjs-dist/)"],
  moduleFileExtensions: ["js", "mjs", "cjs", "jsx", "ts", "tsx", "json", "node"],
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/src/**/*.test.tsx", "<rootDir>/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  testTimeout: 60000,
};

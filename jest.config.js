/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // esbuild strips the types (the typecheck script checks them); see scripts/jest-esbuild-transform.cjs.
  transform: { "^.+\\.(t|j)sx?$": "<rootDir>/scripts/jest-esbuild-transform.cjs" },
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/src/**/*.test.tsx", "<rootDir>/test/**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  testTimeout: 60000,
};

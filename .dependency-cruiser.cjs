/** Layer rules from STYLE.md: arrows point inward (cli -> xlsx -> core; taskpane -> office, xlsx -> core). */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment:
        "src/core imports nothing outside src/core: no exceljs, no Office.js, no React, no Node built-ins.",
      severity: "error",
      from: { path: "^src/core" },
      to: { pathNot: "^src/core" },
    },
    {
      name: "adapters-do-not-import-each-other-or-front-ends",
      severity: "error",
      from: { path: "^src/(xlsx|office)" },
      to: { path: "^src/(cli|taskpane|office|xlsx)", pathNot: "^src/$1" },
    },
    {
      name: "xlsx-adapter-not-front-ends",
      severity: "error",
      from: { path: "^src/xlsx" },
      to: { path: "^src/(cli|taskpane|office)" },
    },
    {
      name: "office-adapter-not-front-ends",
      severity: "error",
      from: { path: "^src/office" },
      to: { path: "^src/(cli|taskpane|xlsx)" },
    },
    {
      name: "front-ends-do-not-import-each-other",
      severity: "error",
      from: { path: "^src/cli" },
      to: { path: "^src/(taskpane|office)" },
    },
    {
      name: "taskpane-not-cli",
      severity: "error",
      from: { path: "^src/taskpane" },
      to: { path: "^src/cli" },
    },
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.tsx?$" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};

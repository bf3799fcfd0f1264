// `npm run templates`: regenerates templates/ — the blank template of each sample plan in seeds/ (parsed with the
// plan parser; `--fixtures` uses the hand-made task lists in test/fixtures/tasklists/ instead). A plan without a
// year gets the period 2024年度.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSources } from "./load-sources.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rk = loadSources("templates", [
  "src/core/plan/parse-plan.ts",
  "src/core/plan/task-list-json.ts",
  "src/core/template/build-spec.ts",
  "src/core/template/file-name.ts",
  "src/xlsx/template/render-template.ts",
]);

const fromFixtures = process.argv.includes("--fixtures");
const source = fromFixtures ? join(root, "test", "fixtures", "tasklists") : join(root, "seeds");
const target = join(root, "templates");
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const file of readdirSync(source)
  .filter((f) => /\.(txt|json)$/.test(f))
  .sort()) {
  const text = readFileSync(join(source, file), "utf8");
  const taskList = fromFixtures
    ? rk.readTaskListJson(JSON.parse(text)).taskList
    : rk.parsePlan(text).taskList;
  const built = rk.buildTemplateSpec(taskList, { period: `${taskList.year ?? 2024}年度` });
  if (!built.ok) {
    console.error(`${file}: ${built.findings.map((f) => f.message.zh).join("; ")}`);
    process.exitCode = 1;
    continue;
  }
  const name = rk.templateFileName(built.spec, null);
  writeFileSync(join(target, name), await rk.renderTemplate(built.spec, null));
  writeFileSync(
    join(target, name.replace(/\.xlsx$/, ".spec.json")),
    JSON.stringify(built.spec, null, 2) + "\n",
  );
  console.log(`${file} → templates/${name} (${built.spec.rows.length} rows, ${built.spec.templateId})`);
}

// `npm run demo`: the whole journey on the bundled sample plans, by calling the real CLI (bin/report-kit.js):
// parse each plan, make its templates for the ten units of seeds/units.csv, simulate their returns (messy ones
// included), check one, consolidate them all into a summary workbook in out/demo/, and tell what happened.
import { mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { join, dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSources } from "./load-sources.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const cli = join(root, "bin", "report-kit.js");
const outRoot = join(root, "out", "demo");
const unitsCsv = join(root, "seeds", "units.csv");
const units = readFileSync(unitsCsv, "utf8").trim().split(/\r?\n/).slice(1);

// The return simulator is TypeScript (it fills copies with exceljs like a clerk would): bundle it first.
const { simulateReturns } = loadSources("demo-simulate", ["scripts/demo/simulate-returns.ts"]);

const show = (p) => relative(root, p);
/** Runs the CLI; exit 0 (fine) and 1 (the input has errors, as messy returns do) are both expected. */
function reportKit(args, { print = true, lines = Infinity } = {}) {
  console.log(`\n$ report-kit ${args.map((a) => (a.startsWith(root) ? show(a) : a)).join(" ")}`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  if (print) {
    const text = `${r.stdout}${r.stderr}`.trimEnd().split("\n");
    console.log(
      text.slice(0, lines).join("\n") + (text.length > lines ? `\n……（共 ${text.length} 行，略）` : ""),
    );
  }
  if (r.status !== 0 && r.status !== 1) {
    console.error(r.stderr);
    throw new Error(`report-kit ${args[0]} exited ${r.status}`);
  }
  return r;
}

rmSync(outRoot, { recursive: true, force: true });
const plans = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort();
const accounts = [];
for (const plan of plans) {
  const id = plan.slice(0, 3);
  const dir = join(outRoot, id);
  mkdirSync(dir, { recursive: true });
  console.log(`\n==================== 工作要点 seeds/${plan} ====================`);

  // 1. Parse the plan into its task list.
  const parsed = reportKit(["parse", join(root, "seeds", plan), "--json"], { print: false });
  const taskList = JSON.parse(parsed.stdout);
  const listFile = join(dir, "任务清单.json");
  require("node:fs").writeFileSync(listFile, parsed.stdout);
  console.log(
    `解析出 ${taskList.tasks.length} 项任务、${taskList.targets.length} 个量化指标 → ${show(listFile)}`,
  );

  // 2. Templates: the standard workbook and one copy per unit.
  const year = taskList.year ?? 2024;
  const templates = join(dir, "模板");
  reportKit(
    [
      "template",
      listFile,
      "--units",
      unitsCsv,
      "--period",
      `${year}年上半年`,
      "--deadline",
      `${year}-07-10`,
      "-o",
      templates,
    ],
    { lines: 3 },
  );
  const specFile = readdirSync(templates).find((f) => f.endsWith(".spec.json"));
  const spec = JSON.parse(readFileSync(join(templates, specFile), "utf8"));

  // 3. Returns as units send them, messy ones included.
  const returns = join(dir, "报送");
  const { story } = await simulateReturns(spec, templates, units, returns);
  console.log(`\n模拟各单位报送（${show(returns)}）：`);
  for (const line of story) console.log(`  · ${line}`);

  // 4. Check one messy return, as staff do when it arrives.
  reportKit(["check", join(returns, `${units[1]}.xlsx`)], { lines: 8 });

  // 5. Consolidate everything: folder, zip, email, broken and stray files alike.
  const summary = join(dir, "汇总.xlsx");
  const consolidate = [
    "consolidate",
    returns,
    "-o",
    summary,
    "--units",
    unitsCsv,
    "--unit",
    "南昌市卫生健康委员会",
  ];
  const r = reportKit([...consolidate, "--csv", dir], { lines: 4 });
  const json = JSON.parse(reportKit([...consolidate, "--json"], { print: false }).stdout);
  const by = (s) => json.returns.filter((x) => x.status === s).length;
  const codes = (c) => json.findings.filter((f) => f.code === c).length;
  accounts.push(
    `${taskList.title}：${json.returns.length} 个文件，汇总 ${by("used") + by("used_with_errors")} 份（其中有错误 ${by("used_with_errors")} 份），` +
      `重复未采用 ${by("superseded")} 份，非报表/损坏 ${by("not_return")} 个；未报 ${codes("consolidate.missing_unit")} 个单位，迟报 ${codes("consolidate.late")} 个；` +
      `明细 ${json.records.length} 条 → ${show(summary)}${r.status === 1 ? "（有需退回更正的问题，见“问题清单”）" : ""}`,
  );
}

console.log("\n==================== 小结 ====================");
for (const line of accounts) console.log(`· ${line}`);
console.log(
  `\n每个汇总工作簿含：汇总（按指标、分单位，比率由分子分母合计重算）、明细（每个数字及其来源文件/单元格/SHA-256）、` +
    `进展、报送情况（未报、未填写、迟报、重复、退回原因）、文件清单（每个输入文件的处理结果）、问题清单；其“填报表”已填入汇总数，可作为上一级的报表再次汇总。`,
);

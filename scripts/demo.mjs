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

// The return simulators are TypeScript (they fill copies with exceljs like a clerk would): bundle them first.
const { simulateReturns, simulateNextPeriod } = loadSources("demo-simulate", [
  "scripts/demo/simulate-returns.ts",
  "scripts/demo/simulate-next-period.ts",
]);

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
/** The first plan's first period, continued by a second period at the end. */
let first = null;
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
  first ??= { dir, listFile, summary, year, title: taskList.title };
}

// 6. The next period (全年) of the first plan, against the first (上半年): each unit's template shows its own 上半年
// figures, the check catches what cannot be right, and the summary gives 上期值 and 环比.
const secondPeriod = await nextPeriod(first);

console.log("\n==================== 小结 ====================");
for (const line of accounts) console.log(`· ${line}`);
console.log(`· ${secondPeriod}`);
console.log(
  `\n每个汇总工作簿含：汇总（按指标、分单位，比率由分子分母合计重算）、明细（每个数字及其来源文件/单元格/SHA-256）、` +
    `进展、报送情况（未报、未填写、迟报、重复、退回原因）、文件清单（每个输入文件的处理结果）、问题清单；其“填报表”已填入汇总数，可作为上一级的报表再次汇总。`,
);

/** The second period of one plan, made, filled, checked and consolidated against the first; its account. */
async function nextPeriod({ dir, listFile, summary, year, title }) {
  console.log(`\n==================== 第二期：${title} ${year}年度，对照上半年 ====================`);
  const templates = join(dir, "全年模板");
  reportKit(
    [
      "template",
      listFile,
      "--units",
      unitsCsv,
      "--period",
      `${year}年度`,
      "--deadline",
      `${year + 1}-01-10`,
      "--previous",
      summary,
      "-o",
      templates,
    ],
    { lines: 3 },
  );
  const spec = JSON.parse(
    readFileSync(
      join(
        templates,
        readdirSync(templates).find((f) => f.endsWith(".spec.json")),
      ),
      "utf8",
    ),
  );
  const returns = join(dir, "全年报送");
  const { story } = await simulateNextPeriod(spec, templates, units, returns);
  console.log(`\n模拟全年报送（${show(returns)}；每份模板里有本单位上半年的“上期值”）：`);
  for (const line of story) console.log(`  · ${line}`);
  reportKit(["check", join(returns, `${units[0]}.xlsx`)], { lines: 6 });
  const yearSummary = join(dir, "全年汇总.xlsx");
  const consolidate = ["consolidate", returns, "-o", yearSummary, "--units", unitsCsv, "--previous", summary];
  reportKit(consolidate, { lines: 4 });
  const json = JSON.parse(reportKit([...consolidate, "--json"], { print: false }).stdout);
  const count = (code, severity) =>
    json.findings.filter((f) => f.code === code && (!severity || f.severity === severity)).length;
  const compared = json.targets.filter((t) => t.previous !== null);
  const sample = compared.find((t) => t.change !== null);
  return (
    `${title} 全年（对照上半年）：${compared.length} 个指标有上期值和环比` +
    (sample
      ? `（如“${sample.indicator}”上半年 ${sample.previous}，全年 ${sample.value}，环比 ${sample.change > 0 ? "+" : ""}${sample.change}）`
      : "") +
    `；累计数减少 ${count("period.cumulative_fell")} 处（错误），分母变化超过 30% ${count("period.denominator_changed")} 处，` +
    `比率变化超过 20 个百分点 ${count("period.rate_jumped")} 处（其中已在说明中写明原因 ${count("period.rate_jumped", "info")} 处），` +
    `上期报送本期未报 ${count("period.unit_absent")} 个单位，本期新报送 ${count("period.unit_new")} 个 → ${show(yearSummary)}`
  );
}

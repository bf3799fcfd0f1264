// Parse throughput: the five sample plans repeated to just under the size limit (MAX_PLAN_BYTES), parsed as one text
// and plan by plan; then the hostile shapes of issue 20 next to the sample plans. Figures are printed, never asserted
// (test/plan/linear-time.test.ts checks that time grows in proportion to the text).
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSources } from "../load-sources.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { parsePlan, MAX_PLAN_BYTES } = loadSources("bench-parse", [
  "src/core/plan/parse-plan.ts",
  "src/core/plan/plan-size.ts",
]);

const plans = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(root, "seeds", f), "utf8"));
const one = plans.join("\n");
const megabytes = (text) => Buffer.byteLength(text) / 1024 / 1024;
/** Copies of the sample plans, as many as fit in `bytes`. */
const samples = (bytes) =>
  Array.from({ length: Math.floor(bytes / (Buffer.byteLength(one) + 1)) }, () => one).join("\n");
const big = samples(0.95 * MAX_PLAN_BYTES);
const mb = megabytes(big);

for (let i = 0; i < 3; i++) parsePlan(one); // warm up
const runs = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = parsePlan(big);
  runs.push(performance.now() - t0);
  if (i === 0)
    console.log(
      `one text of ${mb.toFixed(2)} MB (the 5 sample plans, copied to just under the ${MAX_PLAN_BYTES / 1024 / 1024} MB limit): ${r.taskList.tasks.length} tasks, ${r.taskList.targets.length} targets`,
    );
}
runs.sort((a, b) => a - b);
const median = runs[2];
console.log(
  `parse throughput: ${(mb / (median / 1000)).toFixed(2)} MB/s (median of 5 runs, ${median.toFixed(0)} ms)`,
);

// Linear time: the same text at 1x, 2x and 4x the size should take about 1x, 2x, 4x as long.
const quarter = samples(0.95 * (MAX_PLAN_BYTES / 4));
const sizes = [1, 2, 4].map((k) => Array.from({ length: k }, () => quarter).join("\n"));
const times = sizes.map((text) => {
  const t0 = performance.now();
  parsePlan(text);
  return performance.now() - t0;
});
console.log(
  `scaling: 1x ${times[0].toFixed(0)} ms, 2x ${times[1].toFixed(0)} ms, 4x ${times[2].toFixed(0)} ms (ratio 4x/1x = ${(times[2] / times[0]).toFixed(2)}, linear ≈ 4)`,
);

const perPlan = [];
for (const text of plans) {
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) parsePlan(text);
  perPlan.push((performance.now() - t0) / 20);
}
console.log(`per sample plan: ${perPlan.map((t) => t.toFixed(1)).join(", ")} ms`);

// Hostile text (issue 20): the slowest shapes found, each some 256 KB, next to the sample plans. Each is a unit repeated
// in the paragraph of an item (or bare): what costs is a target every few characters, each with its clause and meaning.
const repeat = (unit, bytes) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
const inItem = (body) => `2024年工作要点\n一、重点任务\n1.${body}`;
const SIZE = 256 * 1024;
const HOSTILE = [
  ["sample plans (typical)", samples(SIZE)],
  ["“1:” ratios", inItem(repeat("1:", SIZE))],
  ["“95%⇥” rates between tabs", inItem(repeat("95%\t", SIZE))],
  ["“提高到95%、” (issue 20)", inItem(repeat("提高到95%、", SIZE))],
  ["“提高到95%、” as prose", repeat("提高到95%、", SIZE)],
  ["“3-” ranges", inItem(repeat("3-", SIZE))],
  ["“1 2 3 ” numbers", inItem(repeat("1 2 3 ", SIZE))],
  ["“建成5个” counts", inItem(repeat("建成5个", SIZE))],
  ["“分别达到95%、”", inItem(repeat("分别达到95%、", SIZE))],
  ["“（（（（” (issue 20)", inItem(repeat("（（（（", SIZE))],
];
console.log("\nhostile text, some 256 KB each (MB/s, best of 3; targets found):");
for (const [name, text] of HOSTILE) {
  let best = Infinity;
  let targets = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    targets = parsePlan(text).taskList.targets.length;
    best = Math.min(best, performance.now() - t0);
  }
  const rate = megabytes(text) / (best / 1000);
  console.log(`  ${rate.toFixed(2).padStart(6)} MB/s  ${String(targets).padStart(6)} targets  ${name}`);
}

// Parse throughput: the five sample plans repeated to at least 2 MB, parsed as one text and plan by plan.
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSources } from "../load-sources.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { parsePlan } = loadSources("bench-parse", ["src/core/plan/parse-plan.ts"]);

const plans = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => readFileSync(join(root, "seeds", f), "utf8"));
const one = plans.join("\n");
const copies = Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(one));
const big = Array.from({ length: copies }, () => one).join("\n");
const mb = Buffer.byteLength(big) / 1024 / 1024;

for (let i = 0; i < 3; i++) parsePlan(one); // warm up
const runs = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const r = parsePlan(big);
  runs.push(performance.now() - t0);
  if (i === 0)
    console.log(
      `one text of ${mb.toFixed(2)} MB (${copies} copies of the 5 sample plans): ${r.taskList.tasks.length} tasks, ${r.taskList.targets.length} targets`,
    );
}
runs.sort((a, b) => a - b);
const median = runs[2];
console.log(
  `parse throughput: ${(mb / (median / 1000)).toFixed(2)} MB/s (median of 5 runs, ${median.toFixed(0)} ms)`,
);

// Linear time: the same text at 1x, 2x and 4x the size should take about 1x, 2x, 4x as long.
const sizes = [1, 2, 4].map((k) => Array.from({ length: k * copies }, () => one).join("\n"));
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

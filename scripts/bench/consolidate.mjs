// Consolidation throughput: 1,000 returns of a 150-row template consolidated by the real CLI (read + check on
// worker threads, summary written), with peak memory sampled from /proc (sizes and repeats: RK_BENCH_SIZES,
// RK_BENCH_RUNS); then the same reading done by a straightforward exceljs full-load loop on a sample, extrapolated
// to 1,000 files, and the ratio.
import { mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { loadSources } from "../load-sources.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const fx = loadSources("bench-consolidate", ["scripts/bench/consolidate-fixtures.ts"]);
const SIZES = (process.env.RK_BENCH_SIZES ?? "250,500,1000").split(",").map(Number);
const SAMPLE = Number(process.env.RK_BENCH_SAMPLE ?? 100);
const MAX = Math.max(...SIZES);
const work = join(tmpdir(), `rk-bench-consolidate-${process.pid}`);
mkdirSync(work, { recursive: true });

// 1. Make the returns: a personalised copy per unit, filled with plausible figures.
const units = Array.from({ length: MAX }, (_, i) => `第${String(i + 1).padStart(4, "0")}号医院`);
writeFileSync(join(work, "units.csv"), `单位名称\n${units.join("\n")}\n`);
const spec = fx.benchSpec(units);
const write = await fx.fastReturnWriter(spec);
let t0 = performance.now();
for (const size of SIZES) {
  const dir = join(work, `returns-${size}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < size; i++) writeFileSync(join(dir, `${units[i]}.xlsx`), write(units[i], i));
}
const bytes = readFileSync(join(work, `returns-${MAX}`, `${units[0]}.xlsx`)).length;
// The returns reach the disk before timing starts (as returns a clerk saved days ago have): otherwise the summary's
// fsync waits for the kernel to write back these tens of megabytes, and that would be timed.
spawnSync("sync");
console.log(
  `template: ${spec.rows.length} rows; returns written: ${SIZES.join(" + ")} files of ${(bytes / 1024).toFixed(0)} KB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

/** Runs a command, sampling its resident memory (VmRSS, and the kernel's own peak VmHWM) every 20 ms. */
function measure(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let peak = 0;
    const samples = [];
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
        peak = Math.max(peak, kb("VmHWM"), kb("VmRSS"));
        samples.push(kb("VmRSS"));
      } catch {
        /* the process has just ended */
      }
    }, 20);
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      resolve({ code, ms: performance.now() - started, peakMb: peak / 1024, out, err, samples });
    });
  });
}

// 2. The consolidation, end to end, at growing counts (memory should stay flat). This machine is shared, so each
// count is run RUNS times and the median time is printed (with the range), and the highest peak memory.
const RUNS = Number(process.env.RK_BENCH_RUNS ?? 3);
const cli = join(root, "bin", "report-kit.js");
let ours;
for (const size of SIZES) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await measure([
      cli,
      "consolidate",
      join(work, `returns-${size}`),
      "-o",
      join(work, `summary-${size}.xlsx`),
      "--units",
      join(work, "units.csv"),
    ]);
    if (r.code !== 0 && r.code !== 1) {
      console.error(r.err || r.out);
      throw new Error(`consolidate exited ${r.code}`);
    }
    runs.push(r);
  }
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  const peakMb = Math.max(...runs.map((r) => r.peakMb));
  const perSecond = (size * 1000) / ms;
  const range = RUNS > 1 ? ` (${RUNS} runs: ${times.map((t) => (t / 1000).toFixed(2)).join(", ")} s)` : "";
  console.log(
    `report-kit consolidate: ${size} files in ${(ms / 1000).toFixed(2)} s = ${perSecond.toFixed(0)} files/s end to end${range}; peak RSS ${peakMb.toFixed(0)} MB`,
  );
  if (size === MAX) ours = { perSecond, peakMb };
}

// 3. The straightforward exceljs loop, on a sample, extrapolated.
const base = await measure([
  "-e",
  `require(${JSON.stringify(join(root, "dist", "bench-consolidate.cjs"))}).exceljsLoopDir(${JSON.stringify(join(work, `returns-${MAX}`))}, ${SAMPLE})`,
]);
if (base.code !== 0) throw new Error(base.err);
const { files, ms } = JSON.parse(base.out);
const basePerSecond = (files * 1000) / ms;
console.log(
  `exceljs full-load loop (read only, no summary): ${files} files in ${(ms / 1000).toFixed(2)} s = ${basePerSecond.toFixed(1)} files/s; peak RSS ${base.peakMb.toFixed(0)} MB ` +
    `(measured on a sample of ${files}; ${MAX} files extrapolated: ${(MAX / basePerSecond).toFixed(0)} s)`,
);
console.log(
  `ratio: report-kit consolidate is ${(ours.perSecond / basePerSecond).toFixed(1)}× the exceljs loop's files/s at ${MAX} files (aim: ≥200 files/s, < 400 MB)`,
);
rmSync(work, { recursive: true, force: true });

// The task pane's long jobs in Chromium, timed as a clerk waits for them, from the click to the result: 200 units'
// copies of sample plan 003 written and zipped in the copies worker (until the download arrives), and 200 returns
// of a 150-row template consolidated in the consolidation worker (until the pane says it is done). Each job is run
// twice: the first run includes loading the worker and exceljs. Also printed: the longest main-thread task while
// the job ran (a pane that froze would show the whole job there). Aims, printed not asserted: copies under 2 s,
// consolidation under 5 s. Needs Chromium (/usr/bin/chromium, or CHROMIUM_PATH).
//   node scripts/bench/taskpane-work.mjs
import { execFileSync } from "node:child_process";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import http from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { unzipSync } from "fflate";
import { chromium } from "playwright-core";
import { loadSources } from "../load-sources.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const UNITS = 200;
const fx = loadSources("bench-taskpane-work", ["scripts/bench/consolidate-fixtures.ts"]);

const dist = mkdtempSync(path.join(tmpdir(), "rk-bench-pane-"));
execFileSync("node", ["scripts/build-taskpane.mjs", "--out", dist], { cwd: root, stdio: "pipe" });
const shim = buildSync({
  entryPoints: [path.join(root, "test/e2e/host-shim.ts")],
  bundle: true,
  write: false,
  format: "iife",
  platform: "browser",
  target: "es2020",
}).outputFiles[0].text;
const server = http.createServer((req, res) => {
  const file = path.join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
  if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile())
    return void res.writeHead(404).end();
  res.writeHead(200, {
    "content-type": file.endsWith(".html") ? "text/html; charset=utf-8" : "text/javascript",
  });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run"],
});

async function openPane() {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 }, acceptDownloads: true });
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: shim });
    return u.startsWith(url) ? route.continue() : route.abort();
  });
  await page.goto(`${url}/taskpane.html`);
  await page.getByRole("tab").first().waitFor();
  // The longest main-thread task from now on (Chromium's Long Tasks API: tasks over 50 ms).
  await page.evaluate(() => {
    globalThis.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) globalThis.__longest = Math.max(globalThis.__longest, e.duration);
    }).observe({ entryTypes: ["longtask"] });
  });
  return page;
}

/** Runs `job` (which resolves when the result is there) and gives its time and the longest main-thread task. */
async function timed(page, job) {
  await page.evaluate(() => (globalThis.__longest = 0));
  const t0 = performance.now();
  const result = await job();
  const ms = performance.now() - t0;
  return { ms, longest: await page.evaluate(() => globalThis.__longest), result };
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
// Wall-clock times on a shared machine scale with its load: say what it was.
console.log(
  `${availableParallelism()} CPUs, load average ${loadavg()[0].toFixed(1)} at the start (the figures grow with it)`,
);
const units = Array.from(
  { length: UNITS },
  (_, i) => `第${String(i + 1).padStart(3, "0")}号县区卫生健康委员会`,
);

// 1. Copies: the plan pasted and read, period and units set, then 下载各单位模板 (.zip).
{
  const page = await openPane();
  await page
    .getByLabel("工作要点全文")
    .fill(readFileSync(path.join(root, "seeds/003_b1280b1a44e49c58.txt"), "utf8"));
  await page.getByRole("button", { name: "识别任务和指标" }).click();
  await page.getByLabel(/^报告期/).fill("2024年上半年");
  await page.getByRole("tabpanel").getByLabel("填报单位名录").fill(units.join("\n"));
  for (const run of ["first", "second"]) {
    const { ms, longest, result } = await timed(page, async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        page.getByRole("button", { name: "下载各单位模板 (.zip)" }).click(),
      ]);
      return readFileSync(await download.path());
    });
    const files = Object.keys(unzipSync(new Uint8Array(result))).length;
    console.log(
      `${UNITS} unit copies (+ the blank template), ${run} run: ${s(ms)} from the click to the download ` +
        `(${files} files, ${(result.length / 1024 / 1024).toFixed(1)} MB; aim < 2 s); longest main-thread task ${longest.toFixed(0)} ms`,
    );
  }
  await page.close();
}

// 2. Consolidation: 200 returns of a 150-row template picked, then 开始汇总.
{
  const work = mkdtempSync(path.join(tmpdir(), "rk-bench-pane-returns-"));
  mkdirSync(work, { recursive: true });
  const spec = fx.benchSpec(units);
  const write = await fx.fastReturnWriter(spec);
  const files = units.map((unit, i) => {
    const file = path.join(work, `${unit}.xlsx`);
    writeFileSync(file, write(unit, i));
    return file;
  });
  const page = await openPane();
  await page.getByRole("tab", { name: "汇总" }).click();
  await page.getByTestId("return-files").setInputFiles(files);
  await page.getByRole("tabpanel").getByLabel("填报单位名录").fill(units.join("\n"));
  for (const run of ["first", "second"]) {
    const { ms, longest } = await timed(page, async () => {
      const done = page.getByText(`已汇总 ${UNITS} 份报送`);
      await page.getByRole("button", { name: "开始汇总" }).click();
      if (run === "second") await done.waitFor({ state: "detached" });
      await done.waitFor({ timeout: 300_000 });
    });
    console.log(
      `${UNITS} returns of a ${spec.rows.length}-row template consolidated in the pane, ${run} run: ${s(ms)} from the click to the summary ` +
        `(aim < 5 s); longest main-thread task ${longest.toFixed(0)} ms`,
    );
  }
  await page.close();
}

await browser.close();
server.close();

// Builds the task pane and prints the size of the JavaScript it loads at start (index.js and the chunks it
// imports statically), gzipped, against the 400 KB aim; lazily loaded chunks (exceljs, mammoth, fflate) are
// listed apart. Run: node scripts/bench/taskpane.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const out = mkdtempSync(path.join(tmpdir(), "rk-pane-"));
execFileSync("node", ["scripts/build-taskpane.mjs", "--out", out], { stdio: "inherit" });
const meta = JSON.parse(readFileSync(path.join(out, "taskpane", "meta.json"), "utf8"));
const outputs = meta.outputs;
const entry = Object.keys(outputs).find((f) => f.endsWith("/index.js"));

/** Output files reachable from `file` through `kind` imports. */
function reach(file, kinds, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const i of outputs[file].imports) if (kinds.includes(i.kind)) reach(i.path, kinds, seen);
  return seen;
}
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const initial = [...reach(entry, ["import-statement"])];
const initialRaw = initial.reduce((n, f) => n + outputs[f].bytes, 0);
const initialGz = initial.reduce((n, f) => n + gz(f), 0);
const lazy = Object.keys(outputs).filter((f) => f.endsWith(".js") && !initial.includes(f));
console.log(
  `task pane initial JavaScript: ${kb(initialRaw)} minified, ${kb(initialGz)} gzipped (aim ≤ 400 KB) in ${initial.length} files`,
);
for (const f of lazy) {
  const top = Object.entries(outputs[f].inputs)
    .map(([k, v]) => [/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(k)?.[1] ?? "src", v.bytesInOutput])
    .reduce((m, [k, v]) => m.set(k, (m.get(k) ?? 0) + v), new Map());
  const main = [...top].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  console.log(`  lazy ${path.basename(f)}: ${kb(gz(f))} gzipped (mostly ${main})`);
}
const worker = path.join(out, "taskpane", "consolidate-worker.js");
console.log(`  consolidation worker (started on 汇总): ${kb(gz(worker))} gzipped`);
console.log(initialGz <= 400 * 1024 ? "within the 400 KB aim" : "OVER the 400 KB aim");

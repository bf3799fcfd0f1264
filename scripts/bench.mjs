// `npm run bench`: runs every benchmark in scripts/bench/ in turn; each prints its own figures.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = join(dirname(fileURLToPath(import.meta.url)), "bench");
const only = process.argv[2];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith(".mjs"))
  .sort()) {
  if (only && !file.includes(only)) continue;
  console.log(`\n== ${file.replace(/\.mjs$/, "")}`);
  const r = spawnSync(process.execPath, ["--expose-gc", join(here, file)], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`${file} failed (exit ${r.status})`);
    process.exitCode = 1;
  }
}

// `npm run demo`: the journey on the bundled sample plans, by calling the real CLI.
// Step 1 (this file so far): parse every sample plan and print its task list.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "bin", "report-kit.js");
const plans = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort();

for (const plan of plans) {
  console.log(`\n=== 解析工作要点：seeds/${plan}`);
  const r = spawnSync(process.execPath, [cli, "parse", join(root, "seeds", plan)], { encoding: "utf8" });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  if (r.status !== 0) process.exitCode = 1;
}

import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * Names of temporary files carry the process that made them (".汇总.xlsx.<pid>.<random>.tmp"), so that those an
 * interrupted run left behind can be told from those a run still under way is writing.
 * @example tempName("汇总.xlsx", "1a2b3c4d") // → ".汇总.xlsx.4242.1a2b3c4d.tmp" in process 4242
 */
export function tempName(name: string, random: string): string {
  return `.${name}.${process.pid}.${random}.tmp`;
}

/** Whether the process `pid` is still running (a signal 0 reaches it). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files that interrupted runs left in `dir` for the file `name` (their process is gone).
 * Errors are ignored: a leftover that cannot be removed does no harm.
 */
export async function removeStaleTemps(dir: string, name: string): Promise<void> {
  const prefix = `.${name}.`;
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(".tmp")) continue;
    const pid = Number(entry.slice(prefix.length).split(".")[0]);
    if (Number.isInteger(pid) && pid > 0 && !running(pid))
      await rm(join(dir, entry), { force: true, recursive: true }).catch(() => undefined);
  }
}

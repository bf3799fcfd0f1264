import { mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * Makes a folder and its parents, one level at a time. Node's own `mkdir(…, { recursive: true })` loops forever
 * under a folder that refuses new entries with ENOENT (/proc, some network shares); here the refusal is the error,
 * with the path it was about (see fileSystemMessage).
 * @example await makeFolder("out/2024/汇总") // makes out, out/2024 and out/2024/汇总 as needed
 */
export async function makeFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => null);
  if (found) {
    if (found.isDirectory()) return;
    // A file where the folder should be: said as mkdir says it ("a file of that name exists").
    throw Object.assign(new Error(`EEXIST: ${dir}`), { code: "EEXIST", syscall: "mkdir", path: dir });
  }
  const parent = dirname(dir);
  if (parent !== dir) await makeFolder(parent);
  await mkdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "EEXIST") throw e;
  });
}

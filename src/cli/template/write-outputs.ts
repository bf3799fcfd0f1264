import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { makeFolder } from "../make-folder";
import { join } from "node:path";

/**
 * Writes every file into a temporary folder inside `dir`, then moves them into place: an error while writing
 * leaves no half-written set behind.
 */
export async function writeAllOrNothing(
  dir: string,
  files: AsyncIterable<readonly [name: string, bytes: Uint8Array | string]>,
): Promise<string[]> {
  await makeFolder(dir);
  const tmp = await mkdtemp(join(dir, ".report-kit-"));
  const written: string[] = [];
  try {
    for await (const [name, bytes] of files) {
      await writeFile(join(tmp, name), bytes);
      written.push(name);
    }
    for (const name of written) await rename(join(tmp, name), join(dir, name));
    return written;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

import { readFile, stat } from "node:fs/promises";
import { makeFinding } from "../../core/findings/make-finding";
import { readUnitListBytes, type UnitListFile } from "../../xlsx/unit-list";

export type { UnitListFile };

/** Reads a unit list file (.csv, .txt or .xlsx) from disk; a missing or unreadable file is a finding. */
export async function readUnitListFile(path: string): Promise<UnitListFile> {
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) {
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    const code = exists ? "template.units_unreadable" : "template.units_not_found";
    return { ok: false, findings: [makeFinding(code, { kind: "file", file: path }, { file: path })] };
  }
  return readUnitListBytes(new Uint8Array(bytes), path);
}

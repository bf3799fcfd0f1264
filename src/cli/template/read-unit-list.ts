import { readFile } from "node:fs/promises";
import { makeFinding } from "../../core/findings/make-finding";
import { readUnitListBytes, type UnitListFile } from "../../xlsx/unit-list";

export type { UnitListFile };

/** Reads a unit list file (.csv, .txt or .xlsx) from disk; an unreadable file is a finding. */
export async function readUnitListFile(path: string): Promise<UnitListFile> {
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) {
    return {
      ok: false,
      findings: [makeFinding("template.units_unreadable", { kind: "file", file: path }, { file: path })],
    };
  }
  return readUnitListBytes(new Uint8Array(bytes), path);
}

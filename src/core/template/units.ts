import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";

/** Where a unit list came from, so that findings can name the file and row. */
export interface UnitListSource {
  readonly file: string;
  /** Row number (1-based, as the user sees it) of the first name. */
  readonly firstRow: number;
}

/**
 * Trims ordinary and full-width spaces.
 * @example cleanUnitName("\u3000东湖区卫健委 ") // → "东湖区卫健委"
 */
export function cleanUnitName(name: string): string {
  return name.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

/**
 * Checks a unit list (单位名录): every name present and different. Each blank or repeated name is a finding that
 * names its row; the cleaned names are returned in order, blanks and repeats left out.
 * @example checkUnitList(["东湖区卫健委", "", "东湖区卫健委"])
 *   // → { units: ["东湖区卫健委"], findings: [unit_blank (row 2), unit_duplicate (row 3 repeats row 1)] }
 */
export function checkUnitList(
  names: readonly string[],
  source: UnitListSource = { file: "单位名录", firstRow: 1 },
): { readonly units: readonly string[]; readonly findings: readonly Finding[] } {
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  const units: string[] = [];
  const where = { kind: "file" as const, file: source.file };
  names.forEach((raw, i) => {
    const row = source.firstRow + i;
    const name = cleanUnitName(raw);
    const first = seen.get(name);
    if (!name) findings.push(makeFinding("template.unit_blank", where, { row }));
    else if (first !== undefined)
      findings.push(makeFinding("template.unit_duplicate", where, { row, first, name }));
    else {
      seen.set(name, row);
      units.push(name);
    }
  });
  return { units, findings };
}

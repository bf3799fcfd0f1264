import type ExcelJS from "exceljs";
import { loadExcelJS } from "../exceljs";
import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";
import { readIdentityRows } from "../../core/template/identity";
import { IDENTITY_SHEET, type TemplateIdentity, type TemplateSpec } from "../../core/template/spec";

export type ReadTemplateIdentityResult =
  | {
      readonly ok: true;
      readonly identity: TemplateIdentity;
      readonly spec: TemplateSpec;
      readonly workbook: ExcelJS.Workbook;
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** Reads the identity sheet and the stored spec of a template or return (.xlsx bytes). */
export async function readTemplateIdentity(
  bytes: Uint8Array,
  file: string,
): Promise<ReadTemplateIdentityResult> {
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return {
      ok: false,
      findings: [makeFinding("template.identity_missing", { kind: "file", file }, { file })],
    };
  }
  const ws = wb.getWorksheet(IDENTITY_SHEET);
  if (!ws)
    return {
      ok: false,
      findings: [makeFinding("template.identity_missing", { kind: "file", file }, { file })],
    };
  const rows: [unknown, unknown][] = [];
  ws.eachRow((row) => rows.push([cellText(row.getCell(1).value), cellText(row.getCell(2).value)]));
  const read = readIdentityRows(rows);
  if (!read.ok)
    return {
      ok: false,
      findings: [
        makeFinding(
          "template.identity_damaged",
          { kind: "file", file, sheet: IDENTITY_SHEET },
          { file, reason: read.reason },
        ),
      ],
    };
  return { ok: true, identity: read.identity, spec: read.spec, workbook: wb };
}

/** Plain text or number of a cell value (rich text joined, formulas by their result). */
export function cellText(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number") return v;
  if (typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("result" in v) return v.result === undefined ? null : cellText(v.result as ExcelJS.CellValue);
  if ("text" in v) return String(v.text);
  return null;
}

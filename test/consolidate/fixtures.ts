import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { zipSync } from "fflate";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import type { TemplateSpec } from "../../src/core/template/spec";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { fillReturn, plausibleFills, type Fill } from "./fill-return";

export const UNITS = ["甲县", "乙县", "丙县", "丁县"] as const;

/** The template of sample plan 000 for 2024年上半年, deadline 2024-07-10, with the four units above. */
export function fixtureSpec(units: readonly string[] = UNITS): TemplateSpec {
  const json: unknown = JSON.parse(
    readFileSync(join(__dirname, "../fixtures/tasklists/000_64af8b8e620b9456.json"), "utf8"),
  );
  const list = readTaskListJson(json);
  if (!list.ok) throw new Error("task list fixture");
  const built = buildTemplateSpec(list.taskList, { period: "2024年上半年", deadline: "2024-07-10", units });
  if (!built.ok) throw new Error("spec");
  return built.spec;
}

export const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A unit's copy of the template, filled with plausible figures (and any extra fills). */
export async function filledReturn(
  spec: TemplateSpec,
  unit: string,
  seed: number,
  filledOn: string,
  extra: readonly Fill[] = [],
  options: { insertRowAfter?: string; attain?: boolean } = {},
): Promise<Uint8Array> {
  const fills = [...plausibleFills(spec, seed, { filledOn: date(filledOn) }, options.attain), ...extra];
  return fillReturn(await renderTemplate(spec, unit), spec, fills, options);
}

/** A minimal RFC 822 email with one base64 attachment. */
export function emailWith(name: string, bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString("base64").replace(/.{76}/g, "$&\r\n");
  return [
    "From: 乙县卫健局 <yixian@example.cn>",
    "To: report@example.cn",
    "Subject: =?UTF-8?B?" + Buffer.from("2024年上半年报表").toString("base64") + "?=",
    "Date: Mon, 08 Jul 2024 10:00:00 +0800",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "附件为我县报表。",
    "--b1",
    `Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="=?UTF-8?B?${Buffer.from(name).toString("base64")}?="`,
    "Content-Transfer-Encoding: base64",
    `Content-Disposition: attachment; filename="=?UTF-8?B?${Buffer.from(name).toString("base64")}?="`,
    "",
    b64,
    "--b1--",
    "",
  ].join("\r\n");
}

/** A zip holding `files`, with each inner name as given. */
export const zipOf = (files: Record<string, Uint8Array>): Uint8Array => zipSync(files, { level: 6 });

/**
 * A workbook written again by SheetJS as .ods (or .xlsb, or .xls: its BIFF8 writer cuts the long stored spec, so that one is no
 * valid return), quickly and without LibreOffice; SheetJS's notes on the console about number formats are held back.
 */
export function rewrittenBySheetJs(
  bytes: Uint8Array,
  bookType: "ods" | "biff8" | "xlsb" = "ods",
): Uint8Array {
  const book = XLSX.read(bytes, { cellFormula: true, cellNF: true });
  const { error } = console;
  console.error = () => undefined;
  try {
    return new Uint8Array(XLSX.write(book, { type: "array", bookType }) as ArrayBuffer);
  } finally {
    console.error = error;
  }
}

export const hasLibreOffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].some(existsSync);

/** Opens a workbook in LibreOffice Calc (headless) and saves it again as .xlsx; returns the new file's path. */
export function resaveWithLibreOffice(path: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${outDir}/lo-profile`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      path,
    ],
    { timeout: 120_000, stdio: "ignore" },
  );
  return join(outDir, path.split("/").pop()!);
}

export { writeFileSync };

import { execFileSync } from "node:child_process";
import { basename, join } from "node:path";

/**
 * Prints a workbook to PDF with LibreOffice (headless soffice, a profile of its own in `dir`) and gives the PDF's
 * path in `dir`. Throws when soffice is missing: tests of what LibreOffice prints fail without it, never skip.
 */
export function printToPdf(workbook: string, dir: string): string {
  execFileSync(
    "soffice",
    [
      "--headless",
      `-env:UserInstallation=file://${dir}/profile`,
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      workbook,
    ],
    { timeout: 120_000, stdio: "ignore" },
  );
  return join(dir, basename(workbook).replace(/\.[^.]+$/, ".pdf"));
}

import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec } from "./fixtures";
import { emailOf } from "./input-builders";

/**
 * An email with a 180 MB attachment next to an honest return (issue 21, item 2): it took 1.3 GB. The attachment is
 * measured as the file streams past and never decoded: one finding names it, the return in the same email is read,
 * and memory stays flat.
 */
const dir = mkdtempSync(join(tmpdir(), "rk-big-mail-"));
const MB = 1024 * 1024;

/**
 * Writes an email whose second part is `size` bytes of base64 (never held whole: one block written again and again).
 */
function writeBigEmail(path: string, honest: Uint8Array, size: number): void {
  const head = emailOf(
    [
      {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        name: "甲县.xlsx",
        bytes: honest,
      },
    ],
    "报表及附件",
  );
  // Leave the closing boundary off the short email and add the big part before it.
  const text = Buffer.from(head).toString("latin1");
  const open = Buffer.from(text.slice(0, text.lastIndexOf("--rk-b1--")), "latin1");
  const fd = openSync(path, "w");
  writeSync(fd, open);
  const name = Buffer.from("大附件.zip").toString("base64");
  writeSync(
    fd,
    `--rk-b1\r\nContent-Type: application/zip; name="=?UTF-8?B?${name}?="\r\n` +
      `Content-Disposition: attachment; filename="=?UTF-8?B?${name}?="\r\nContent-Transfer-Encoding: base64\r\n\r\n`,
  );
  const line = `${"UEsDBBQAAAAIAA".repeat(5)}QUFB\r\n`; // 76 characters of base64, 57 bytes decoded
  const block = Buffer.from(line.repeat(Math.floor(MB / line.length)));
  const blockBytes = (block.length / line.length) * 57;
  for (let written = 0; written < size; written += blockBytes) writeSync(fd, block);
  writeSync(fd, "--rk-b1--\r\n");
  closeSync(fd);
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("reads an email with a 180 MB attachment in bounded memory: the attachment is a finding, the return beside it is read", async () => {
  const spec = fixtureSpec(["甲县"]);
  writeBigEmail(join(dir, "报表.eml"), await filledReturn(spec, "甲县", 1, "2024-07-05"), 180 * MB);
  writeFileSync(join(dir, "units.csv"), "单位名称\n甲县\n");

  // Sampled while the command runs (the email is read a megabyte at a time, so the sampler gets its turns).
  const rss = () => process.memoryUsage.rss();
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 5);
  const started = Date.now();
  const r = await run([
    "consolidate",
    dir,
    "-o",
    join(dir, "out", "汇总.xlsx"),
    "--units",
    join(dir, "units.csv"),
    "--json",
  ]);
  clearInterval(sampler);
  peak = Math.max(peak, rss());

  expect(r.code).toBe(1);
  const json = JSON.parse(r.out) as {
    returns: {
      file: string;
      unit: string | null;
      status: string;
      findings: { code: string; severity: string }[];
    }[];
  };
  const big = json.returns.find((x) => x.file.endsWith("报表.eml › 大附件.zip"))!;
  expect(big.findings).toMatchObject([{ code: "consolidate.attachment_too_large", severity: "error" }]);
  expect(json.returns.find((x) => x.file.endsWith("报表.eml › 甲县.xlsx"))?.status).toMatch(/^used/);
  // It took 1.3 GB; now the file streams past. (The workers and the summary writer take their usual share.)
  expect(peak - before).toBeLessThan(250 * MB);
  expect(Date.now() - started).toBeLessThan(20_000);
}, 60_000);

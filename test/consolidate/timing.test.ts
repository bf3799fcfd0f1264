import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TemplateSpec } from "../../src/core/template/spec";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec } from "./fixtures";
import { numberRows, withRows } from "./hostile-returns";

/**
 * Issue 21, item 8: results do not depend on timing. 甲县 and 乙县 each send two different returns filled the same
 * day, with the same file time; half the returns carry the template as sent (deadline 2024-07-10), half a copy
 * resent with an earlier deadline (2024-07-05), so which deadline is used, and so whether the units are late, is
 * decided too. One return of each pair is made slow to read (8,000 more rows), so that on worker threads the
 * returns finish in another order than they were given. Whatever the order of the files and the number of workers,
 * the same return is kept (the one whose file name sorts last) and the same deadline is used: the output is the same
 * byte for byte, in process (no workers) and from the built command on 2 and 3 worker threads.
 */
const UNITS = ["甲县", "乙县"];
const dir = mkdtempSync(join(tmpdir(), "rk-timing-"));
const input = join(dir, "in");
let spec: TemplateSpec;
let files: string[];

type Json = {
  returns: { file: string; unit: string | null; status: string }[];
  findings: { code: string; file: string | null; message: string }[];
};

beforeAll(async () => {
  spec = fixtureSpec(UNITS);
  const resent: TemplateSpec = { ...spec, deadline: "2024-07-05" };
  mkdirSync(input, { recursive: true });
  const slow = (bytes: Uint8Array) => withRows(bytes, spec.layout.entrySheet, numberRows("Z", 8_000));
  const made: [string, Uint8Array][] = [
    ["甲县-1.xlsx", slow(await filledReturn(spec, "甲县", 1, "2024-07-08"))],
    ["甲县-2.xlsx", await filledReturn(resent, "甲县", 2, "2024-07-08")],
    ["乙县-a.xlsx", await filledReturn(resent, "乙县", 3, "2024-07-08")],
    ["乙县-b.xlsx", slow(await filledReturn(spec, "乙县", 4, "2024-07-08"))],
  ];
  const time = new Date("2024-07-08T09:00:00");
  files = made.map(([name, bytes]) => {
    writeFileSync(join(input, name), bytes);
    utimesSync(join(input, name), time, time);
    return join(input, name);
  });
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The orders the files are given in: as named, reversed, and shuffled. */
const orders = () => [files, [...files].reverse(), [files[2]!, files[0]!, files[3]!, files[1]!]];

describe("duplicates filled the same day, and a deadline resent", () => {
  let first: string;

  it("keep the return whose file name sorts last, and one deadline, however the files are given", async () => {
    const outputs: string[] = [];
    for (const order of orders().slice(0, 2)) {
      const r = await run(["consolidate", ...order, "-o", join(dir, "one", "汇总.xlsx"), "--json"]);
      outputs.push(r.out);
    }
    first = outputs[0]!;
    for (const o of outputs) expect(o).toBe(first);
    const json = JSON.parse(first) as Json;
    const status = (name: string) => json.returns.find((x) => x.file.endsWith(name))!.status;
    expect(["甲县-1.xlsx", "甲县-2.xlsx", "乙县-a.xlsx", "乙县-b.xlsx"].map(status)).toEqual([
      "superseded",
      expect.stringMatching(/^used/),
      "superseded",
      expect.stringMatching(/^used/),
    ]);
    const duplicates = json.findings.filter((f) => f.code === "consolidate.duplicate").map((f) => f.message);
    expect(duplicates).toHaveLength(2);
    for (const m of duplicates) expect(m).toContain("日期相同，采用文件名排在后面的一份");
    // Two returns carry each deadline: the tie is settled by the specs' content, so both units are judged alike.
    const late = json.findings.filter((f) => f.code === "consolidate.late").map((f) => f.message);
    expect(
      late.length === 0 || (late.length === 2 && late.every((m) => m.includes("截止日期 2024-07-05"))),
    ).toBe(true);
  });

  const cli = join(__dirname, "../../bin/report-kit.js");
  (existsSync(join(__dirname, "../../dist/cli.js")) ? it : it.skip)(
    "decide the same on 2 and 3 worker threads (the built command) as on this one, byte for byte",
    () => {
      for (const [workers, order] of [
        ["2", orders()[2]!],
        ["3", orders()[1]!],
      ] as const) {
        const args = ["consolidate", ...order, "-o", join(dir, `w${workers}`, "汇总.xlsx"), "--json"];
        const r = spawnSync(process.execPath, [cli, ...args, "--workers", workers], {
          encoding: "utf8",
          maxBuffer: 1 << 26,
        });
        expect(r.stderr).toBe("");
        expect(r.stdout).toBe(first);
      }
    },
    30_000,
  );
});

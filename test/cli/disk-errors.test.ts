import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filledReturn, fixtureSpec } from "../consolidate/fixtures";
import { run } from "./run-cli";

/** Where the summary is written is the clerk's disk: its refusals are plain messages (exit 2), never a bug. */
const dir = mkdtempSync(join(tmpdir(), "rk-disk-"));
const input = join(dir, "in");
beforeAll(async () => {
  mkdirSync(input, { recursive: true });
  const spec = fixtureSpec(["甲县"]);
  writeFileSync(join(input, "甲县.xlsx"), await filledReturn(spec, "甲县", 1, "2024-07-05"));
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());
/** The file-system module the command uses (the CommonJS object, whose functions a spy can stand in for). */
const fs: typeof import("node:fs") = jest.requireActual("node:fs");

describe("the disk refuses", () => {
  it("a full disk while the summary is written: a plain message, exit 2, no temporary file left", async () => {
    const out = join(dir, "full");
    const real = fs.writeSync;
    let written = 0;
    jest.spyOn(fs, "writeSync").mockImplementation(((fd: number, ...rest: unknown[]) => {
      written++;
      if (written > 3)
        throw Object.assign(new Error("ENOSPC: no space left on device, write"), {
          code: "ENOSPC",
          errno: -28,
          syscall: "write",
        });
      return (real as (...a: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    const r = await run(["consolidate", input, "-o", join(out, "汇总.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`无法写入 ${join(out, "汇总.xlsx")}：磁盘空间不足（ENOSPC）`);
    expect(r.err).not.toMatch(/\bat \w|缺陷|bug/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("a folder that refuses new entries (/proc): said at once, exit 2", async () => {
    const started = Date.now();
    const r = await run(["consolidate", input, "-o", "/proc/report-kit-test/汇总.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("无法创建文件夹 /proc/report-kit-test");
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("temporary files an interrupted run left are removed; one a running process writes is kept", async () => {
    const out = join(dir, "stale");
    mkdirSync(out, { recursive: true });
    // A process number no process has (above Linux's pid_max), and this process's own.
    const stale = ".汇总.xlsx.4194305.0a1b2c3d.tmp";
    const live = `.汇总.xlsx.${process.pid}.0a1b2c3d.tmp`;
    writeFileSync(join(out, stale), "half a workbook");
    writeFileSync(join(out, live), "being written");
    const r = await run(["consolidate", input, "-o", join(out, "汇总.xlsx")]);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([live, "汇总.xlsx"].sort());
  });
});

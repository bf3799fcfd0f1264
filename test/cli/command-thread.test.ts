import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  commandOf,
  runOnCommandThread,
  runsOnCommandThread,
  type Terminal,
} from "../../src/cli/command-thread";

describe("which command runs on the command thread", () => {
  it("finds the command after the global options", () => {
    expect(commandOf(["--lang", "en", "consolidate", "in", "-o", "x.xlsx"])).toBe("consolidate");
    expect(commandOf(["--lang=en", "parse", "plan.docx"])).toBe("parse");
    expect(commandOf(["--help"])).toBeNull();
    expect(runsOnCommandThread(["consolidate", "in"])).toBe(true);
    // A file named like the command is not the command.
    expect(runsOnCommandThread(["parse", "consolidate"])).toBe(false);
    expect(runsOnCommandThread(["--lang", "consolidate"])).toBe(false);
  });
});

describe("a command thread that fails", () => {
  const dir = mkdtempSync(join(tmpdir(), "rk-thread-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const silent: Terminal = {
    stdout: { write: (_t, done) => done() },
    stderr: { write: (_t, done) => done() },
    progress: () => ({ update: () => undefined, stop: () => undefined }),
  };
  const data = { argv: ["consolidate"], lang: "zh" as const, cwd: dir };

  it("hands a crash of the thread to the caller, and ends with the code it gives", async () => {
    const script = join(dir, "throws.js");
    writeFileSync(script, 'throw new Error("boom");\n');
    const crashes: unknown[] = [];
    const code = await runOnCommandThread(script, data, silent, (e) => (crashes.push(e), 70));
    expect(code).toBe(70);
    expect(crashes).toHaveLength(1);
    expect(String((crashes[0] as Error).message)).toContain("boom");
  });

  it("counts a thread that ends without saying its exit code as a crash", async () => {
    const script = join(dir, "quiet.js");
    writeFileSync(script, "// does nothing\n");
    const crashes: unknown[] = [];
    const code = await runOnCommandThread(script, data, silent, (e) => (crashes.push(e), 70));
    expect(code).toBe(70);
    expect(String((crashes[0] as Error).message)).toContain("without an exit code");
  });
});

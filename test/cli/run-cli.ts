import { runCli } from "../../src/cli/main";
import type { CliContext } from "../../src/cli/context";
import { detectLang } from "../../src/cli/lang";

/** Runs the CLI in-process and returns its exit code and cleaned output (paths replaced by <dir>). */
export async function run(args: string[], dir = ""): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const ctx: CliContext = {
    // As the command decides it, before parsing (REPORT_KIT_LANG left out: a test says what it wants).
    lang: detectLang(args, {}),
    out: (s) => (out += s.endsWith("\n") ? s : `${s}\n`),
    err: (s) => (err += s.endsWith("\n") ? s : `${s}\n`),
    cwd: process.cwd(),
    exitCode: 0,
  };
  const code = await runCli(args, ctx);
  const clean = (s: string) => (dir ? s.split(dir).join("<dir>") : s);
  return { code, out: clean(out), err: clean(err) };
}

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { version } from "../../package.json";
import { InternalError } from "../core/errors";
import { runOnCommandThread, runsOnCommandThread, serveCommandThread } from "./command-thread";
import { registerCheck } from "./commands/check";
import { startProgress } from "./consolidate/progress";
import { registerConsolidate } from "./commands/consolidate";
import { registerParse } from "./commands/parse";
import { registerTemplate } from "./commands/template";
import { fileSystemMessage, InputError, UsageError } from "./errors";
import { formatFinding } from "./format-findings";
import type { CliContext } from "./context";
import { detectLang, LANG_REFUSED, langOf, t } from "./lang";
import { localiseCommander } from "./usage-text";

const HELP = {
  zh: "report-kit：把工作要点变成填报模板，校验并汇总各单位报送的工作簿",
  en: "report-kit: turn a work plan into reporting templates, check and consolidate the returned workbooks",
};

/** Builds the command-line program. */
export function buildProgram(ctx: CliContext): Command {
  const en = ctx.lang === "en";
  const program = new Command("report-kit")
    .exitOverride()
    .configureOutput({ writeOut: ctx.out, writeErr: ctx.err })
    .showHelpAfterError();
  // Before anything else: the options and commands below inherit commander's words in the chosen language.
  localiseCommander(program, ctx.lang);
  program
    .description(t(HELP, ctx.lang))
    .version(version, "-V, --version", en ? "print the version number" : "显示版本号")
    .addOption(
      // The language was chosen before parsing (detectLang); here a value naming none is refused, not ignored.
      new Option(
        "--lang <lang>",
        en ? "language of messages: zh or en" : "提示语言：zh（默认）或 en",
      ).argParser((value) => {
        if (!langOf(value)) throw new InvalidArgumentError(t(LANG_REFUSED, ctx.lang));
        return value;
      }),
    );
  registerParse(program, ctx);
  registerTemplate(program, ctx);
  registerCheck(program, ctx);
  registerConsolidate(program, ctx);
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 input has errors, 2 bad usage, 70 a bug. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      ctx.err(t(e.text, ctx.lang));
      return 2;
    }
    if (e instanceof InputError) {
      for (const f of e.findings) ctx.err(formatFinding(f, ctx.lang));
      return 1;
    }
    const fileSystem = fileSystemMessage(e);
    if (fileSystem) {
      ctx.err(t(fileSystem, ctx.lang));
      return 2;
    }
    return reportBug(e, ctx);
  }
}

/** Says that report-kit itself failed, with what a developer needs to know: exit 70. */
function reportBug(e: unknown, ctx: CliContext): number {
  if ((e as { code?: unknown } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY") {
    ctx.err(
      ctx.lang === "en"
        ? "report-kit ran out of memory. Close other programs, or consolidate the returns in parts."
        : "report-kit 内存不足。请关闭其他程序，或把报表分批汇总。",
    );
    return 70;
  }
  const kind = e instanceof InternalError ? "InternalError" : "unexpected error";
  ctx.err(
    ctx.lang === "en"
      ? `This is a bug in report-kit (${kind}); please report it with the text below.`
      : `这是 report-kit 的程序缺陷（${kind}），请把下面的内容反馈给开发者。`,
  );
  ctx.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
  return 70;
}

/** Entry point of the `report-kit` command (bin/report-kit.js). */
export function main(): void {
  // `report-kit … | head` closes the pipe early: that is normal use, not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const argv = process.argv.slice(2);
  const ctx: CliContext = {
    lang: detectLang(argv, process.env),
    out: (s) => process.stdout.write(s.endsWith("\n") ? s : s + "\n"),
    err: (s) => process.stderr.write(s.endsWith("\n") ? s : s + "\n"),
    cwd: process.cwd(),
    progress: startProgress,
    exitCode: 0,
  };
  const envLang = process.env.REPORT_KIT_LANG;
  if (envLang && !langOf(envLang)) {
    ctx.err(
      ctx.lang === "en"
        ? `REPORT_KIT_LANG "${envLang}" is not a language: ${LANG_REFUSED.en}`
        : `环境变量 REPORT_KIT_LANG 的值“${envLang}”无效：${LANG_REFUSED.zh}`,
    );
    process.exitCode = 2;
    return;
  }
  // A consolidation runs on a thread whose memory can be limited; this thread keeps the terminal (see command-thread).
  const bundle = typeof __filename === "string" && __filename.endsWith(".js") ? __filename : null;
  const running =
    bundle && runsOnCommandThread(argv)
      ? runOnCommandThread(
          bundle,
          { argv, lang: ctx.lang, cwd: ctx.cwd },
          { stdout: process.stdout, stderr: process.stderr, progress: startProgress },
          (e) => reportBug(e, ctx),
        )
      : runCli(argv, ctx);
  void running.then((code) => {
    process.exitCode = code;
  });
}

if (!serveCommandThread(runCli) && require.main === module) main();

import type { Command } from "commander";
import { methodLabel } from "../../core/consolidate/labels";
import { REVIEW_LABELS, SCOPE_NAMES } from "../../core/plan/target-meaning";
import { parsePlan } from "../../core/plan/parse-plan";
import { toTaskListJson } from "../../core/plan/task-list-json";
import type { Target, TaskList } from "../../core/plan/types";
import { readPlanFile } from "../../plan-file/read-plan-file";
import type { CliContext } from "../context";
import { InputError } from "../errors";
import { formatTargetLabel } from "../../core/plan/format-target";
import { formatFinding } from "../format-findings";

/** Registers `report-kit parse FILE [--json]`. */
export function registerParse(program: Command, ctx: CliContext): void {
  program
    .command("parse")
    .argument("<file>", ctx.lang === "en" ? "work plan (.txt or .docx)" : "工作要点文件（.txt 或 .docx）")
    .option("--json", ctx.lang === "en" ? "print the task list as JSON" : "以 JSON 输出任务清单")
    .description(
      ctx.lang === "en" ? "read a work plan into its task list" : "读取工作要点，列出任务和量化目标",
    )
    .action(async (file: string, options: { json?: boolean }) => {
      const decoded = await readPlanFile(file);
      if (!decoded.ok) throw new InputError(decoded.findings);
      const { taskList, findings } = parsePlan(decoded.text);
      // Nothing at all to show is an error; targets of a plan without numbered items are shown with a warning.
      if (taskList.tasks.length === 0 && taskList.targets.length === 0) throw new InputError(findings);
      for (const f of findings) if (f.severity !== "info") ctx.err(formatFinding(f, ctx.lang));
      ctx.out(options.json ? JSON.stringify(toTaskListJson(taskList), null, 2) : renderTable(taskList, ctx));
    });
}

/** A readable table of tasks and their targets, with counts. */
function renderTable(list: TaskList, ctx: CliContext): string {
  const en = ctx.lang === "en";
  const out: string[] = [];
  out.push(`${list.title || (en ? "(untitled plan)" : "（无标题）")}${list.year ? `  ${list.year}` : ""}`);
  const showTargets = (targets: readonly Target[]) => {
    for (const target of targets) {
      const due = target.deadline ? (en ? `  by ${target.deadline}` : `  截止 ${target.deadline}`) : "";
      const scope = SCOPE_NAMES[target.scope];
      const method = methodLabel(target.method, target.weight);
      const why = en ? target.scopeReason.en : target.scopeReason.zh;
      const meaning = en ? `${scope.en}, ${method.en}; ${why}` : `${scope.zh}，${method.zh}；${why}`;
      out.push(`       → ${target.indicator}  ${formatTargetLabel(target)}${due}  〔${meaning}〕`);
      const doubts = target.review.map((r) => (en ? REVIEW_LABELS[r].en : REVIEW_LABELS[r].zh));
      if (doubts.length) out.push(`         ${en ? "check: " : "请核对："}${doubts.join(en ? "; " : "；")}`);
    }
  };
  // (Targets grouped by task once: filtering all of them for each task is quadratic on a long plan.)
  const byTask = new Map<string, Target[]>();
  for (const t of list.targets) {
    const group = byTask.get(t.task);
    if (group) group.push(t);
    else byTask.set(t.task, [t]);
  }
  for (const task of list.tasks) {
    const who = task.responsible.length ? `  〔${task.responsible.join("、")}〕` : "";
    out.push(`${task.id.padStart(3)}  ${task.path.join("/")}  ${task.title}${who}`);
    showTargets(byTask.get(task.id) ?? []);
  }
  // Targets of no task (a plan without numbered items).
  const ids = new Set(list.tasks.map((t) => t.id));
  const loose = list.targets.filter((t) => !ids.has(t.task));
  if (loose.length) {
    out.push(en ? "  (targets of no numbered item)" : "  （不属于编号条目的目标）");
    showTargets(loose);
  }
  const doubtful = list.targets.filter((t) => t.review.length).length;
  out.push(
    en
      ? `${list.tasks.length} tasks, ${list.targets.length} targets (${doubtful} to check)`
      : `共 ${list.tasks.length} 项任务，${list.targets.length} 个量化目标（${doubtful} 个请核对）`,
  );
  return out.join("\n");
}

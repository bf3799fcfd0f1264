import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { makeFinding } from "../../core/findings/make-finding";
import type { Finding } from "../../core/findings/types";
import { parsePlan } from "../../core/plan/parse-plan";
import { readTaskListJson } from "../../core/plan/task-list-json";
import type { TaskList } from "../../core/plan/types";
import { notAPlanFile, readPlanFile } from "../../plan-file/read-plan-file";

/** The task list of PLAN: a task list JSON (parse --json, maybe hand-corrected) or a plan (.txt, .docx) parsed here. */
export async function readTaskListInput(
  path: string,
): Promise<
  { ok: true; taskList: TaskList; findings: readonly Finding[] } | { ok: false; findings: readonly Finding[] }
> {
  if (extname(path).toLowerCase() === ".json") {
    const text = await readFile(path, "utf8").catch(() => null);
    if (text === null) return { ok: false, findings: [await notAPlanFile(path)] };
    let json: unknown;
    try {
      json = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
      return {
        ok: false,
        findings: [makeFinding("template.plan_unreadable", { kind: "file", file: path }, { file: path })],
      };
    }
    const read = readTaskListJson(json);
    if (read.ok) return read;
    // A task list with no tasks: say so in template terms (plan.no_items speaks of numbered items in a plan).
    const findings = read.findings.map((f) =>
      f.code === "plan.no_items" ? makeFinding("template.no_tasks", { kind: "file", file: path }) : f,
    );
    return { ok: false, findings };
  }
  const decoded = await readPlanFile(path);
  if (!decoded.ok) return decoded;
  const { taskList, findings } = parsePlan(decoded.text);
  return taskList.tasks.length ? { ok: true, taskList, findings } : { ok: false, findings };
}

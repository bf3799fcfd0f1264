import { formatTargetLabel } from "../plan/format-target";
import { SCOPE_NAMES } from "../plan/target-meaning";
import { makeFinding } from "../findings/make-finding";
import { hasErrors } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { GUIDANCE_SECTION_WORDS } from "../plan/lexicon";
import type { Task, TaskList } from "../plan/types";
import { templateLayout } from "./layout";
import { measureOf } from "./measure";
import { parseDeadline, parsePeriod } from "./period";
import { TEMPLATE_KIND, TEMPLATE_SPEC_VERSION, type Period, type SpecRow, type TemplateSpec } from "./spec";
import { templateIdOf } from "./spec-meaning";
import { checkUnitList, type UnitListSource } from "./units";

/** What a template is built with besides the task list. */
export interface TemplateOptions {
  /** "2024年上半年", "2024年第三季度", "2024年度", "2024年1-9月", "2024年3月". Default: the plan year's 年度. */
  readonly period?: string | null;
  /** The unit list (单位名录); blank or repeated names are findings. */
  readonly units?: readonly string[];
  /** Where the unit names came from, for findings (file and first row). */
  readonly unitsSource?: UnitListSource;
  /** Submission deadline: 2024-07-10 or 2024年7月10日. */
  readonly deadline?: string | null;
  /** Contact shown in 填报说明, e.g. "医政科 张三 0791-8888888". */
  readonly contact?: string | null;
}

export type BuildSpecResult =
  | { readonly ok: true; readonly spec: TemplateSpec; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

const WHERE = { kind: "plan" as const, line: 0 };
/** Findings about an option point at the option, e.g. "--period: 无法识别报告期…". */
const OPTION = (name: string) => ({ kind: "file" as const, file: `--${name}` });

/**
 * Builds the template spec from a (possibly hand-corrected) task list: one row per task, one row per target under
 * it, stable keys, a stable template id. Errors (no tasks, unknown period, bad unit list) → not ok, all findings.
 * @example buildTemplateSpec({ title: "2024年工作要点", year: 2024, tasks: [task1], targets: [] }, { period: "2024年上半年" })
 *   // → { ok: true, spec: { templateId: "rk-…", period: { label: "2024年上半年", … }, rows: [{ kind: "task", key: "T1", … }] }, findings: [] }
 */
export function buildTemplateSpec(taskList: TaskList, options: TemplateOptions = {}): BuildSpecResult {
  const findings: Finding[] = [];
  if (taskList.tasks.length === 0) findings.push(makeFinding("template.no_tasks", WHERE));
  const period = resolvePeriod(taskList, options.period ?? null, findings);
  const deadline = resolveDeadline(options.deadline ?? null, findings);
  const unitCheck = checkUnitList(options.units ?? [], options.unitsSource);
  findings.push(...unitCheck.findings);
  if (!period || hasErrors(findings)) return { ok: false, findings };
  const rows = buildRows(taskList);
  const plan = { title: taskList.title.trim(), year: taskList.year };
  // The id names what the template means, not how the plan was written (see spec-meaning.ts).
  const templateId = templateIdOf({ plan, period, rows });
  const contact = options.contact?.trim() || null;
  const spec: TemplateSpec = {
    kind: TEMPLATE_KIND,
    specVersion: TEMPLATE_SPEC_VERSION,
    templateId,
    plan,
    period,
    deadline,
    contact,
    units: unitCheck.units,
    rows,
    layout: templateLayout(rows),
  };
  return { ok: true, spec, findings };
}

function resolvePeriod(list: TaskList, text: string | null, findings: Finding[]): Period | null {
  const given = text?.trim() ?? "";
  if (!given) {
    if (list.year === null) findings.push(makeFinding("template.period_missing", OPTION("period")));
    return list.year === null ? null : parsePeriod(`${list.year}年度`);
  }
  const period = parsePeriod(given);
  if (!period) {
    findings.push(makeFinding("template.period_unknown", OPTION("period"), { got: given }));
    return null;
  }
  if (list.year !== null && !period.start.startsWith(String(list.year)))
    findings.push(
      makeFinding("template.period_other_year", OPTION("period"), { period: period.label, year: list.year }),
    );
  return period;
}

function resolveDeadline(text: string | null, findings: Finding[]): string | null {
  const given = text?.trim() ?? "";
  if (!given) return null;
  const date = parseDeadline(given);
  if (!date) findings.push(makeFinding("template.deadline_invalid", OPTION("deadline"), { got: given }));
  return date;
}

/**
 * True when a task of the list is a section of guidance that holds no work, so the template shows it as a heading
 * that asks for nothing: titled as guidance (一、指导思想, 基本原则, 总体要求…: GUIDANCE_SECTION_WORDS), with no target
 * and no responsible unit. A top-level section without numbered items is not enough (四、完善医疗纠纷调处机制 is
 * work). Which tasks the parser finds is not changed: this is about the template's rows.
 * @example isGuidanceOnly({ title: "指导思想", responsible: [] }, 0) // → true
 */
export function isGuidanceOnly(task: Pick<Task, "title" | "responsible">, targets: number): boolean {
  if (targets > 0 || task.responsible.length > 0) return false;
  const title = task.title.trim();
  return GUIDANCE_SECTION_WORDS.some((w) => title.startsWith(w));
}

/** Task rows with their target rows beneath, keyed "T<id>" and "T<id>.<n>"; repeated ids get a suffix. */
function buildRows(list: TaskList): SpecRow[] {
  const rows: SpecRow[] = [];
  const used = new Set<string>();
  for (const task of list.tasks) {
    const base = `T${task.id.replace(/[^0-9A-Za-z_.-]/g, "") || rows.length + 1}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}_${n}`;
    used.add(key);
    const targets = list.targets.filter((t) => t.task === task.id);
    rows.push({
      kind: "task",
      key,
      task,
      ...(isGuidanceOnly(task, targets.length) ? { heading: true } : {}),
    });
    targets.forEach((target, i) => {
      const measure = measureOf(target.unitOfMeasure);
      rows.push({
        kind: "target",
        key: `${key}.${i + 1}`,
        taskKey: key,
        target,
        measure,
        targetLabel: `${SCOPE_NAMES[target.scope].zh} ${formatTargetLabel(target)}`,
      });
    });
  }
  return rows;
}

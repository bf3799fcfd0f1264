import { withMeaning, type BareTarget } from "../plan/target-meaning";
import { buildTemplateSpec } from "../template/build-spec";
import type { Target, Task, TaskList } from "../plan/types";
import { NOT_APPLICABLE, type EntryField, type TemplateIdentity, type TemplateSpec } from "../template/spec";
import type { CheckedReturn, ReturnEntry } from "./types";
import type { Finding } from "../findings/types";

/**
 * Small builders with defaults for tests, benchmarks and the demo: a task list with a rate, a count and an amount
 * target, its spec, and returns filled with given figures.
 */
export function makeTask(over: Partial<Task> = {}): Task {
  return { id: "1", path: ["一", "1"], title: "提升床位使用效率", responsible: [], line: 1, ...over };
}

export function makeTarget(over: Partial<Target> & Pick<Target, "op">): Target {
  const base = { task: "1", text: "", indicator: "床位使用率", unitOfMeasure: "%", deadline: null };
  return withMeaning({ ...base, value: 85, ...over } as BareTarget);
}

/** Task 1 with a rate (≥85%), a count (≥3家) and an amount (≥100万元); task 2 without targets. */
export function makeTaskList(over: Partial<TaskList> = {}): TaskList {
  return {
    title: "2024年卫生健康工作要点",
    year: 2024,
    tasks: [makeTask(), makeTask({ id: "2", path: ["一", "2"], title: "推进家庭医生签约服务" })],
    targets: [
      makeTarget({ op: ">=", value: 85 }),
      makeTarget({ op: ">=", value: 3, indicator: "新建胸痛中心", unitOfMeasure: "家" }),
      makeTarget({ op: ">=", value: 100, indicator: "设备投入", unitOfMeasure: "万元" }),
    ],
    ...over,
  };
}

/** A spec for `makeTaskList()` (period 2024年上半年, deadline 2024-07-10) with the given units. */
export function makeSpec(
  units: readonly string[] = ["甲县", "乙县", "丙县"],
  list = makeTaskList(),
): TemplateSpec {
  const built = buildTemplateSpec(list, { period: "2024年上半年", deadline: "2024-07-10", units });
  if (!built.ok) throw new Error(built.findings.map((f) => f.message.en).join("; "));
  return built.spec;
}

/** Cell address of a field on a row of the spec's entry sheet, as rendered. */
export function cellOf(spec: TemplateSpec, key: string, field: EntryField): string {
  const l = spec.layout;
  if (key === "header") return l.headerCells[field] ?? "A1";
  const row = spec.rows.findIndex((r) => r.key === key);
  return `${l.columns[field] ?? "Z"}${l.firstDataRow + row}`;
}

export interface ReturnOptions {
  readonly unit?: string;
  readonly filledOn?: string | number | null;
  readonly file?: string;
  readonly fileTime?: string | null;
  readonly findings?: readonly Finding[];
  /** What the return carries up when it is itself a summary (identity rows "rollUp"). */
  readonly rollUp?: TemplateIdentity["rollUp"];
  /** Row key → field → value, e.g. { "T1.1": { numerator: 90, denominator: 100 } }. */
  readonly figures?: Readonly<Record<string, Partial<Record<EntryField, number | string>>>>;
}

/** A checked return of `spec` with the given header and figures. */
export function makeReturn(spec: TemplateSpec, o: ReturnOptions = {}): CheckedReturn {
  const unit = o.unit ?? "甲县";
  const entries: ReturnEntry[] = [];
  const rows = new Map(spec.rows.map((r) => [r.key, r]));
  const add = (key: string, field: EntryField, value: number | string | null) => {
    const row = rows.get(key);
    const kind =
      value === null
        ? "blank"
        : typeof value === "number"
          ? "number"
          : NOT_APPLICABLE.includes(value as "无")
            ? "notApplicable"
            : "text";
    entries.push({
      key,
      task: row ? (row.kind === "task" ? row.task.id : row.target.task) : "",
      indicator: row?.kind === "target" ? row.target.indicator : null,
      field,
      kind,
      value,
      raw: value,
      sheet: "填报表",
      cell: cellOf(spec, key, field),
    });
  };
  add("header", "unit", unit);
  if (o.filledOn !== null) add("header", "filledOn", o.filledOn ?? "2024-07-05");
  for (const [key, fields] of Object.entries(o.figures ?? {}))
    for (const [field, value] of Object.entries(fields)) add(key, field as EntryField, value ?? null);
  const file = o.file ?? `${unit}.xlsx`;
  return {
    kind: "return",
    file,
    sha256: `sha-${file}`,
    fileTime: o.fileTime ?? "2024-07-05T10:00:00",
    identity: {
      templateId: spec.templateId,
      specVersion: spec.specVersion,
      planTitle: spec.plan.title,
      period: spec.period.label,
      unit,
      ...(o.rollUp ? { rollUp: o.rollUp } : {}),
    },
    spec,
    entries,
    findings: o.findings ?? [],
  };
}

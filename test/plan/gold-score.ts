/** The matching rules of ../shared/tools/score-plan.mjs, for tests: tasks by path, targets by (task path, op, unit, numbers). */
interface Scorable {
  tasks: { id: string; path: string[] }[];
  targets: {
    task: string;
    op: string;
    value: number | null;
    min: number | null;
    max: number | null;
    unit: string | null;
    deadline?: string | null;
  }[];
}

const norm = (s: unknown) => String(s ?? "").replace(/[\s()（）、.．,，:：;；]/g, "");
const pathKey = (p: string[]) => p.map(norm).join("/");
const unitKey = (u: string | null) => {
  const s = norm(u)
    .replace(/^\/|每/g, "")
    .replace("十万", "10万");
  return ({ "%": "%", "‰": "‰", "10万": "/10万", ratio: "ratio" } as Record<string, string>)[s] ?? s;
};

function keys(list: Scorable): string[] {
  const paths = new Map(list.tasks.map((t) => [t.id, pathKey(t.path)]));
  return list.targets.map((t) => {
    const nums = t.op === "between" ? [t.min, t.max] : [t.value];
    return [paths.get(t.task), t.op, unitKey(t.unit), ...nums.map(Number)].join("|");
  });
}

function f1(tp: number, nPred: number, nGold: number): number {
  const p = nPred ? tp / nPred : nGold ? 0 : 1;
  const r = nGold ? tp / nGold : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** Counts true positives, predictions and gold items for tasks and targets. */
export function score(gold: Scorable, pred: Scorable): { task: number[]; target: number[] } {
  const goldPaths = new Set(gold.tasks.map((t) => pathKey(t.path)));
  const taskTp = pred.tasks.filter((t) => goldPaths.has(pathKey(t.path))).length;
  const predKeys = keys(pred);
  let targetTp = 0;
  for (const k of keys(gold)) {
    const i = predKeys.indexOf(k);
    if (i >= 0) {
      predKeys.splice(i, 1);
      targetTp++;
    }
  }
  return {
    task: [taskTp, pred.tasks.length, goldPaths.size],
    target: [targetTp, pred.targets.length, gold.targets.length],
  };
}

export const totalF1 = (counts: number[][]) =>
  100 *
  f1(...(counts.reduce((a, c) => a.map((x, i) => x + (c[i] ?? 0)), [0, 0, 0]) as [number, number, number]));

/** Of the gold targets matched (as by score), how many have the gold's deadline: [right, matched]. */
export function deadlinesRight(gold: Scorable, pred: Scorable): [number, number] {
  const predKeys = keys(pred);
  const predDeadlines = pred.targets.map((t) => t.deadline ?? null);
  let right = 0;
  let matched = 0;
  keys(gold).forEach((k, g) => {
    const i = predKeys.indexOf(k);
    if (i < 0) return;
    predKeys[i] = "";
    matched++;
    if ((gold.targets[g]?.deadline ?? null) === predDeadlines[i]) right++;
  });
  return [right, matched];
}

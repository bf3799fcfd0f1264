import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { toTaskListJson } from "../../src/core/plan/task-list-json";
import { score, totalF1 } from "./gold-score";

/**
 * Golden files: every sample plan in seeds/ (and every extra case in test/fixtures/plans/) parses to exactly
 * test/golden/plans/<name>.json. `UPDATE_GOLDEN=1 npm run test:golden` (or `npm run test:golden -- -u`) rewrites
 * them; review the diff like code. Each plan is also parsed with a BOM and with CRLF line ends.
 */
const root = join(__dirname, "..", "..");
const goldenDir = join(root, "test", "golden", "plans");
const sources = [
  ...readdirSync(join(root, "seeds"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => join(root, "seeds", f)),
  ...(existsSync(join(root, "test", "fixtures", "plans"))
    ? readdirSync(join(root, "test", "fixtures", "plans"))
        .filter((f) => f.endsWith(".txt"))
        .map((f) => join(root, "test", "fixtures", "plans", f))
    : []),
];
const update =
  process.env.UPDATE_GOLDEN === "1" ||
  (expect.getState() as { snapshotState?: { _updateSnapshot?: string } }).snapshotState?._updateSnapshot ===
    "all";

/** Variants that must not change the result, as prettier's fixture runner does. */
const KNOWN_VARIANT_FAILURES: readonly string[] = [];

describe.each(sources.map((s) => [s.split("/").pop() as string, s]))("%s", (name, source) => {
  const text = readFileSync(source, "utf8");
  const parsed = toTaskListJson(parsePlan(text).taskList);
  const goldenFile = join(goldenDir, name.replace(/\.txt$/, ".json"));

  it("matches its golden file", () => {
    if (update) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(goldenFile, JSON.stringify(parsed, null, 2) + "\n");
    }
    // A test run never writes a golden file of its own accord: a missing one is a failure (write it with UPDATE_GOLDEN=1).
    expect(existsSync(goldenFile)).toBe(true);
    expect(parsed).toEqual(JSON.parse(readFileSync(goldenFile, "utf8")));
  });

  it.each([
    ["with a BOM", "\ufeff" + text],
    ["with CRLF line ends", text.replace(/\r?\n/g, "\r\n")],
  ])("parses the same %s", (variant, input) => {
    if (KNOWN_VARIANT_FAILURES.includes(`${name} ${variant}`)) return;
    expect(toTaskListJson(parsePlan(input).taskList)).toEqual(parsed);
  });
});

/** Task paths, and each target's task path, operator, values and unit: what a page copied without breaks keeps. */
function skeleton(text: string): string[] {
  const list = parsePlan(text).taskList;
  const path = new Map(list.tasks.map((t) => [t.id, t.path.join("/")]));
  return [
    ...list.tasks.map((t) => t.path.join("/")),
    ...list.targets.map((t) =>
      [path.get(t.task), t.op, t.op === "between" ? `${t.min}-${t.max}` : t.value, t.unitOfMeasure].join(" "),
    ),
  ];
}

describe.each(
  sources.filter((s) => !/\||\t/.test(readFileSync(s, "utf8"))).map((s) => [s.split("/").pop() as string, s]),
)("%s copied without its paragraph breaks", (_name, source) => {
  const text = readFileSync(source, "utf8");
  it.each([
    ["run into one line", text.replace(/\r?\n/g, "")],
    ["with spaces for the breaks", text.replace(/\r?\n/g, " ")],
  ])("gives the same tasks and targets %s", (_variant, input) => {
    expect(skeleton(input)).toEqual(skeleton(text));
  });
});

describe("against the hand-labelled task lists", () => {
  const goldDir = join(root, "test", "fixtures", "tasklists");
  const results = readdirSync(goldDir).map((f) => {
    const gold = JSON.parse(readFileSync(join(goldDir, f), "utf8"));
    const text = readFileSync(join(root, "seeds", f.replace(/\.json$/, ".txt")), "utf8");
    return score(gold, toTaskListJson(parsePlan(text).taskList));
  });

  it("finds the tasks (F1 ≥ 98) and the targets (F1 ≥ 95)", () => {
    expect(results.length).toBe(5);
    expect(totalF1(results.map((r) => r.task))).toBeGreaterThanOrEqual(98);
    expect(totalF1(results.map((r) => r.target))).toBeGreaterThanOrEqual(95);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import { templateFileNames } from "../../src/core/template/file-name";
import type { TemplateSpec } from "../../src/core/template/spec";
import type { CopiesMessage } from "../../src/taskpane/copies/protocol";
import { zipCopies } from "../../src/taskpane/copies/zip-copies";
import { describeFailure, WorkerFailure } from "../../src/taskpane/shell/describe-failure";
import { runWorkerJob } from "../../src/taskpane/shell/worker-job";
import { STRINGS } from "../../src/taskpane/strings";
import { readTemplateIdentity } from "../../src/xlsx/template/read-identity";

function makeSpec(units: readonly string[]): TemplateSpec {
  const json: unknown = JSON.parse(
    readFileSync(path.join(__dirname, "../fixtures/tasklists/001_deea3cea938e1f83.json"), "utf8"),
  );
  const list = readTaskListJson(json);
  if (!list.ok) throw new Error("fixture");
  const built = buildTemplateSpec(list.taskList, { period: "2024年上半年", units });
  if (!built.ok) throw new Error("spec");
  return built.spec;
}

describe("every unit's copy, zipped in the copies worker", () => {
  test("the blank template and one copy per unit, named as the CLI names them; progress up to the total", async () => {
    const units = ["东湖区卫健委", "西湖区/卫健委", "青山湖区卫健委"];
    const spec = makeSpec(units);
    const progress: [number, number][] = [];
    const { zip, files } = await zipCopies(spec, (done, total) => progress.push([done, total]));
    const entries = unzipSync(zip);
    const names = templateFileNames(spec);
    expect(Object.keys(entries).sort()).toEqual([null, ...units].map((u) => names.get(u)!).sort());
    expect(files).toBe(4);
    expect(progress[0]).toEqual([1, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
    for (const [i, [done]] of progress.entries())
      if (i) expect(done).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    const copy = await readTemplateIdentity(entries[names.get("西湖区/卫健委")!]!, "copy.xlsx");
    expect(copy.ok && copy.identity.unit).toBe("西湖区/卫健委");
  });

  test("a worker that does not load or fails ends in words about the copies, not about consolidation", async () => {
    const fake = {
      onmessage: null as ((e: { data: CopiesMessage }) => void) | null,
      onerror: null as ((e: { preventDefault: () => void }) => void) | null,
      terminated: false,
      postMessage: () => {},
      terminate() {
        this.terminated = true;
      },
    };
    const job = runWorkerJob({
      job: "copies",
      start: () => fake as unknown as Worker,
      request: { spec: null },
      onProgress: () => {},
    });
    fake.onerror!({ preventDefault: () => {} });
    const failure = await job.then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(WorkerFailure);
    expect(fake.terminated).toBe(true);
    const text = describeFailure(failure, STRINGS.zh);
    expect(text).toMatchObject({ intent: "error", bug: false });
    expect(text.text).toContain("生成各单位模板的模块未能加载");
    const crash = describeFailure(new WorkerFailure("crash", "RangeError: x", "copies"), STRINGS.en);
    expect(crash.text).toMatch(/^Writing the per-unit copies stopped with an error[\s\S]*RangeError: x/);
  });
});

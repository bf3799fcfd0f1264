import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import type { TemplateSpec } from "../../src/core/template/spec";
import { gatherPicked } from "../../src/taskpane/consolidate/gather-files";
import { runConsolidation } from "../../src/taskpane/consolidate/run-consolidation";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { fillReturn, plausibleFills } from "../consolidate/fill-return";

const UNITS = ["东湖区卫健委", "西湖区卫健委", "青山湖区卫健委"];

function makeSpec(): TemplateSpec {
  const json: unknown = JSON.parse(
    readFileSync(path.join(__dirname, "../fixtures/tasklists/001_deea3cea938e1f83.json"), "utf8"),
  );
  const list = readTaskListJson(json);
  if (!list.ok) throw new Error("fixture");
  const built = buildTemplateSpec(list.taskList, { period: "2024年上半年", units: UNITS });
  if (!built.ok) throw new Error("spec");
  return built.spec;
}

const picked = (name: string, bytes: Uint8Array) => ({ name, bytes, lastModified: Date.UTC(2024, 6, 8) });
const LABELS = {
  chartSheet: "达标率图",
  chartTitle: "各单位指标达标率",
  chartColumns: ["单位", "达标率", "达标指标数", "未达标指标数"] as [string, string, string, string],
};

describe("consolidation in the pane's worker", () => {
  test("zips inside zips are opened; a broken archive is a finding, not an exception", async () => {
    const inner = zipSync({ "b.xlsx": strToU8("x") });
    const items = [];
    for await (const item of gatherPicked([
      picked("a.xlsx", strToU8("a")),
      picked(
        "县区.zip",
        zipSync({ "一/c.xlsx": strToU8("c"), "内层.zip": inner, "__MACOSX/._c.xlsx": strToU8("") }),
      ),
      picked("坏.zip", strToU8("PK\u0003\u0004 not really")),
    ]))
      items.push(item);
    expect(items.map((i) => i.file)).toEqual([
      "a.xlsx",
      "县区.zip › 一/c.xlsx",
      "县区.zip › 内层.zip › b.xlsx",
      "坏.zip",
    ]);
    expect(items[3]!.findings.map((f) => f.code)).toEqual(["file.corrupt_zip"]);
    expect(items[0]!.fileTime).toMatch(/^2024-07-0[89]T/);
  });

  test("reports progress per workbook and gives the summary, its sheets and the attainment chart", async () => {
    const spec = makeSpec();
    const returns = await Promise.all(
      UNITS.slice(0, 2).map(async (u, i) =>
        fillReturn(await renderTemplate(spec, u), spec, plausibleFills(spec, i + 1)),
      ),
    );
    const progress: [number, number][] = [];
    const result = await runConsolidation(
      {
        files: [
          picked("东湖区.xlsx", returns[0]!),
          picked("县区.zip", zipSync({ "西湖区.xlsx": returns[1]! })),
        ],
        units: UNITS,
        today: "2024-07-10",
        labels: LABELS,
      },
      (done, total) => progress.push([done, total]),
    );
    expect(progress).toEqual([[1, 2], [2, 2]]); // prettier-ignore
    if (result.type !== "done") throw new Error(result.type);
    expect(result).toMatchObject({ returns: 2, units: 2 });
    expect(result.summary?.subarray(0, 2)).toEqual(strToU8("PK"));
    expect(result.sheets.map((s) => s.name)).toEqual([
      "汇总",
      "达标率图",
      "明细",
      "进展",
      "报送情况",
      "文件清单",
      "问题清单",
    ]);
    const chart = result.sheets[1]!;
    expect(chart.rows.map((r) => r[0])).toEqual(["单位", ...UNITS]);
    expect(chart.rows[3]![1]).toBeNull(); // 青山湖区 did not report: no rate, not 0%
    expect(result.findings.map((f) => f.code)).toContain("consolidate.missing_unit");
  });

  test("files that are not returns give findings and no summary", async () => {
    const result = await runConsolidation(
      { files: [picked("扫描件.xlsx", strToU8("%PDF-1.4"))], units: [], today: "2024-07-10", labels: LABELS },
      () => {},
    );
    expect(result).toMatchObject({ type: "done", returns: 0, summary: null, sheets: [] });
    if (result.type === "done") expect(result.findings.map((f) => f.code)).toContain("file.pdf");
  });
});

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readTaskListJson } from "../../src/core/plan/task-list-json";
import type { Target } from "../../src/core/plan/types";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import {
  IDENTITY_CHUNK,
  IDENTITY_SHEET,
  type TargetRow,
  type TemplateSpec,
} from "../../src/core/template/spec";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { run } from "../cli/run-cli";
import { filledReturn } from "./fixtures";
import { readFileSync } from "node:fs";

/**
 * One authority for the spec, end to end: a unit lowers its own target inside the spec its return carries. `check
 * --template` (the blank template) and `consolidate --template` (its .spec.json) name it with an error; without
 * --template, consolidation still names it when most returns carry the template as sent; and the result is the
 * same byte for byte however the files are ordered or whichever worker finishes first.
 */
const UNITS = ["甲县", "乙县", "丙县", "丁县"];
const dir = mkdtempSync(join(tmpdir(), "rk-authority-"));
const input = join(dir, "in");
let spec: TemplateSpec;
/** The row whose target 丁县 lowered (≥60% in the template, ≥40% in its copy), filled with 50%. */
let row: TargetRow;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The template of sample plan 000 for 2024年上半年, every target applying to each unit. */
function authoritySpec(): TemplateSpec {
  const json: unknown = JSON.parse(
    readFileSync(join(__dirname, "../fixtures/tasklists/000_64af8b8e620b9456.json"), "utf8"),
  );
  const list = readTaskListJson(json);
  if (!list.ok) throw new Error("task list fixture");
  const each = list.taskList.targets.map((t) => ({ ...t, scope: "each" }) as Target);
  const built = buildTemplateSpec(
    { ...list.taskList, targets: each },
    { period: "2024年上半年", deadline: "2024-07-10", units: UNITS },
  );
  if (!built.ok) throw new Error("spec");
  return built.spec;
}

/** Rewrites the spec stored in a return's identity sheet (as a unit with exceljs, or by hand in the XML, could). */
async function editStoredSpec(
  bytes: Uint8Array,
  edit: (s: TemplateSpec) => TemplateSpec,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(IDENTITY_SHEET)!;
  const cells: ExcelJS.Cell[] = [];
  ws.eachRow((r) => {
    if (r.getCell(1).value === "spec") cells.push(r.getCell(2));
  });
  const json = JSON.stringify(edit(JSON.parse(cells.map((c) => String(c.value)).join("")) as TemplateSpec));
  const chunks = json.match(new RegExp(`[^]{1,${IDENTITY_CHUNK}}`, "g"))!;
  if (chunks.length !== cells.length) throw new Error("the edited spec needs another number of chunks");
  cells.forEach((c, i) => (c.value = chunks[i]!));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const lower = (s: TemplateSpec): TemplateSpec => ({
  ...s,
  rows: s.rows.map((r) =>
    r.key === row.key && r.kind === "target" ? { ...r, target: { ...r.target, value: 40 } as Target } : r,
  ),
});

type Finding = { code: string; severity: string; message: string };
type Json = { returns: { file: string; status: string; findings: Finding[] }[] };
const findingsOf = (json: Json, unit: string) =>
  json.returns.find((r) => r.file.endsWith(`${unit}.xlsx`))!.findings;
const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);

beforeAll(async () => {
  spec = authoritySpec();
  row = spec.rows.find(
    (r): r is TargetRow => r.kind === "target" && r.target.op === ">=" && r.target.value === 60,
  )!;
  mkdirSync(input, { recursive: true });
  writeFileSync(join(dir, "blank.xlsx"), await renderTemplate(spec, null));
  writeFileSync(join(dir, "blank.spec.json"), JSON.stringify(spec, null, 2) + "\n");
  const fifty = [
    { key: row.key, field: "numerator" as const, value: 50 },
    { key: row.key, field: "denominator" as const, value: 100 },
  ];
  for (const [i, unit] of ["甲县", "乙县", "丙县"].entries())
    writeFileSync(
      join(input, `${unit}.xlsx`),
      await filledReturn(spec, unit, i, "2024-07-05", [], { attain: true }),
    );
  const ding = await filledReturn(spec, "丁县", 4, "2024-07-05", fifty, { attain: true });
  writeFileSync(join(input, "丁县.xlsx"), await editStoredSpec(ding, lower));
}, 120_000);

describe("check --template", () => {
  it("checks a return against the blank template, not the copy it carries, and names what the unit changed", async () => {
    const file = join(input, "丁县.xlsx");
    const own = await run(["check", file, "--json"]);
    const ownCodes = codes((JSON.parse(own.out) as { findings: Finding[] }).findings);
    expect(ownCodes).not.toContain("check.spec_changed");
    expect(ownCodes).not.toContain("check.below_target"); // 50% meets the 40% the copy says

    const r = await run(["check", file, "--template", join(dir, "blank.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.out) as { findings: Finding[] }).findings;
    const changed = findings.find((f) => f.code === "check.spec_changed")!;
    expect(changed.severity).toBe("error");
    expect(changed.message).toBe(
      `报表中保存的模板内容与下发的模板不一致（共 1 处），已按下发的模板校验：${row.key} 目标：下发的模板为“≥60”，本报表为“≥40”`,
    );
    expect(codes(findings)).toContain("check.below_target"); // 50% against the template's 60%

    const en = await run(["check", file, "--template", join(dir, "blank.spec.json"), "--lang", "en"]);
    expect(en.out).toContain(`${row.key} target: the template sent "≥60", this return "≥40"`);
  });

  it("finds nothing to name in a return that keeps the template as sent", async () => {
    const r = await run(["check", join(input, "甲县.xlsx"), "--template", join(dir, "blank.xlsx"), "--json"]);
    expect(codes((JSON.parse(r.out) as { findings: Finding[] }).findings)).not.toContain(
      "check.spec_changed",
    );
  });
});

describe("consolidate --template and without", () => {
  it("names the changed return with an error against the .spec.json", async () => {
    const r = await run([
      "consolidate",
      input,
      "-o",
      join(dir, "with", "汇总.xlsx"),
      "--template",
      join(dir, "blank.spec.json"),
      "--json",
    ]);
    const json = JSON.parse(r.out) as Json;
    expect(codes(findingsOf(json, "丁县"))).toContain("check.spec_changed");
    expect(codes(findingsOf(json, "丁县"))).not.toContain("consolidate.spec_disagrees");
    for (const unit of ["甲县", "乙县", "丙县"])
      expect(codes(findingsOf(json, unit))).not.toContain("check.spec_changed");
    expect(r.code).toBe(1);
  });

  it("without --template, names the return whose copy disagrees with the one most returns carry", async () => {
    const r = await run(["consolidate", input, "-o", join(dir, "without", "汇总.xlsx"), "--json"]);
    const json = JSON.parse(r.out) as Json;
    const disagrees = findingsOf(json, "丁县").find((f) => f.code === "consolidate.spec_disagrees")!;
    expect(disagrees.severity).toBe("error");
    expect(disagrees.message).toContain("4 份报表中 3 份为多数的内容");
    expect(disagrees.message).toContain(`${row.key} 目标：多数报表为“≥60”，本报表为“≥40”`);
    for (const unit of ["甲县", "乙县", "丙县"]) expect(codes(findingsOf(json, unit))).toEqual([]);
  });

  it("gives the same output, byte for byte, however the files are ordered", async () => {
    const files = ["甲县", "乙县", "丙县", "丁县"].map((u) => join(input, `${u}.xlsx`));
    const orders = [files, [...files].reverse(), [files[3]!, files[1]!, files[0]!, files[2]!]];
    const outputs: string[] = [];
    for (const order of orders) {
      const r = await run(["consolidate", ...order, "-o", join(dir, "order", "汇总.xlsx"), "--json"]);
      outputs.push(r.out);
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  }, 60_000);

  it("says plainly when --template is not a template (exit 2, no stack trace)", async () => {
    writeFileSync(join(dir, "notes.txt"), "请于7月10日前报送。");
    writeFileSync(join(dir, "other.json"), JSON.stringify({ title: "2024年工作要点", tasks: [] }));
    writeFileSync(join(dir, "bad.json"), "{ not json");
    const cases: [string, string][] = [
      [join(dir, "missing.xlsx"), "文件不存在"],
      [join(dir, "notes.txt"), "无法识别的文件格式"],
      [join(dir, "other.json"), "不是完整的模板规格"],
      [join(dir, "bad.json"), "不是有效的 JSON"],
      [join(input, "..", "in"), "这是文件夹"],
    ];
    for (const [template, why] of cases) {
      const check = await run(["check", join(input, "甲县.xlsx"), "--template", template]);
      expect(check.code).toBe(2);
      expect(check.err).toContain(`--template ${template}：${why}`);
      expect(check.err).not.toMatch(/\bat .*\.[jt]s:\d+/);
      const consolidate = await run([
        "consolidate",
        input,
        "-o",
        join(dir, "bad", "汇总.xlsx"),
        "--template",
        template,
      ]);
      expect(consolidate.code).toBe(2);
      expect(consolidate.err).toContain(`--template ${template}：${why}`);
    }
    const en = await run([
      "--lang",
      "en",
      "check",
      join(input, "甲县.xlsx"),
      "--template",
      join(dir, "notes.txt"),
    ]);
    expect(en.err).toContain("Give the blank template written by report-kit template");
  });
});

const cli = join(__dirname, "../../bin/report-kit.js");
const built = existsSync(join(__dirname, "../../dist/cli.js"));

(built ? describe : describe.skip)("the built command on worker threads", () => {
  it("gives the same output whichever worker finishes first and however the files are ordered", async () => {
    const files = ["甲县", "乙县", "丙县", "丁县"].map((u) => join(input, `${u}.xlsx`));
    const inProcess = await run(["consolidate", ...files, "-o", join(dir, "threads", "汇总.xlsx"), "--json"]);
    for (const [workers, order] of [
      ["2", files],
      ["3", [...files].reverse()],
      ["4", [files[2]!, files[0]!, files[3]!, files[1]!]],
    ] as const) {
      const r = spawnSync(
        process.execPath,
        [
          cli,
          "consolidate",
          ...order,
          "-o",
          join(dir, "threads", "汇总.xlsx"),
          "--json",
          "--workers",
          workers,
        ],
        { encoding: "utf8", maxBuffer: 1 << 28 },
      );
      expect(r.status).toBe(1);
      expect(r.stdout).toBe(inProcess.out);
    }
  }, 120_000);
});

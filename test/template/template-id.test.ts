import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { docxOfLines } from "../cli/make-docx";

/**
 * The template id names what a template means: the built command gives the same id for a plan as written, the same
 * plan with blank lines and spaces added, as a .docx, and as its `parse --json` task list fed back to `template`;
 * another id once a target's value changes.
 */
const cli = join(__dirname, "../../bin/report-kit.js");
const built = existsSync(join(__dirname, "../../dist/cli.js"));
const seed = join(__dirname, "../../seeds/000_64af8b8e620b9456.txt");
const dir = mkdtempSync(join(tmpdir(), "rk-template-id-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reportKit(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
}

/** The template id `template` prints for a plan or task list. */
function templateId(plan: string, out: string): string {
  const r = reportKit("template", plan, "--period", "2024年上半年", "-o", join(dir, out));
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  const id = /模板 (rk-[0-9a-f]{12})/.exec(r.stdout)?.[1];
  if (!id) throw new Error(`no template id in: ${r.stdout}${r.stderr}`);
  return id;
}

(built ? describe : describe.skip)("the template id through the command", () => {
  it("is the same from the .txt, the .txt spaced out, a .docx and parse --json; another once a target changes", () => {
    const text = readFileSync(seed, "utf8");
    const lines = text.split(/\r?\n/);
    // Blank lines between the lines, spaces (half- and full-width) around them: nothing a clerk sees changes.
    const spaced = [
      "",
      ...lines.map((l, i) => (l.trim() ? `  ${l}\u3000 ` : l) + (i % 3 === 0 ? "\n" : "")),
    ].join("\n");
    writeFileSync(join(dir, "spaced.txt"), spaced);
    writeFileSync(join(dir, "plan.docx"), docxOfLines(lines));
    const parsed = reportKit("parse", seed, "--json");
    expect(parsed.status).toBe(0);
    writeFileSync(join(dir, "tasks.json"), parsed.stdout);

    const id = templateId(seed, "txt");
    expect(templateId(join(dir, "spaced.txt"), "spaced")).toBe(id);
    expect(templateId(join(dir, "plan.docx"), "docx")).toBe(id);
    expect(templateId(join(dir, "tasks.json"), "json")).toBe(id);

    const list = JSON.parse(parsed.stdout) as { targets: { value: number | null }[] };
    const target = list.targets.find((t) => typeof t.value === "number")!;
    target.value = target.value! + 1;
    writeFileSync(join(dir, "changed.json"), JSON.stringify(list));
    expect(templateId(join(dir, "changed.json"), "changed")).not.toBe(id);
  }, 60_000);
});

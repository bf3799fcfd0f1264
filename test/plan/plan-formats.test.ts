import { execFile, spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { promisify } from "node:util";
import { basename, join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { parsePlan } from "../../src/core/plan/parse-plan";
import { toTaskListJson } from "../../src/core/plan/task-list-json";
import { decodePlanBytes } from "../../src/plan-file/decode-plan";
import { docxOfBlocks } from "../cli/make-docx";
import { run } from "../cli/run-cli";

/**
 * A plan published as PDF or as an old Word .doc gives the task list the same plan gives as .txt. Real plans of the
 * repository are printed to PDF by Chromium (A4, a CJK font, first lines indented, a running header and "— n —" page
 * numbers, so that lines really wrap and pages really break) and saved as .doc by LibreOffice, then parsed; tasks
 * (path, title), targets (task, indicator, operator, numbers, unit) and deadlines must all be the .txt's. Needs
 * Chromium (/usr/bin/chromium) and LibreOffice (soffice): without them this fails, it does not skip.
 */
const root = join(__dirname, "..", "..");
const PLANS = [
  "test/fixtures/corpus/a01-zhejiang-2023.txt",
  "test/fixtures/corpus/b05-hainanzhou-yigongti.txt",
  "seeds/000_64af8b8e620b9456.txt",
  "seeds/002_da7eb2e767899d25.txt",
].map((p) => join(root, p));
const dir = mkdtempSync(join(tmpdir(), "rk-plan-formats-"));
const cli = join(root, "bin", "report-kit.js");

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A plan's text as a printed page: a paragraph per line (first line indented), a "a | b" line as a table row. */
function planHtml(text: string, align: "left" | "justify"): string {
  const body = text
    .split(/\r?\n/)
    .map((line) =>
      line.includes(" | ")
        ? `<table><tr>${line
            .split(" | ")
            .map((c) => `<td>${escapeHtml(c)}</td>`)
            .join("")}</tr></table>`
        : `<p>${escapeHtml(line) || "&nbsp;"}</p>`,
    )
    .join("\n");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
    body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 16pt; line-height: 1.5; text-align: ${align}; }
    p { margin: 0; text-indent: 2em; }
    table { border-collapse: collapse; } td { border: 1px solid #000; padding: 2pt 6pt; vertical-align: top; }
  </style></head><body>${body}</body></html>`;
}

const HEADER = `<div style="font-size:9pt;width:100%;text-align:center;font-family:'Noto Sans CJK SC'">卫生健康工作要点</div>`;
const FOOTER = `<div style="font-size:10pt;width:100%;text-align:center;font-family:'Noto Sans CJK SC'">— <span class="pageNumber"></span> —</div>`;

async function printPdf(browser: Browser, html: string, out: string): Promise<string> {
  const page = await browser.newPage();
  await page.setContent(html);
  writeFileSync(
    out,
    await page.pdf({
      format: "A4",
      displayHeaderFooter: true,
      headerTemplate: HEADER,
      footerTemplate: FOOTER,
      margin: { top: "25mm", bottom: "25mm", left: "26mm", right: "26mm" },
    }),
  );
  await page.close();
  return out;
}

/** Saves each file as Word 97-2003 .doc with LibreOffice (one run for all), into `outDir`. */
async function saveAsDoc(files: readonly string[], outDir: string): Promise<void> {
  await promisify(execFile)(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/lo-profile`,
      "--headless",
      "--convert-to",
      "doc",
      "--outdir",
      outDir,
      ...files,
    ],
    { timeout: 180_000 },
  );
}

/** What the comparison looks at: tasks by path and title, targets with their numbers, unit and deadline. */
function taskList(text: string) {
  const json = toTaskListJson(parsePlan(text).taskList);
  return {
    tasks: json.tasks.map((t) => `${t.path.join("/")} ${t.title}`),
    targets: json.targets.map((t) =>
      [t.task, t.indicator, t.op, t.value, t.min, t.max, t.unit, t.deadline].join(" "),
    ),
  };
}

async function read(file: string): Promise<string> {
  const result = await decodePlanBytes(new Uint8Array(readFileSync(file)), basename(file));
  if (!result.ok) throw new Error(`${file}: ${result.findings.map((f) => f.message.en).join("; ")}`);
  return result.text;
}

let browser: Browser;
const pdfs: string[] = [];
const docs: string[] = [];
beforeAll(async () => {
  // A plan with a table, as .docx, and each plan's .txt, saved as .doc while Chromium prints the PDFs.
  writeFileSync(join(dir, "table-plan.docx"), TABLE_DOCX);
  mkdirSync(join(dir, "doc"));
  const saved = saveAsDoc([...PLANS, join(dir, "table-plan.docx")], join(dir, "doc"));
  for (const plan of PLANS) docs.push(join(dir, "doc", basename(plan).replace(/\.txt$/, ".doc")));
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  const printed = PLANS.map((plan, i) => {
    const html = planHtml(readFileSync(plan, "utf8"), i % 2 ? "justify" : "left");
    return printPdf(browser, html, join(dir, basename(plan).replace(/\.txt$/, ".pdf")));
  });
  pdfs.push(...(await Promise.all(printed)));
  await saved;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const TABLE_DOCX = docxOfBlocks([
  "2024年某区卫生健康工作要点",
  "一、主要指标",
  [
    ["序号", "指标名称", "目标值", "责任单位"],
    ["1", "孕产妇死亡率", "≤10/10万", "妇幼科"],
    ["2", "婴儿死亡率", "≤5‰", "妇幼科"],
  ],
  "二、重点任务",
  "1.提升基层服务能力。家庭医生签约服务覆盖率达到75%以上。",
]);

describe("a plan printed to PDF reads as its .txt", () => {
  it.each(PLANS.map((p, i) => [basename(p), i] as const))("%s", async (_, i) => {
    const txt = taskList(readFileSync(PLANS[i]!, "utf8"));
    expect(txt.tasks.length).toBeGreaterThan(0);
    expect(taskList(await read(pdfs[i]!))).toEqual(txt);
  });

  it("the PDFs really have wrapped lines, page breaks, headers and page numbers to undo", () => {
    const raw = spawnSync("pdftotext", ["-layout", pdfs[2]!, "-"], { encoding: "utf8" }).stdout;
    expect(raw).toMatch(/—\s*2\s*—/);
    expect(raw.match(/卫生健康工作要点/g)!.length).toBeGreaterThan(2);
  });
});

describe("a plan saved as Word 97-2003 .doc reads as its .txt", () => {
  it.each(PLANS.map((p, i) => [basename(p), i] as const))("%s", async (_, i) => {
    expect(taskList(await read(docs[i]!))).toEqual(taskList(readFileSync(PLANS[i]!, "utf8")));
  });

  it("a table in a .doc reads as the same table in the .docx: cell | cell rows", async () => {
    const fromDoc = await read(join(dir, "doc", "table-plan.doc"));
    const fromDocx = await read(join(dir, "table-plan.docx"));
    expect(fromDoc).toContain("1 | 孕产妇死亡率 | ≤10/10万 | 妇幼科");
    expect(fromDoc).toBe(fromDocx);
    expect(taskList(fromDoc)).toEqual(taskList(fromDocx));
  });

  it("is read by its content, not its name: a .docx named .doc, a .doc named .docx", async () => {
    copyFileSync(join(dir, "table-plan.docx"), join(dir, "renamed.doc"));
    copyFileSync(join(dir, "doc", "table-plan.doc"), join(dir, "renamed.docx"));
    const expected = await read(join(dir, "table-plan.docx"));
    expect(await read(join(dir, "renamed.doc"))).toBe(expected);
    expect(await read(join(dir, "renamed.docx"))).toBe(expected);
  });
});

describe("a damaged or hostile .doc", () => {
  /** The .doc with its directory's sector chain made to loop back (the allocation table's first sector edited). */
  function loopingChain(bytes: Uint8Array): Uint8Array {
    const b = Buffer.from(bytes);
    const directory = b.readInt32LE(48);
    const fat = 512 + b.readInt32LE(76) * 512;
    const other = directory === 0 ? 1 : 0;
    b.writeInt32LE(other, fat + directory * 4);
    b.writeInt32LE(directory, fat + other * 4);
    return new Uint8Array(b);
  }

  it("a sector chain that loops is a finding, read in bounded time (word-extractor alone would never end)", async () => {
    const bytes = loopingChain(new Uint8Array(readFileSync(docs[0]!)));
    const start = Date.now();
    const result = await decodePlanBytes(bytes, "loop.doc");
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(!result.ok && result.findings.map((f) => f.code)).toEqual(["plan.file_bad_doc"]);
  });

  it("a compound file cut short, or no Word document, is plan.file_bad_doc", async () => {
    const whole = new Uint8Array(readFileSync(docs[0]!));
    for (const bytes of [whole.subarray(0, 1024), whole.subarray(0, 600)]) {
      const result = await decodePlanBytes(bytes, "cut.doc");
      expect(!result.ok && result.findings.map((f) => f.code)).toEqual(["plan.file_bad_doc"]);
    }
  });
});

describe("a scanned plan", () => {
  it("a PDF of pictures only (no text layer) is a finding that says it is a scan", async () => {
    const page = await browser.newPage();
    await page.setContent(
      `<canvas id="c" width="800" height="400"></canvas><script>const x = document.getElementById("c").getContext("2d"); x.font = "40px 'Noto Sans CJK SC'"; x.fillText("一、重点任务 1.提升能力。覆盖率达到75%。", 10, 100);</script>`,
    );
    writeFileSync(join(dir, "scan.pdf"), await page.pdf({ format: "A4" }));
    await page.close();
    const result = await decodePlanBytes(new Uint8Array(readFileSync(join(dir, "scan.pdf"))), "scan.pdf");
    expect(!result.ok && result.findings.map((f) => [f.code, f.message.zh])).toEqual([
      ["plan.pdf_no_text", expect.stringContaining("扫描件")],
    ]);
  });
});

describe("through the built CLI", () => {
  const reportKit = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });

  // (The .txt's answers come from the CLI run in-process: one start of the built CLI each is slow enough.)
  it("report-kit parse plan.pdf --json prints the .txt's task list", async () => {
    const fromPdf = reportKit("parse", pdfs[2]!, "--json");
    const fromTxt = await run(["parse", PLANS[2]!, "--json"]);
    expect([fromPdf.status, fromPdf.stderr]).toEqual([0, ""]);
    expect(JSON.parse(fromPdf.stdout)).toEqual(JSON.parse(fromTxt.out));
  });

  it("report-kit template plan.doc writes the template the .txt makes", async () => {
    const fromDoc = reportKit("template", docs[2]!, "--period", "2024年上半年", "-o", join(dir, "tpl-doc"));
    await run(["template", PLANS[2]!, "--period", "2024年上半年", "-o", join(dir, "tpl-txt")]);
    expect([fromDoc.status, fromDoc.stderr]).toEqual([0, ""]);
    const spec = (d: string) => {
      const file = readdirSync(join(dir, d)).find((f) => f.endsWith(".spec.json"))!;
      return JSON.parse(readFileSync(join(dir, d, file), "utf8")) as { rows: unknown };
    };
    expect(spec("tpl-doc").rows).toEqual(spec("tpl-txt").rows);
  });

  it("a scanned PDF exits 1 with the message (in English with --lang en) and no stack trace", () => {
    const r = reportKit("--lang", "en", "parse", join(dir, "scan.pdf"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("is a scan or a picture");
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./run-cli";
import { docx, docxOfLines } from "./make-docx";

const dir = mkdtempSync(join(tmpdir(), "rk-parse-"));
const PLAN =
  "2024年某县卫生健康工作要点\r\n一、重点任务\r\n1.提升能力。家庭医生签约服务覆盖率达到75%。\r\n2.妇幼健康。孕产妇死亡率控制在10/10万以下。\r\n";

function write(name: string, data: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const body = Buffer.from(text, "utf16le");
  if (bigEndian) body.swap16();
  return Buffer.concat([bom ? Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : Buffer.alloc(0), body]);
}

/** GB18030 encoder for the test, built from the platform's decoder (Node has no GB18030 encoder). */
class TextEncoderGb18030 {
  private static table: Map<string, number[]> | null = null;
  encode(text: string): number[] {
    const table = TextEncoderGb18030.build();
    const out: number[] = [];
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) out.push(code);
      else {
        const bytes = table.get(ch);
        if (!bytes) throw new Error(`no GB18030 bytes for ${ch}`);
        out.push(...bytes);
      }
    }
    return out;
  }
  private static build(): Map<string, number[]> {
    if (this.table) return this.table;
    const decoder = new TextDecoder("gb18030");
    const table = new Map<string, number[]>();
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
      }
    }
    this.table = table;
    return table;
  }
}

describe("report-kit parse", () => {
  const expected = ["1 >= 75 %", "2 <= 10 /10万"];
  const targets = (out: string) =>
    (JSON.parse(out).targets as { task: string; op: string; value: number; unit: string }[]).map(
      (t) => `${t.task} ${t.op} ${t.value} ${t.unit}`,
    );

  it.each([
    ["UTF-8", Buffer.from(PLAN, "utf8")],
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN, "utf8")])],
    ["UTF-16 LE with BOM", utf16(PLAN, false, true)],
    ["UTF-16 BE with BOM", utf16(PLAN, true, true)],
    ["UTF-16 LE without BOM", utf16(PLAN, false, false)],
    ["GB18030", new Uint8Array(new TextEncoderGb18030().encode(PLAN))],
  ])("reads %s text", async (_name, bytes) => {
    const file = write(`plan-${_name.replace(/\W+/g, "-")}.txt`, bytes);
    const result = await run(["parse", file, "--json"], dir);
    expect(result.code).toBe(0);
    expect(targets(result.out)).toEqual(expected);
    expect(JSON.parse(result.out).title).toBe("2024年某县卫生健康工作要点");
  });

  it("reads a .docx with Word list numbering and a table", async () => {
    const file = write("plan.docx", docx());
    const result = await run(["parse", file, "--json"], dir);
    expect(result.code).toBe(0);
    const list = JSON.parse(result.out);
    expect(list.tasks.map((t: { path: string[] }) => t.path.join("/"))).toEqual(["一", "二/1"]);
    expect(list.tasks[1].responsible).toEqual(["医政科", "院感办"]);
    expect(targets(result.out)).toEqual(["1 >= 3 个", "2 >= 90 %", "2 >= 95 %"]);
  });

  it("prints a Chinese table with counts, or English with --lang en", async () => {
    const file = write("plan.txt", PLAN);
    const zh = await run(["parse", file], dir);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("1  一/1  提升能力");
    expect(zh.out).toContain("家庭医生签约服务覆盖率  ≥75%");
    expect(zh.out).toContain("共 2 项任务，2 个量化目标");
    const en = await run(["--lang", "en", "parse", file], dir);
    expect(en.out).toContain("2 tasks, 2 targets");
  });

  it("reads a plan copied without its paragraph breaks, warning on stderr and keeping stdout JSON", async () => {
    const file = write(
      "flat.txt",
      `${PLAN}二、保障措施\r\n（一）加强领导。\r\n（二）强化考核。`.replace(/\r\n/g, ""),
    );
    const result = await run(["parse", file, "--json"], dir);
    expect(result.code).toBe(0);
    expect(targets(result.out)).toEqual(expected);
    expect(JSON.parse(result.out).tasks.map((t: { path: string[] }) => t.path.join("/"))).toEqual([
      "一/1",
      "一/2",
      "二/(一)",
      "二/(二)",
    ]);
    expect(result.err).toContain("[警告] 第 1 行: 这份文本没有分段");
    expect((await run(["parse", write("plan-breaks.txt", PLAN), "--json"], dir)).err).toBe("");
  });

  it.each([
    ["missing.txt", null, "找不到文件"],
    ["empty.txt", "", "文件是空的"],
    ["broken.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj", "不是可读取的 PDF 文件"],
    [
      "broken.doc",
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
      "不是可读取的 Word 97-2003 文档",
    ],
    [
      "photo.txt",
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
      ]),
      "不是文本文件",
    ],
    ["broken.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), "不是可读取的 Word 文档"],
    ["notes.txt", "这只是一段说明文字，没有任何编号。", "没有找到编号条目"],
  ])("rejects %s with a Chinese message and exit 1, no stack trace", async (name, content, message) => {
    const file = content === null ? join(dir, name) : write(name, content);
    const result = await run(["parse", file], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it("exits 2 on bad usage", async () => {
    expect((await run(["parse"], dir)).code).toBe(2);
    expect((await run(["parse", "x.txt", "--bogus"], dir)).code).toBe(2);
  });
});

describe("the sample plans as .docx", () => {
  it.each(["000_64af8b8e620b9456", "002_da7eb2e767899d25"])(
    "%s reads the same from .docx as from .txt",
    async (name) => {
      const text = readFileSync(join(__dirname, "..", "..", "seeds", `${name}.txt`), "utf8");
      const fromTxt = await run(["parse", write(`${name}.txt`, text), "--json"], dir);
      const fromDocx = await run(
        ["parse", write(`${name}.docx`, docxOfLines(text.split("\n"))), "--json"],
        dir,
      );
      expect(fromDocx.code).toBe(0);
      const strip = (out: string) => {
        const list = JSON.parse(out);
        return {
          tasks: list.tasks,
          targets: list.targets.map((t: { text: string }) => ({ ...t, text: t.text.replace(/\s+/g, " ") })),
        };
      };
      expect(strip(fromDocx.out)).toEqual(strip(fromTxt.out));
    },
  );
});

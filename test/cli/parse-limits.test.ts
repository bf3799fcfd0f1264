import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { MAX_PLAN_BYTES } from "../../src/core/plan/plan-size";
import { MAX_DOCX_XML_BYTES } from "../../src/plan-file/decode-plan";
import { MAX_PLAN_FILE_BYTES } from "../../src/plan-file/read-plan-file";
import { run } from "./run-cli";

/**
 * Size limits, end to end through `report-kit parse`: a plan's text over MAX_PLAN_BYTES, a file too large to read, and
 * a .docx whose parts would unpack past their limit (checked in the zip's directory, and by unpacking with a limit,
 * before mammoth unpacks anything) are each refused with a message, exit 1 and no stack trace.
 */
const dir = mkdtempSync(join(tmpdir(), "rk-parse-limits-"));
const PLAN = "2024年某县卫生健康工作要点\n一、重点任务\n1.提升能力。家庭医生签约服务覆盖率达到75%。\n";

function write(name: string, data: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const PARAGRAPH = "<w:p><w:r><w:t>1.提升能力。家庭医生签约服务覆盖率达到75%。</w:t></w:r></w:p>";

/** A .docx whose document.xml holds `paragraphs` copies of one line. */
function docx(paragraphs: number): Uint8Array {
  const p = PARAGRAPH;
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      "word/document.xml": strToU8(
        `<?xml version="1.0"?><w:document ${NS}><w:body><w:p><w:r><w:t>2024年某县卫生健康工作要点</w:t></w:r></w:p><w:p><w:r><w:t>一、重点任务</w:t></w:r></w:p>${p.repeat(paragraphs)}</w:body></w:document>`,
      ),
    },
    { level: 9 },
  );
}

/** The same .docx with the unpacked size of word/document.xml in its directory set to `size` (a forged header). */
function declaring(bytes: Uint8Array, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const name = strToU8("word/document.xml");
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50 || view.getUint16(p + 28, true) !== name.length) continue;
    if (name.every((b, i) => out[p + 46 + i] === b)) {
      view.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error("no directory entry for word/document.xml");
}

async function refused(file: string, lang: "zh" | "en" = "zh") {
  const result = await run(lang === "en" ? ["--lang", "en", "parse", file] : ["parse", file], dir);
  expect(result.code).toBe(1);
  expect(result.out).toBe("");
  expect(result.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return result.err;
}

describe("report-kit parse refuses what is too large to read", () => {
  it("a plan just under the size limit is read", async () => {
    const file = write("long.txt", PLAN + " ".repeat(MAX_PLAN_BYTES - Buffer.byteLength(PLAN)));
    const result = await run(["parse", file, "--json"], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).targets).toHaveLength(1);
  });

  it("a plan's text over the limit is not parsed", async () => {
    const file = write(
      "too-long.txt",
      PLAN.repeat(Math.ceil((MAX_PLAN_BYTES + 1) / Buffer.byteLength(PLAN))),
    );
    expect(await refused(file)).toContain("计划文本过大（2 MB），上限为 2 MB，未读取");
    expect(await refused(file, "en")).toContain("The plan's text is too large (2 MB; the limit is 2 MB)");
  });

  it("a text file over twice the limit is refused before it is decoded", async () => {
    const file = write("huge.txt", "加强服务。".repeat(Math.ceil((2 * MAX_PLAN_BYTES + 5) / 15)));
    expect(await refused(file)).toContain("[错误] <dir>/huge.txt: 计划文本过大（4 MB），上限为 2 MB");
  });

  it("a file over the largest a plan file can be is not read at all", async () => {
    const file = write("enormous.docx", "");
    truncateSync(file, MAX_PLAN_FILE_BYTES + 1); // sparse: nothing written to disk
    expect(await refused(file)).toContain("计划文本过大（128 MB），上限为 128 MB");
  });

  it("a .docx whose text parts unpack past the limit is refused before it is unpacked", async () => {
    const paragraphs = Math.ceil(MAX_DOCX_XML_BYTES / Buffer.byteLength(PARAGRAPH)) + 1000;
    const file = write("big.docx", docx(paragraphs));
    const message = await refused(file);
    expect(message).toMatch(
      /“<dir>\/big\.docx”中的内容解压后过大（XML 1\d\.\d MB > 16 MB），为安全起见未解压读取/,
    );
    expect(await refused(file, "en")).toContain("would unpack to too much (XML");
  });

  it("a .docx that declares a part of gigabytes (a zip bomb) is refused by its directory", async () => {
    const file = write("bomb.docx", declaring(docx(10), 0xc0000000));
    expect(await refused(file)).toMatch(/解压后过大（word\/document\.xml：3072 MB）/);
    expect(await refused(file, "en")).toContain("too much (word/document.xml: 3072 MB)");
  });

  it("a .docx whose part unpacks past the size it declares is refused, not trusted", async () => {
    const file = write("forged.docx", declaring(docx(1000), 1000));
    // One language at a time: the detail is in the message's language.
    expect(await refused(file)).toMatch(/解压后过大（word\/document\.xml：超过声明大小）/);
    expect(await refused(file, "en")).toContain("(word/document.xml: expands past its declared size)");
  });
});

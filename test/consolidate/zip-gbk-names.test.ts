import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { entryName } from "../../src/xlsx/safe-zip/zip-directory";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec, zipOf } from "./fixtures";

/**
 * A zip made by Chinese Windows ("发送到 → 压缩文件夹") names its entries in GBK without the UTF-8 flag: the names are
 * read as the clerk wrote them, not as replacement characters.
 */
const dir = mkdtempSync(join(tmpdir(), "rk-gbk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The archive with every occurrence of an ASCII name's bytes replaced by other bytes of the same length. */
function renamed(zip: Uint8Array, from: string, to: Uint8Array): Uint8Array {
  const out = Uint8Array.from(zip);
  const pattern = new TextEncoder().encode(from);
  expect(pattern.length).toBe(to.length);
  let found = 0;
  for (let i = 0; i + pattern.length <= out.length; i++)
    if (pattern.every((b, k) => out[i + k] === b)) {
      out.set(to, i);
      found++;
    }
  expect(found).toBe(2); // the local header and the central directory
  return out;
}

describe("zip entry names", () => {
  it("reads GBK names without the UTF-8 flag, UTF-8 names with or without it", () => {
    const gbk = Uint8Array.of(0xbc, 0xd7, 0xcf, 0xd8); // 甲县
    expect(entryName(gbk, 0)).toBe("甲县");
    const utf8 = new TextEncoder().encode("甲县");
    expect(entryName(utf8, 0x800)).toBe("甲县");
    expect(entryName(utf8, 0)).toBe("甲县");
  });

  it("a return in a zip from Chinese Windows is named by its own name in the consolidation", async () => {
    const spec = fixtureSpec(["甲县", "乙县"]);
    const bytes = await filledReturn(spec, "甲县", 1, "2024-07-05");
    // "甲县.xlsx" in GBK is 9 bytes, like "abcd.xlsx".
    const gbkName = Uint8Array.of(0xbc, 0xd7, 0xcf, 0xd8, ...new TextEncoder().encode(".xlsx"));
    writeFileSync(join(dir, "returns.zip"), renamed(zipOf({ "abcd.xlsx": bytes }), "abcd.xlsx", gbkName));
    const r = await run(["consolidate", join(dir, "returns.zip"), "-o", join(dir, "汇总.xlsx"), "--json"]);
    const out = JSON.parse(r.out) as { returns: { file: string; unit: string | null }[] };
    expect(out.returns).toHaveLength(1);
    expect(out.returns[0]!.file).toMatch(/甲县\.xlsx$/);
    expect(out.returns[0]!.file).not.toContain("\uFFFD");
    expect(out.returns[0]!.unit).toBe("甲县");
  }, 60_000);
});

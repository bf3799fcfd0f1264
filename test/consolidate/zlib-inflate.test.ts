import { zipSync, strToU8 } from "fflate";
import { zlibInflate } from "../../src/cli/consolidate/zlib-inflate";
import { listZip, readZipEntry } from "../../src/xlsx/safe-zip/safe-unzip";

const text = "<sst>".padEnd(50_000, "不适用 95% ") + "</sst>";
const zip = zipSync({ "xl/sharedStrings.xml": strToU8(text) }, { level: 6 });
const listing = listZip(zip);
if (!listing.ok) throw new Error("fixture zip unreadable");
const entry = listing.entries[0]!;

describe("the zlib inflater injected into the return reader", () => {
  it("reads a part exactly as the default fflate inflater does", () => {
    const native = readZipEntry(zip, entry, undefined, zlibInflate);
    const fallback = readZipEntry(zip, entry);
    expect(native.ok && fallback.ok).toBe(true);
    if (!native.ok || !fallback.ok) return;
    expect(Buffer.from(native.data).equals(Buffer.from(fallback.data))).toBe(true);
    expect(new TextDecoder().decode(native.data)).toBe(text);
  });

  it("stops a part that expands past its declared size: a bomb, as with fflate", () => {
    const forged = { ...entry, size: 1000 };
    const native = readZipEntry(zip, forged, undefined, zlibInflate);
    expect(native).toEqual(readZipEntry(zip, forged));
    expect(native.ok ? null : native.problem.kind).toBe("bomb");
  });

  it("reports damaged data as corrupt, never throws", () => {
    const damaged = zip.slice();
    const start = entry.localHeaderOffset + 30 + entry.name.length;
    damaged.fill(0xff, start, start + 40);
    const native = readZipEntry(damaged, entry, undefined, zlibInflate);
    expect(native.ok ? null : native.problem.kind).toBe("corrupt");
  });

  it("returns null (too large) rather than a buffer past maxOutput", () => {
    const data = zip
      .subarray(entry.localHeaderOffset + 30 + entry.name.length)
      .subarray(0, entry.compressedSize);
    expect(zlibInflate(data, 10)).toBeNull();
    expect(zlibInflate(data, entry.size + 1)?.length).toBe(entry.size);
  });
});

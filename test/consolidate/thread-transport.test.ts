import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { ReturnSpill } from "../../src/cli/consolidate/return-spill";
import { packEntries, StringNumbering, unpackEntries } from "../../src/cli/consolidate/worker-entry";
import { zlibCompression, zlibPiece } from "../../src/cli/consolidate/zlib-compression";
import type { ReturnEntry } from "../../src/core/consolidate/types";
import { crc32Combine, portableCompression, StreamZip } from "../../src/xlsx/summary/stream-zip";
import { exposeGc } from "./gc";

const entry = (
  key: string,
  cell: string,
  value: ReturnEntry["value"],
  raw: ReturnEntry["raw"],
): ReturnEntry => ({
  key,
  task: key.slice(1, 2),
  indicator: key === "header" ? null : `指标${key}`,
  field: "value",
  kind: typeof value === "number" ? "number" : "text",
  value,
  raw,
  sheet: "填报表",
  cell,
});

describe("entries crossing the thread boundary", () => {
  const first = [entry("T1.1", "I8", 95, "95%"), entry("header", "C3", "张三", "张三")];
  const second = [entry("T1.1", "I8", 90, 90), entry("T2.1", "I9", "不适用", "不适用")];

  it("come back equal, strings numbered once per sender and sent only the first time", () => {
    const numbering = new StringNumbering();
    const known: string[] = [];
    const a = packEntries(first, numbering);
    const b = packEntries(second, numbering);
    expect(a.strings).toEqual(
      expect.arrayContaining(["T1.1", "填报表", "I8", "value", "number", "95%", "张三"]),
    );
    // Only what the first message did not carry: the new key, its task and indicator, its cell and its text.
    expect([...b.strings].sort()).toEqual(["2", "I9", "T2.1", "指标T2.1", "不适用"].sort());
    expect(unpackEntries(a, known)).toEqual(first);
    const back = unpackEntries(b, known);
    expect(back).toEqual(second);
    expect(back[0]!.sheet).toBe(known[a.ids[5]!]);
    // Text values travel as numbers too: a rate's formula, the same in every return, is sent and kept once.
    expect(b.values).toEqual([90, null]);
    expect(back[1]!.value).toBe(back[1]!.raw);
  });

  it("keep one number per string whatever position it comes back at", () => {
    const numbering = new StringNumbering();
    const known: string[] = [];
    const a = packEntries(second, numbering);
    // The same entries the other way round: each string is at a position where another was before.
    const swapped = [second[1]!, second[0]!];
    const b = packEntries(swapped, numbering);
    expect(b.strings).toEqual([]);
    expect(unpackEntries(a, known)).toEqual(second);
    expect(unpackEntries(b, known)).toEqual(swapped);
    expect(b.ids[0]).toBe(a.ids[9]);
  });

  it("keep a null indicator and values of every kind", () => {
    const odd = [{ ...entry("header", "C4", null, null), indicator: null }, entry("T3.1", "G9", 0, true)];
    expect(unpackEntries(packEntries(odd, new StringNumbering()), [])).toEqual(odd);
  });
});

describe("the summary zip compressed chunk by chunk with zlib", () => {
  it("joins the chunks into one valid deflate stream per entry, in order", () => {
    const parts: Uint8Array[] = [];
    const zip = new StreamZip((c) => parts.push(c.slice()), zlibCompression);
    const text = (i: number) => new TextEncoder().encode(`<row r="${i}">`.repeat(20_000 + i));
    // One buffer reused in turn as the writer of bulk rows does: the zip must be done with a chunk in time.
    const buffers = [new Uint8Array(1 << 20), new Uint8Array(1 << 20)];
    const expected: string[] = [];
    function* chunks() {
      for (let i = 0; i < 6; i++) {
        const bytes = text(i);
        const buf = buffers[i % 2]!;
        buf.set(bytes);
        expected.push(new TextDecoder().decode(bytes));
        yield buf.subarray(0, bytes.length);
      }
    }
    zip.add("xl/worksheets/sheet1.xml", chunks(), 1);
    zip.add("empty.xml", []);
    zip.end();
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const files = unzipSync(bytes);
    const sheet = files["xl/worksheets/sheet1.xml"]!;
    expect(new TextDecoder().decode(sheet)).toBe(expected.join(""));
    // The central directory's CRC-32 and size are those of the whole content.
    const view = new DataView(bytes.buffer);
    const central = Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(view.getUint32(central + 16, true)).toBe(crc32(sheet));
    expect(view.getUint32(central + 24, true)).toBe(sheet.length);
    expect(files["empty.xml"]).toEqual(new Uint8Array(0));
  });
});

describe("pieces compressed apart and joined", () => {
  const bytes = (n: number, seed: number) => {
    const out = new Uint8Array(n);
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      out[i] = i % 7 === 0 ? x >>> 24 : 60 + (i % 13);
    }
    return out;
  };

  it("combine their CRC-32s into the CRC-32 of the whole", () => {
    for (const [a, b] of [
      [0, 0],
      [1, 0],
      [0, 5],
      [1, 1],
      [3, 1000],
      [70_000, 12_345],
      [5, 1 << 20],
    ] as const) {
      const first = bytes(a, a + 1);
      const second = bytes(b, b + 7);
      const whole = new Uint8Array(a + b);
      whole.set(first);
      whole.set(second, a);
      expect(crc32Combine(crc32(first), crc32(second), b)).toBe(crc32(whole));
    }
  });

  it("make one valid entry in the order they are given, whenever each is done", async () => {
    const chunks = [bytes(100_000, 1), new Uint8Array(0), bytes(3, 2), bytes(250_000, 3)];
    const parts: Uint8Array[] = [];
    const zip = new StreamZip((c) => parts.push(c.slice()), portableCompression);
    // Pieces made out of order (the later ones first), at different levels, taken in order.
    const made = chunks.map(
      (c, i) =>
        new Promise<ReturnType<typeof zlibPiece>>((resolve) =>
          setTimeout(() => resolve(zlibPiece(c, 1 + (i % 2) * 5)), (chunks.length - i) * 5),
        ),
    );
    await zip.addPieces(
      "pieces.bin",
      (async function* () {
        for (const p of made) yield await p;
      })(),
    );
    // And the same content streamed through fflate, one buffer reused for every chunk.
    const reused = new Uint8Array(250_000);
    zip.add(
      "streamed.bin",
      (function* () {
        for (const c of chunks) {
          reused.set(c);
          yield reused.subarray(0, c.length);
        }
      })(),
    );
    zip.end();
    const joined = Buffer.concat(parts);
    const files = unzipSync(joined);
    const whole = Buffer.concat(chunks);
    expect(Buffer.from(files["pieces.bin"]!).equals(whole)).toBe(true);
    expect(Buffer.from(files["streamed.bin"]!).equals(whole)).toBe(true);
    // unzipSync does not check CRCs: the central directory's must be the content's.
    const central = joined.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    expect(joined.readUInt32LE(central + 16)).toBe(crc32(whole));
    expect(joined.readUInt32LE(central + 24)).toBe(whole.length);
  });
});

describe("entries kept on disk while consolidation waits", () => {
  it("read back as they were checked, return by return, as often as asked", () => {
    const numbering = new StringNumbering();
    const known: string[] = [];
    const spill = new ReturnSpill();
    const returns = [
      [entry("T1.1", "I8", 95, "95%"), entry("header", "C3", "张三", "张三"), entry("T1.2", "I9", 0, 0)],
      [
        entry("T1.1", "I8", 90.25, 90.25),
        entry("T2.1", "I10", null, true),
        entry("T2.2", "I11", -1e-7, false),
      ],
      [entry("T3.1", "I12", null, null), entry("T3.2", "I13", 1e15, "=I12*100")],
      [],
    ];
    try {
      const readers = returns.map((r) => spill.keep(packEntries(r, numbering), known));
      // Out of order, and one twice in a row (kept from the read before).
      for (const i of [2, 0, 3, 1, 1, 2]) expect(readers[i]!()).toEqual(returns[i]);
    } finally {
      spill.close();
    }
  });

  it("hold no copy of them in memory once written", async () => {
    const gc = exposeGc();
    // Buffers are freed by a sweeper after the collection: wait for it before reading the count.
    const collected = async () => {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
      return process.memoryUsage().arrayBuffers;
    };
    const numbering = new StringNumbering();
    const known: string[] = [];
    const spill = new ReturnSpill();
    // 2,000 entries are about 100 KB as written; two hundred returns of them, 21 MB.
    const big = Array.from({ length: 2000 }, (_, i) => entry(`T${i}.1`, `I${i + 8}`, i / 4, i / 4));
    try {
      const before = await collected();
      const readers = Array.from({ length: 200 }, () => spill.keep(packEntries(big, numbering), known));
      expect((await collected()) - before).toBeLessThan(5_000_000);
      expect(readers[57]!()).toEqual(big);
    } finally {
      spill.close();
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { gatherInputs, type InputItem } from "../../src/cli/consolidate/gather-inputs";
import {
  MimeSkeleton,
  OmittedParts,
  skeletonOf,
  type SkeletonLimits,
} from "../../src/xlsx/inputs/email/mime-skeleton";
import { readEmail } from "../../src/xlsx/inputs/email/read-email";
import { emailOf } from "./input-builders";

/**
 * The limits on what inputs unpack to (issue 21, item 2), with small limits so the fixtures stay small: the budget
 * of one input across its nesting, and the email skeleton that leaves out bodies too large to keep.
 */
const dir = mkdtempSync(join(tmpdir(), "rk-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const gather = async (paths: string[], limits = { maxBytes: 1e9, maxFiles: 1e9, maxDepth: 5 }) => {
  const items: InputItem[] = [];
  for await (const item of gatherInputs(paths, dir, limits)) items.push(item);
  return items;
};
const summary = (items: InputItem[]) => items.map((i) => [i.file, i.findings.map((f) => f.code).join()]);

describe("the budget of one input, across its nesting", () => {
  // Four zips of four zips of four files: 64 files, 84 things unpacked.
  const leaf = () => Object.fromEntries([1, 2, 3, 4].map((n) => [`${n}.xlsx`, strToU8(`${n}`.repeat(100))]));
  const middle = () => Object.fromEntries([1, 2, 3, 4].map((n) => [`m${n}.zip`, zipSync(leaf())]));
  beforeAll(() => {
    writeFileSync(
      join(dir, "a-nested.zip"),
      zipSync(Object.fromEntries([1, 2, 3, 4].map((n) => [`t${n}.zip`, zipSync(middle())]))),
    );
    writeFileSync(join(dir, "b-honest.zip"), zipSync({ "甲县.xlsx": strToU8("甲") }));
  });

  it("stops an input at its file limit with one finding where it stopped; the next input is read", async () => {
    const items = await gather(["a-nested.zip", "b-honest.zip"], {
      maxBytes: 1e9,
      maxFiles: 10,
      maxDepth: 5,
    });
    expect(summary(items)).toEqual([
      ["a-nested.zip › t1.zip › m1.zip › 1.xlsx", ""],
      ["a-nested.zip › t1.zip › m1.zip › 2.xlsx", ""],
      ["a-nested.zip › t1.zip › m1.zip › 3.xlsx", ""],
      ["a-nested.zip › t1.zip › m1.zip › 4.xlsx", ""],
      ["a-nested.zip › t1.zip › m2.zip › 1.xlsx", ""],
      ["a-nested.zip › t1.zip › m2.zip › 2.xlsx", ""],
      ["a-nested.zip › t1.zip › m2.zip › 3.xlsx", ""],
      ["a-nested.zip › t1.zip › m2.zip › 4.xlsx", "consolidate.unpack_limit"],
      ["b-honest.zip › 甲县.xlsx", ""],
    ]);
    const stop = items[7]!.findings[0]!;
    expect(stop.severity).toBe("error");
    expect(stop.message.zh).toContain("“a-nested.zip”");
  });

  it("stops an input at its byte limit, counted by declared sizes before inflating", async () => {
    const items = await gather(["a-nested.zip", "b-honest.zip"], {
      maxBytes: 3000,
      maxFiles: 1e9,
      maxDepth: 5,
    });
    const stopped = items.findIndex((i) => i.findings.length > 0);
    expect(items[stopped]!.findings.map((f) => f.code)).toEqual(["consolidate.unpack_limit"]);
    expect(items.slice(stopped + 1).map((i) => i.file)).toEqual(["b-honest.zip › 甲县.xlsx"]);
    expect(items.slice(0, stopped).every((i) => i.bytes !== null)).toBe(true);
  });

  it("reads everything within the limits", async () => {
    const items = await gather(["a-nested.zip"]);
    expect(items).toHaveLength(64);
    expect(items.every((i) => i.findings.length === 0 && i.bytes?.length === 100)).toBe(true);
  });
});

describe("the email skeleton", () => {
  const LIMITS: SkeletonLimits = { maxKept: 1000, maxSkeleton: 100_000, maxHeader: 4096, maxDepth: 8 };
  const mail = emailOf([
    { type: "application/zip", name: "大附件.zip", bytes: new Uint8Array(3000).fill(7) },
    { type: "application/vnd.ms-excel", name: "小.xls", bytes: new Uint8Array(300).fill(8) },
    {
      type: "application/octet-stream",
      name: "长行.bin",
      bytes: new Uint8Array(2000).fill(9),
      encoding: "8bit",
    },
  ]);

  it("leaves out bodies past the limit, names them, and keeps the rest as they were", async () => {
    const omitted = new OmittedParts("f00d");
    const skeleton = skeletonOf(mail, omitted, LIMITS);
    if (!skeleton.ok) throw new Error(skeleton.reason);
    expect(skeleton.bytes.length).toBeLessThan(3000);
    const read = await readEmail(skeleton.bytes, omitted);
    expect(read.ok && read.parts).toEqual([
      { kind: "omitted", name: "大附件.zip", size: expect.any(Number) },
      {
        kind: "file",
        name: "小.xls",
        mimeType: "application/vnd.ms-excel",
        bytes: new Uint8Array(300).fill(8),
      },
      { kind: "omitted", name: "长行.bin", size: expect.any(Number) },
    ]);
    expect(read.ok && read.parts[0]!.kind === "omitted" && read.parts[0]!.size).toBeGreaterThanOrEqual(3000);
  });

  it("builds the same skeleton from the bytes one at a time (lines and boundaries split across pieces)", () => {
    const whole = skeletonOf(mail, new OmittedParts("f00d"), LIMITS);
    const piecewise = new MimeSkeleton(new OmittedParts("f00d"), LIMITS);
    for (let i = 0; i < mail.length; i++) piecewise.push(mail.subarray(i, i + 1));
    expect(piecewise.end()).toEqual(whole);
  });

  it("takes an attachment that merely holds the token's words for what it is", async () => {
    const omitted = new OmittedParts("f00d");
    const fake = strToU8("report-kit omitted part 0 beef");
    const skeleton = skeletonOf(emailOf([{ type: "text/csv", name: "a.csv", bytes: fake }]), omitted, LIMITS);
    const read = skeleton.ok ? await readEmail(skeleton.bytes, omitted) : null;
    expect(read?.ok && read.parts.map((p) => p.kind)).toEqual(["file"]);
  });

  it("calls an email with endless headers unreadable", () => {
    const endless = strToU8(`Subject: ${"x".repeat(10_000)}\r\n\r\nbody`);
    expect(skeletonOf(endless, new OmittedParts("f00d"), LIMITS)).toMatchObject({ ok: false });
  });
});

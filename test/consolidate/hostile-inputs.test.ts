import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec } from "./fixtures";
import { emailOf, overlappingZip, tnefOf, zip64Of } from "./input-builders";

/**
 * Hostile and unusual inputs (issue 21, items 2–4), all in one run of the real command next to honest returns, each
 * return wrapped the odd way a unit or a mail system sends it. Every honest return must be in the summary; every
 * hostile input must be one named finding, read within bounds.
 */
const UNITS = ["甲县", "乙县", "丙县", "丁县", "戊县", "己县", "庚县", "辛县", "壬县"];
const dir = mkdtempSync(join(tmpdir(), "rk-hostile-"));
const input = join(dir, "in");

type Json = {
  returns: {
    file: string;
    unit: string | null;
    status: string;
    findings: { code: string; severity: string }[];
  }[];
  findings: { code: string; severity: string; file: string | null; message: string }[];
};
let json: Json;
let code: number;
let seconds: number;

/** An OLE compound file with the named streams (an .xls has Workbook; WPS .et files carry WpsContent). */
function compoundFile(...streams: string[]): Uint8Array {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  streams.forEach((name, s) => out.set(Buffer.from(name, "utf16le"), 1024 + s * 128));
  return out;
}

beforeAll(async () => {
  const spec = fixtureSpec(UNITS);
  const returns = new Map<string, Uint8Array>();
  for (const [i, unit] of UNITS.entries())
    returns.set(unit, await filledReturn(spec, unit, i + 1, "2024-07-05"));
  const r = (unit: string) => returns.get(unit)!;
  mkdirSync(input, { recursive: true });
  writeFileSync(join(dir, "units.csv"), `单位名称\n${UNITS.join("\n")}\n`);

  // Item 2: devices and pipes among the returns; a link to a regular file is read like the file.
  writeFileSync(join(dir, "甲县-原件.xlsx"), r("甲县"));
  symlinkSync(join(dir, "甲县-原件.xlsx"), join(input, "甲县.xlsx"));
  for (const name of ["zero.xlsx", "zero.zip", "zero.eml"]) symlinkSync("/dev/zero", join(input, name));
  expect(spawnSync("mkfifo", [join(input, "管道.xlsx")]).status).toBe(0);
  // Item 2: 16 directory entries naming one local entry, four deep: 65,536 workbooks from a few KB.
  let bomb = r("甲县");
  for (let level = 0; level < 4; level++) bomb = overlappingZip(bomb, 16, level === 0 ? ".xlsx" : ".zip");
  writeFileSync(join(input, "炸弹.zip"), bomb);
  // Archives nested past the depth limit (a zip quine never ends).
  let deep = zipSync({ "说明.txt": strToU8("最里层") });
  for (let level = 0; level < 6; level++) deep = zipSync({ [`第${level}层.zip`]: deep });
  writeFileSync(join(input, "套娃.zip"), deep);

  // Item 3: zip64 records, as `zip -fz` and some mail gateways write.
  writeFileSync(join(input, "zip64.zip"), zip64Of({ "乙县.xlsx": r("乙县"), "丙县.xlsx": r("丙县") }));

  // Item 4: a forwarded mail as an attachment, and one forwarded inline twice over.
  const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const fwd = emailOf([{ type: xlsx, name: "丁县.xlsx", bytes: r("丁县") }], "丁县报表", "rk-inner");
  const fwdTwice = emailOf(
    [
      {
        type: "message/rfc822",
        bytes: emailOf([{ type: xlsx, name: "戊县.xlsx", bytes: r("戊县") }], "戊县报表", "rk-innermost"),
        encoding: "8bit",
        disposition: null,
      },
    ],
    "Fwd: 戊县报表",
    "rk-middle",
  );
  writeFileSync(
    join(input, "转发.eml"),
    emailOf([
      { type: "message/rfc822", name: "丁县报表.eml", bytes: fwd, encoding: "8bit" },
      { type: "message/rfc822", bytes: fwdTwice, encoding: "8bit", disposition: null },
    ]),
  );
  // Item 4: an attachment without a name, winmail.dat, names ending in a space or a dot, .xls and .et.
  writeFileSync(
    join(input, "各种附件.eml"),
    emailOf([
      { type: "application/octet-stream", bytes: r("己县") },
      {
        type: "application/ms-tnef",
        name: "winmail.dat",
        bytes: tnefOf([{ name: "庚县.xlsx", bytes: r("庚县") }]),
      },
      { type: xlsx, name: "辛县.xlsx ", bytes: r("辛县") },
      { type: xlsx, name: "壬县.xlsx.", bytes: r("壬县") },
      { type: "application/vnd.ms-excel", name: "旧版.xls", bytes: compoundFile("Root Entry", "Workbook") },
      { type: "application/octet-stream", name: "金山.et", bytes: compoundFile("Root Entry", "WpsContent") },
    ]),
  );

  const started = Date.now();
  const result = await run([
    "consolidate",
    input,
    "-o",
    join(dir, "汇总.xlsx"),
    "--units",
    join(dir, "units.csv"),
    "--json",
  ]);
  seconds = (Date.now() - started) / 1000;
  code = result.code;
  json = JSON.parse(result.out) as Json;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const returnOf = (file: string) =>
  json.returns.find((r) => r.file === join(input, file) || r.file.endsWith(file));
const codesOf = (file: string) => returnOf(file)?.findings.map((f) => f.code);

describe("hostile and unusual inputs in one run", () => {
  it("puts every honest return in the summary, however it came", () => {
    const used = json.returns.filter((r) => r.status.startsWith("used")).map((r) => r.unit);
    expect([...used].sort()).toEqual([...UNITS].sort());
    expect(returnOf("甲县.xlsx")?.status).toMatch(/^used/); // a link to a regular file is read
    expect(code).toBe(1); // the hostile inputs are errors
  });

  it("refuses devices and pipes with a finding, without reading them", () => {
    for (const name of ["zero.xlsx", "zero.zip", "zero.eml"]) {
      expect(codesOf(name)).toEqual(["file.not_regular"]);
      expect(returnOf(name)?.findings[0]?.severity).toBe("error");
    }
    expect(codesOf("管道.xlsx")).toEqual(["file.not_regular"]);
    expect(json.findings.find((f) => f.file?.endsWith("zero.xlsx"))?.message).toContain("字符设备");
  });

  it("refuses overlapping zip entries at once: one finding, not 65,536 workbooks", () => {
    expect(codesOf("炸弹.zip")).toEqual(["file.zip_overlap"]);
    expect(json.returns.filter((r) => r.file.includes("炸弹.zip"))).toHaveLength(1);
    expect(seconds).toBeLessThan(30);
  });

  it("opens archives nested five deep and names the one past the limit", () => {
    const deep = json.returns.filter((r) => r.file.startsWith(join(input, "套娃.zip")));
    expect(deep).toHaveLength(1);
    expect(deep[0]!.file).toBe(
      join(input, "套娃.zip › 第5层.zip › 第4层.zip › 第3层.zip › 第2层.zip › 第1层.zip"),
    );
    expect(deep[0]!.findings.map((f) => f.code)).toEqual(["consolidate.nested_too_deep"]);
  });

  it("reads zip64 archives", () => {
    expect(returnOf("zip64.zip › 乙县.xlsx")?.status).toMatch(/^used/);
    expect(returnOf("zip64.zip › 丙县.xlsx")?.status).toMatch(/^used/);
  });

  it("follows forwarded mails, as attachments and inline, nested", () => {
    expect(returnOf("转发.eml › 丁县报表.eml › 丁县.xlsx")?.unit).toBe("丁县");
    expect(returnOf("转发.eml › #2.eml › #1.eml › 戊县.xlsx")?.unit).toBe("戊县");
  });

  it("accounts for every attachment: read, or a finding at warning level or above naming it", () => {
    const mail = json.returns.filter((r) => r.file.startsWith(join(input, "各种附件.eml")));
    const named = new Map(mail.map((r) => [r.file.slice(join(input, "各种附件.eml › ").length), r]));
    expect([...named.keys()].sort()).toEqual(
      ["#1", "winmail.dat › 庚县.xlsx", "辛县.xlsx ", "壬县.xlsx.", "旧版.xls", "金山.et"].sort(),
    );
    expect(named.get("#1")?.unit).toBe("己县");
    expect(named.get("winmail.dat › 庚县.xlsx")?.unit).toBe("庚县");
    expect(named.get("辛县.xlsx ")?.unit).toBe("辛县");
    expect(named.get("壬县.xlsx.")?.unit).toBe("壬县");
    // (Compound files with only the stream names of an .xls and an .et: read as such, and damaged.)
    expect(codesOf("各种附件.eml › 旧版.xls")).toEqual(["file.corrupt_workbook"]);
    expect(codesOf("各种附件.eml › 金山.et")).toEqual(["file.corrupt_workbook"]);
    const notes = json.findings.filter((f) => f.file?.includes(".eml") && f.severity === "info");
    expect(notes).toEqual([]);
  });
});

describe("check", () => {
  it("refuses a link to /dev/zero with a finding, without reading it (exit 1)", async () => {
    symlinkSync("/dev/zero", join(dir, "check-zero.xlsx"));
    const r = await run(["check", join(dir, "check-zero.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { findings: { code: string; message: string }[] };
    expect(json.findings.map((f) => f.code)).toEqual(["file.not_regular"]);
  });
});

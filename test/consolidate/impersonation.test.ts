import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TemplateSpec } from "../../src/core/template/spec";
import { run } from "../cli/run-cli";
import { filledReturn, fixtureSpec } from "./fixtures";

/**
 * Issue 21, item 9: a unit that writes another unit's name in both the 填报单位 cell and the stored identity is taken
 * at its word (nothing in a file proves who made it), but what can be seen is flagged: 乙县 sends 丙县's return
 * under its own file name, and 丙县's own comes too (two different files for 丙县); 丁县 mails a return for 戊县
 * from its own address with its own name in the subject. The honest returns (甲县, 乙县's own by email, 丙县's own)
 * are summed as ever.
 */
const UNITS = ["甲县", "乙县", "丙县", "丁县", "戊县"];
const dir = mkdtempSync(join(tmpdir(), "rk-impersonation-"));
const input = join(dir, "in");
let spec: TemplateSpec;

/** An RFC 822 email with one attachment, from `from`, about `subject`. */
function mail(from: string, subject: string, name: string, bytes: Uint8Array): string {
  const b64 = (s: string | Uint8Array) => Buffer.from(s).toString("base64");
  return [
    `From: =?UTF-8?B?${b64(from.replace(/ <.*$/, ""))}?= ${/<.*>$/.exec(from)?.[0] ?? ""}`,
    "To: report@example.cn",
    `Subject: =?UTF-8?B?${b64(subject)}?=`,
    "Date: Mon, 08 Jul 2024 10:00:00 +0800",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="b1"',
    "",
    "--b1",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "附件为报表。",
    "--b1",
    `Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="=?UTF-8?B?${b64(name)}?="`,
    "Content-Transfer-Encoding: base64",
    `Content-Disposition: attachment; filename="=?UTF-8?B?${b64(name)}?="`,
    "",
    b64(bytes).replace(/.{76}/g, "$&\r\n"),
    "--b1--",
    "",
  ].join("\r\n");
}

type Json = {
  returns: {
    file: string;
    unit: string | null;
    status: string;
    findings: { code: string; message: string }[];
  }[];
  findings: { code: string; severity: string; file: string | null; message: string }[];
};
let json: Json;
let code: number;

beforeAll(async () => {
  spec = fixtureSpec(UNITS);
  mkdirSync(join(input, "mail"), { recursive: true });
  writeFileSync(join(dir, "units.csv"), `单位名称\n${UNITS.join("\n")}\n`);
  writeFileSync(join(input, "甲县.xlsx"), await filledReturn(spec, "甲县", 1, "2024-07-05"));
  // 乙县 makes a return for 丙县 (丙县's copy: the cell and the identity both say 丙县) under its own file name…
  writeFileSync(join(input, "乙县.xlsx"), await filledReturn(spec, "丙县", 2, "2024-07-05"));
  // …and 丙县's own comes too, filled later.
  writeFileSync(join(input, "丙县.xlsx"), await filledReturn(spec, "丙县", 3, "2024-07-08"));
  const yi = await filledReturn(spec, "乙县", 4, "2024-07-06");
  writeFileSync(
    join(input, "mail", "乙县.eml"),
    mail("乙县卫健局 <yixian@example.cn>", "乙县报表", "乙县.xlsx", yi),
  );
  const wu = await filledReturn(spec, "戊县", 5, "2024-07-06");
  writeFileSync(
    join(input, "mail", "丁县.eml"),
    mail("丁县卫健局 <dingxian@example.cn>", "丁县2024年上半年报表", "报表.xlsx", wu),
  );
  const r = await run([
    "consolidate",
    input,
    "-o",
    join(dir, "out", "汇总.xlsx"),
    "--units",
    join(dir, "units.csv"),
    "--json",
  ]);
  code = r.code;
  json = JSON.parse(r.out) as Json;
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const returnOf = (name: string) => json.returns.find((x) => x.file.endsWith(name))!;
const codesOf = (name: string) =>
  returnOf(name)
    .findings.map((f) => f.code)
    .filter((c) => /name_other|several/.test(c));

describe("a return whose source names another unit than it claims", () => {
  it("is a warning when its file name names another unit of the list", () => {
    expect(codesOf("in/乙县.xlsx")).toEqual(["consolidate.name_other_unit"]);
    const message = returnOf("in/乙县.xlsx").findings.find(
      (f) => f.code === "consolidate.name_other_unit",
    )!.message;
    expect(message).toBe(
      "文件名“乙县”指向单位“乙县”，而报表填的是“丙县”。报表中的单位可以随意改写，请向两个单位核实这份报表是谁报的",
    );
  });

  it("is a warning each when its email's sender and subject name another unit", () => {
    const messages = returnOf("丁县.eml › 报表.xlsx").findings.filter(
      (f) => f.code === "consolidate.name_other_unit",
    );
    expect(messages.map((f) => f.message)).toEqual([
      expect.stringContaining(
        "邮件发件人“丁县卫健局 <dingxian@example.cn>”指向单位“丁县”，而报表填的是“戊县”",
      ),
      expect.stringContaining("邮件主题“丁县2024年上半年报表”指向单位“丁县”，而报表填的是“戊县”"),
    ]);
  });

  it("is a warning on the return kept when a unit's return came as different files", () => {
    expect(returnOf("in/丙县.xlsx").status).toBe("used");
    expect(returnOf("in/乙县.xlsx").status).toBe("superseded");
    expect(codesOf("in/丙县.xlsx")).toEqual(["consolidate.several_sources"]);
    const several = returnOf("in/丙县.xlsx").findings.find((f) => f.code === "consolidate.several_sources")!;
    expect(several.message).toContain("单位“丙县”的报表收到 2 份内容不同的文件");
  });

  it("says nothing of honest returns, sums them, and the run ends with warnings only (exit 0)", () => {
    expect(codesOf("甲县.xlsx")).toEqual([]);
    expect(codesOf("乙县.eml › 乙县.xlsx")).toEqual([]);
    for (const name of ["甲县.xlsx", "乙县.eml › 乙县.xlsx", "in/丙县.xlsx"])
      expect(returnOf(name).status).toBe("used");
    expect(
      json.findings.filter((f) => /name_other|several/.test(f.code)).every((f) => f.severity === "warning"),
    ).toBe(true);
    expect(code).toBe(0);
  });
});

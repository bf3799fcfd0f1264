// Demo data: simulated returns of ten units for one template, messy the way real ones are. Bundled and run by
// scripts/demo.mjs; it writes files only, the journey itself goes through the real CLI.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import type { TemplateSpec } from "../../src/core/template/spec";
import { fillReturn, plausibleFills, type Fill } from "../../test/consolidate/fill-return";

export interface Simulated {
  /** What each file is, in Chinese, for the printed account. */
  readonly story: readonly string[];
}

const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const copyOf = (dir: string, unit: string): Uint8Array => {
  const name = readdirSync(dir).find((f) => f.endsWith(`-${unit}.xlsx`));
  if (!name) throw new Error(`no copy for ${unit} in ${dir}`);
  return new Uint8Array(readFileSync(join(dir, name)));
};

/** A minimal saved email (.eml) with one workbook attached. */
function email(from: string, name: string, bytes: Uint8Array): string {
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  return [
    `From: =?UTF-8?B?${b64(from)}?= <office@example.cn>`,
    "To: report@example.cn",
    `Subject: =?UTF-8?B?${b64(`${from}报表`)}?=`,
    "Date: Mon, 08 Jul 2024 10:00:00 +0800",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="rk"',
    "",
    "--rk",
    "Content-Type: text/plain; charset=utf-8",
    "",
    "附件为我单位报表，请查收。",
    "--rk",
    `Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name="=?UTF-8?B?${b64(name)}?="`,
    "Content-Transfer-Encoding: base64",
    `Content-Disposition: attachment; filename="=?UTF-8?B?${b64(name)}?="`,
    "",
    Buffer.from(bytes).toString("base64").replace(/.{76}/g, "$&\r\n"),
    "--rk--",
    "",
  ].join("\r\n");
}

/**
 * Writes the returns of `units` (ten, from seeds/units.csv) into `out`: most filled normally; one with numbers typed
 * as text; one sent twice (the earlier copy is superseded); one with a row inserted by the clerk; one late; two
 * zipped together by their county, one sent as a saved email; the last unit never answers; plus a broken file and a
 * note that is not a return.
 */
export async function simulateReturns(
  spec: TemplateSpec,
  templates: string,
  units: readonly string[],
  out: string,
): Promise<Simulated> {
  mkdirSync(out, { recursive: true });
  const year = spec.period.start.slice(0, 4);
  const on = (day: string) => date(`${year}-07-${day}`);
  const fill = (
    unit: string,
    seed: number,
    day: string,
    extra: Fill[] = [],
    options: { attain?: boolean; insertRowAfter?: string; insertedValue?: number } = {},
  ) => {
    const fills = [...plausibleFills(spec, seed, { filledOn: on(day) }, options.attain), ...extra];
    return fillReturn(copyOf(templates, unit), spec, fills, options);
  };
  const target = (measure: string) =>
    spec.rows.find((r) => r.kind === "target" && r.measure === measure)?.key;
  const count = target("count") ?? target("amount") ?? spec.rows.find((r) => r.kind === "target")?.key;
  const story: string[] = [];
  const put = (name: string, bytes: Uint8Array | string, what: string) => {
    writeFileSync(join(out, name), bytes);
    story.push(`${name}：${what}`);
  };
  const [u1, u2, u3, u4, u5, u6, u7, u8, u9, u10] = units;
  put(`${u1}.xlsx`, await fill(u1!, 1, "05", [], { attain: true }), "正常填报");
  const asText: Fill[] = count ? [{ key: count, field: "value", value: "１２" }] : [];
  put(`${u2}.xlsx`, await fill(u2!, 2, "05", asText), "数字以文本形式填写（全角“１２”）");
  put(`${u3}-第一版.xlsx`, await fill(u3!, 3, "03"), "重复报送：较早的一版");
  put(`${u3}-更正版.xlsx`, await fill(u3!, 4, "08"), "重复报送：更正后的一版（填报日期更晚）");
  put(
    `${u4}.xlsx`,
    await fill(u4!, 5, "06", [], { insertRowAfter: count, insertedValue: 5 }),
    "填报人插入了一行",
  );
  put(`${u5}.xlsx`, await fill(u5!, 6, "18"), "迟报（填报日期晚于截止日期）");
  const zipped = zipSync({
    [`${u6}.xlsx`]: await fill(u6!, 7, "06"),
    [`${u7}.xlsx`]: await fill(u7!, 8, "07"),
  });
  put("县区打包.zip", zipped, `压缩包，内含 ${u6}、${u7} 的报表`);
  put(`${u8}的邮件.eml`, email(u8!, `${u8}.xlsx`, await fill(u8!, 9, "07")), "保存下来的邮件，报表在附件里");
  put(`${u9}.xlsx`, await fill(u9!, 10, "04"), "正常填报");
  const broken = await fill(u9!, 11, "04");
  put("某单位报表（传输中断）.xlsx", broken.subarray(0, broken.length >> 1), "损坏的文件（只传了一半）");
  put("报送说明.txt", "各单位请于7月10日前报送。", "不是报表的文件");
  story.push(`${u10}：未报送`);
  return { story };
}

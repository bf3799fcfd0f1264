// Demo data: the next period's returns (全年) of the units whose 上半年 returns simulate-returns.ts wrote, with the
// changes a commission wants caught: a cumulative count that falls, a denominator that halves, a rate that jumps (once
// explained in the note); one unit stops reporting and the one that never answered reports. Files only: the journey
// goes through the real CLI.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PreviousFigures, TargetRow, TemplateSpec } from "../../src/core/template/spec";
import { readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import { fillReturn, plausibleFills, type Fill } from "../../test/consolidate/fill-return";

const copyOf = (dir: string, unit: string): Uint8Array => {
  const name = readdirSync(dir).find((f) => f.endsWith(`-${unit}.xlsx`));
  if (!name) throw new Error(`no copy for ${unit} in ${dir}`);
  return new Uint8Array(readFileSync(join(dir, name)));
};

/** The unit's own 上半年 figures, as its copy carries them (made with `template --previous`). */
async function previousOf(copy: Uint8Array, unit: string): Promise<PreviousFigures> {
  const read = await readTemplateIdentity(copy, unit);
  return read.ok ? (read.identity.previous ?? {}) : {};
}

/**
 * Writes the next period's returns into `out`: `spec` is the next period's, `templates` its copies (made with
 * `template --previous`, so each carries its unit's figures then). Returns what each file is, in Chinese.
 */
export async function simulateNextPeriod(
  spec: TemplateSpec,
  templates: string,
  units: readonly string[],
  out: string,
): Promise<{ readonly story: readonly string[] }> {
  mkdirSync(out, { recursive: true });
  const targets = spec.rows.filter((r): r is TargetRow => r.kind === "target");
  const cumulative = targets.find(
    (r) => (r.measure === "count" || r.measure === "amount") && r.target.method === "sum",
  );
  const rate = targets.find((r) => r.measure === "rate");
  const filledOn = new Date(`${spec.period.end.slice(0, 4)}-12-28T00:00:00Z`);
  const story: string[] = [];
  for (const [i, unit] of units.slice(0, 8).entries()) {
    const copy = copyOf(templates, unit);
    const before = await previousOf(copy, unit);
    // Counts and amounts summed over the year do not fall from 上半年 to 全年; rates stay where they were.
    const fills: Fill[] = [...plausibleFills(spec, i + 100, { filledOn })];
    for (const row of targets) {
      const then = before[row.key];
      if (!then) continue;
      if (row.measure === "rate" && then.numerator !== undefined && then.denominator !== undefined)
        fills.push(
          { key: row.key, field: "numerator", value: then.numerator },
          { key: row.key, field: "denominator", value: then.denominator },
        );
      else if (row.measure !== "rate" && row.target.method === "sum")
        // The area's count doubles over the year; a unit's own 3-5次 stays within its target.
        fills.push({
          key: row.key,
          field: "value",
          value: row.target.scope === "total" ? then.value * 2 : then.value,
        });
    }
    let what = "正常填报（累计数随时间增长，比率与上半年相当）";
    const then = (row: TargetRow | undefined) => (row ? before[row.key] : undefined);
    const count = then(cumulative);
    if (i === 0 && cumulative && count) {
      fills.push({ key: cumulative.key, field: "value", value: Math.max(0, count.value - 1) });
      what = `“${cumulative.target.indicator}”全年填 ${Math.max(0, count.value - 1)}，比上半年的 ${count.value} 还少（累计数减少）`;
    }
    const share = then(rate);
    if (i === 1 && rate && share?.denominator) {
      fills.push(
        { key: rate.key, field: "numerator", value: Math.round((share.numerator ?? 0) / 2) },
        { key: rate.key, field: "denominator", value: Math.round(share.denominator / 2) },
      );
      what = `“${rate.target.indicator}”的分母从 ${share.denominator} 减到 ${Math.round(share.denominator / 2)}（少了一半）`;
    }
    if (i === 2 && rate && share?.denominator) {
      // 30 points up, or down where it was above half (a rate cannot pass 100%).
      const step = Math.round(share.denominator * 0.3);
      const was = share.numerator ?? 0;
      const num = was > share.denominator / 2 ? was - step : was + step;
      fills.push(
        { key: rate.key, field: "numerator", value: num },
        { key: rate.key, field: "note", value: "统计口径调整：下半年起只统计在岗的公共卫生首席专家" },
      );
      what = `“${rate.target.indicator}”比上半年变化约 30 个百分点，并在完成情况说明中写明了原因`;
    }
    writeFileSync(join(out, `${unit}.xlsx`), await fillReturn(copy, spec, fills));
    story.push(`${unit}.xlsx：${what}`);
  }
  const late = units[9]!;
  writeFileSync(
    join(out, `${late}.xlsx`),
    await fillReturn(copyOf(templates, late), spec, plausibleFills(spec, 99, { filledOn })),
  );
  story.push(`${late}.xlsx：上半年未报，全年报送（没有上期值）`);
  story.push(`${units[8]}：上半年报送了，全年未报`);
  return { story };
}

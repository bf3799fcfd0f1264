// Returns checked per second: a 150-row return (50 tasks, each a % rate and a count), filled with exceljs, read
// with the return reader (fflate + regex scan of only the needed parts) and checked by the pure engine, 1,000
// times; against loading the same file with exceljs alone (what a straightforward reader would do). CPU time per
// file is printed too: on a shared machine it is steadier than wall time.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadSources } from "../load-sources.mjs";

const require = createRequire(import.meta.url);
const { buildTemplateSpec, renderTemplate, readReturn, checkReturn, withMeaning } = loadSources(
  "bench-check",
  [
    "src/core/template/build-spec.ts",
    "src/core/plan/target-meaning.ts",
    "src/xlsx/template/render-template.ts",
    "src/xlsx/return/read-return.ts",
    "src/core/check/check-return.ts",
  ],
);
const ExcelJS = require("exceljs");

const tasks = Array.from({ length: 50 }, (_, i) => ({
  id: String(i + 1),
  path: ["一", String(i + 1)],
  title: `第${i + 1}项重点工作：持续提升医疗服务质量和群众就医满意度`,
  responsible: ["医政医管科"],
  line: i + 1,
}));
const base = (t, indicator, unitOfMeasure) => ({
  task: t.id,
  text: "",
  indicator,
  unitOfMeasure,
  deadline: null,
});
// Each target gets its scope and roll-up as the parser gives them.
const targets = tasks.flatMap((t, i) => [
  withMeaning({ ...base(t, `指标${i}甲覆盖率`, "%"), op: ">=", value: 90 }),
  withMeaning({ ...base(t, `指标${i}乙机构数`, "家"), op: "between", min: 3, max: 5 }),
]);
const built = buildTemplateSpec(
  { title: "2024年卫生健康工作要点", year: 2024, tasks, targets },
  { period: "2024年上半年", units: ["东湖区卫健委"] },
);
if (!built.ok) throw new Error("spec");
const spec = built.spec;
const L = spec.layout;

const wb = new ExcelJS.Workbook();
await wb.xlsx.load(Buffer.from(await renderTemplate(spec, "东湖区卫健委")));
const ws = wb.getWorksheet(L.entrySheet);
ws.getCell(L.headerCells.reporter).value = "张三";
ws.getCell(L.headerCells.phone).value = "13812345678";
ws.getCell(L.headerCells.filledOn).value = "2024-07-05";
spec.rows.forEach((r, i) => {
  const n = L.firstDataRow + i;
  if (r.kind === "task") {
    ws.getCell(`${L.columns.status}${n}`).value = "按计划推进";
    ws.getCell(`${L.columns.note}${n}`).value = "按计划推进各项工作，完成阶段目标";
  } else if (r.measure === "rate") {
    ws.getCell(`${L.columns.numerator}${n}`).value = 93 + (i % 5);
    ws.getCell(`${L.columns.denominator}${n}`).value = 100;
  } else ws.getCell(`${L.columns.value}${n}`).value = i % 2 ? "4" : 3;
});
const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
if (process.env.RK_SAVE) writeFileSync(process.env.RK_SAVE, bytes);
console.log(`return: ${spec.rows.length} rows, ${(bytes.length / 1024).toFixed(1)} KB`);

function time(label, n, fn) {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const rss = process.memoryUsage().rss;
  console.log(
    `${label}: ${n} files in ${(ms / 1000).toFixed(2)} s = ${((n * 1000) / ms).toFixed(0)} files/s on one core ` +
      `(${(ms / n).toFixed(2)} ms/file wall, ${(cpuMs / n).toFixed(2)} ms/file CPU), ` +
      `rss ${(before / 2 ** 20).toFixed(0)} → ${(rss / 2 ** 20).toFixed(0)} MB`,
  );
  return (n * 1000) / ms;
}

let findings = 0;
time("read only (warm-up)", 50, () => readReturn(bytes, "x.xlsx"));
const fast = time("read + check", 1000, (i) => {
  const read = readReturn(bytes, `${i}.xlsx`);
  if (!read.ok) throw new Error("unreadable");
  findings += checkReturn(read.unitReturn, null, { today: "2024-07-10" }).findings.length;
});
console.log(`findings per return: ${findings / 1000} (info notes for the counts typed as text)`);

let sheets = 0;
const startFull = performance.now();
for (let i = 0; i < 30; i++) {
  const full = new ExcelJS.Workbook();
  await full.xlsx.load(Buffer.from(bytes));
  sheets += full.worksheets.length;
}
const slow = (30 * 1000) / (performance.now() - startFull);
console.log(`exceljs full load only: ${slow.toFixed(1)} files/s (30 files, ${sheets / 30} sheets each)`);
console.log(`read + check is ${(fast / slow).toFixed(0)}× the exceljs load alone`);

// Personalised copies per second: a 150-row template (50 tasks with 2 targets each, rates and counts), 1,000 copies
// written with the copy writer (render once, patch the unit per copy), against rendering each copy with exceljs.
import { loadSources } from "../load-sources.mjs";

const { buildTemplateSpec, makeCopyWriter, nodeSyncFlush, renderTemplate, withMeaning } = loadSources(
  "bench-template",
  [
    "src/core/template/build-spec.ts",
    "src/core/plan/target-meaning.ts",
    "src/xlsx/template/copy-writer.ts",
    "src/cli/template/sync-flush.ts",
    "src/xlsx/template/render-template.ts",
  ],
);

const tasks = Array.from({ length: 50 }, (_, i) => ({
  id: String(i + 1),
  path: ["一", String(i + 1)],
  title: `第${i + 1}项重点工作：持续提升医疗服务质量和群众就医满意度`,
  responsible: ["医政医管科"],
  line: i + 1,
}));
// Each target gets its scope and roll-up as the parser gives them.
const targets = tasks.flatMap((t, i) => [
  withMeaning({
    task: t.id,
    text: "",
    indicator: `指标${i}甲覆盖率`,
    unitOfMeasure: "%",
    deadline: null,
    op: ">=",
    value: 90,
  }),
  withMeaning({
    task: t.id,
    text: "",
    indicator: `指标${i}乙机构数`,
    unitOfMeasure: "家",
    deadline: null,
    op: "between",
    min: 3,
    max: 5,
  }),
]);
const units = Array.from({ length: 1000 }, (_, i) => `第${i + 1}人民医院`);
const built = buildTemplateSpec(
  { title: "2024年卫生健康工作要点", year: 2024, tasks, targets },
  { period: "2024年上半年", units },
);
if (!built.ok) throw new Error(JSON.stringify(built.findings));
const spec = built.spec;

let t0 = performance.now();
const write = await makeCopyWriter(spec, nodeSyncFlush);
const setup = performance.now() - t0;
t0 = performance.now();
let bytes = 0;
for (const unit of spec.units) bytes += write(unit).length;
const fast = performance.now() - t0;
console.log(
  `${spec.rows.length}-row template, ${spec.units.length} personalised copies: ${((spec.units.length / fast) * 1000).toFixed(0)} copies/s ` +
    `(${fast.toFixed(0)} ms, ${(bytes / spec.units.length / 1024).toFixed(0)} KB each; one-off render ${setup.toFixed(0)} ms)`,
);

const n = 20;
const plain = await makeCopyWriter(spec);
t0 = performance.now();
for (const unit of spec.units.slice(0, 200)) plain(unit);
const browser = performance.now() - t0;
console.log(
  `without a sync flush (the browser's way: the unit's strings in a stored block): ${((200 / browser) * 1000).toFixed(0)} copies/s (200 copies)`,
);
t0 = performance.now();
for (const unit of spec.units.slice(0, n)) await renderTemplate(spec, unit);
const slow = performance.now() - t0;
console.log(
  `rendering each copy with exceljs instead: ${((n / slow) * 1000).toFixed(1)} copies/s (${n} copies, ${slow.toFixed(0)} ms)`,
);

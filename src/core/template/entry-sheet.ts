import { assertNever } from "../errors";
import { absoluteRef, columnNumber } from "./a1";
import {
  dateValidation,
  denominatorValidation,
  listValidation,
  numeratorValidation,
  textValidation,
  valueValidation,
  weightValidation,
} from "./entry-validation";
import { unitOfMeasureLabel } from "./measure";
import { isRate, weightOf } from "./row-fields";
import {
  ATTAINMENT_STYLES,
  estimateRowHeight,
  type ModelCell,
  type ModelDataValidation,
  type SheetModel,
} from "./sheet-model";
import {
  NOT_APPLICABLE,
  RATE_MULTIPLIER,
  STATUSES,
  type TargetRow,
  type TaskRow,
  type TemplateSpec,
} from "./spec";

const NA = NOT_APPLICABLE[0];

/** What 是否达标 says of a unit's figure on a `total` target. */
export const CONTRIBUTION = "计入合计";

/** Column headings of the entry sheet, by column letter. */
const HEADINGS: Readonly<Record<string, string>> = {
  A: "行标识",
  B: "序号",
  C: "工作任务",
  D: "指标",
  E: "目标",
  F: "计量单位",
  G: "分子",
  H: "分母",
  I: "完成值",
  J: "是否达标",
  K: "进展情况",
  L: "完成情况说明",
  M: "存在问题",
};
const WIDTHS = [8, 7, 36, 22, 12, 8, 10, 10, 10, 9, 12, 30, 24];

/**
 * Where the lists sheet keeps the 进展情况 choices (column A) and the unit list (column B).
 * @example listRanges(spec).statuses // → "'_rk_lists'!$A$1:$A$4"
 */
export function listRanges(spec: TemplateSpec): { statuses: string; units: string | null } {
  const sheet = spec.layout.listsSheet;
  return {
    statuses: absoluteRef(sheet, `A1:A${STATUSES.length}`),
    units: spec.units.length ? absoluteRef(sheet, `B1:B${spec.units.length}`) : null,
  };
}

/** Cells and validations being collected for one sheet. */
interface Sink {
  readonly cells: ModelCell[];
  readonly validations: ModelDataValidation[];
}

/**
 * The entry sheet (填报表): header block, one row per task and per target, inputs unlocked and validated, live
 * 完成值 for rates and 是否达标 for every target. `unit` null is the blank template (unit picked from a dropdown).
 * @example buildEntrySheet(spec, "东湖区卫健委").cells.find((c) => c.address === "C3") // → { address: "C3", value: "东湖区卫健委", style: "info" }
 */
export function buildEntrySheet(spec: TemplateSpec, unit: string | null): SheetModel {
  const L = spec.layout;
  const sink: Sink = { cells: [], validations: [] };
  headerBlock(spec, unit, sink);
  // Where a mean asks for its weight, the 分母 column holds it (see weightOf).
  const weighted = spec.rows.some((row) => weightOf(row) !== null);
  for (const [col, text] of Object.entries(HEADINGS)) {
    const heading = weighted && col === L.columns.denominator ? `${text}（权数）` : text;
    sink.cells.push({ address: `${col}${L.headerRow}`, value: heading, style: "heading" });
  }
  spec.rows.forEach((row, i) => {
    const r = L.firstDataRow + i;
    sink.cells.push({ address: `${L.keyColumn}${r}`, value: row.key, style: "key" });
    switch (row.kind) {
      case "task":
        taskCells(row, r, spec, sink);
        break;
      case "target":
        targetCells(row, r, spec, sink.cells, sink.validations);
        break;
      default:
        assertNever(row);
    }
  });
  const att = `${L.fixedColumns.attainment}${L.firstDataRow}:${L.fixedColumns.attainment}${L.lastDataRow}`;
  return {
    name: L.entrySheet,
    visibility: "visible",
    columns: WIDTHS.map((width, i) => (i === 0 ? { width, hidden: true } : { width })),
    cells: sink.cells,
    rowHeights: { 1: 24, 5: 30, ...dataRowHeights(sink.cells, L.firstDataRow) },
    merges: ["B1:M1", "B5:M5"],
    dataValidations: sink.validations,
    conditionalFormats:
      L.lastDataRow >= L.firstDataRow
        ? [{ range: att, rules: Object.entries(ATTAINMENT_STYLES).map(([text, s]) => ({ text, ...s })) }]
        : [],
    freeze: { rows: L.headerRow, columns: 3 },
    protect: true,
    print: {
      landscape: true,
      fitToWidth: true,
      repeatRows: `${L.headerRow}:${L.headerRow}`,
      footer: "&C第 &P 页，共 &N 页",
    },
  };
}

/** Title, 报告期, 报送截止, the four header fields with their validation, and the one-line hint. */
function headerBlock(spec: TemplateSpec, unit: string | null, { cells, validations }: Sink): void {
  const h = spec.layout.headerCells;
  const lists = listRanges(spec);
  const header = (
    label: string,
    labelCell: string,
    valueCell: string | undefined,
    value: string | null,
    input: boolean,
  ) => {
    cells.push({ address: labelCell, value: label, style: "label" });
    if (valueCell)
      cells.push({
        address: valueCell,
        value,
        style: input ? (label === "填报日期" ? "inputDate" : "input") : "info",
      });
  };
  cells.push({
    address: "B1",
    value: `${spec.plan.title || "工作要点"} ${spec.period.label}填报表`,
    style: "title",
  });
  header("报告期", "B2", "C2", spec.period.label, false);
  header("报送截止", "D2", "E2", spec.deadline ?? "", false);
  header("填报单位", "B3", h.unit, unit, unit === null);
  header("填报人", "D3", h.reporter, null, true);
  header("联系电话", "B4", h.phone, null, true);
  header("填报日期", "D4", h.filledOn, null, true);
  cells.push({
    address: "B5",
    value:
      "浅黄色单元格为填报项。完成值按计量单位填数字（95% 填 95）；比率类填分子、分母，完成值自动计算；确无此项填“不适用”。详见“填报说明”。",
    style: "hint",
  });
  if (unit === null && h.unit)
    validations.push(
      lists.units
        ? listValidation(h.unit, lists.units, "选择填报单位", "填报单位")
        : textValidation(h.unit, "填写填报单位", 100),
    );
  if (h.reporter) validations.push(textValidation(h.reporter, "填写填报人", 50));
  if (h.phone) validations.push(textValidation(h.phone, "填写联系电话", 30));
  if (h.filledOn)
    validations.push(dateValidation(h.filledOn, spec.period.start, Number(spec.period.end.slice(0, 4)) + 1));
}

/**
 * The 序号 of a task: its numbering path with a dot between levels, so that 二、(五) 3. reads "二.(五).3", not the
 * glued "二(五)3".
 * @example taskNumber(["二", "(五)", "3"]) // → "二.(五).3"
 */
export function taskNumber(path: readonly string[]): string {
  return path.join(".");
}

/**
 * A task row: number and title, then 进展情况 (dropdown), 完成情况说明 and 存在问题 as inputs. A heading (a section
 * of guidance with no work, see TaskRow.heading) has its number and title only: no input cells.
 */
function taskCells(row: TaskRow, r: number, spec: TemplateSpec, { cells, validations }: Sink): void {
  const C = spec.layout.columns;
  const F = spec.layout.fixedColumns;
  const at = (col: string | undefined) => `${col ?? "?"}${r}`;
  const inputs = [C.status, C.note, C.problems];
  cells.push(
    { address: at(F.seq), value: taskNumber(row.task.path), style: "taskText" },
    { address: at(F.task), value: row.task.title, style: "taskText" },
    ...[F.indicator, F.target, F.unitOfMeasure, C.numerator, C.denominator, C.value, F.attainment].map(
      (col): ModelCell => ({ address: at(col), value: null, style: "taskText" }),
    ),
    ...inputs.map((col): ModelCell => ({
      address: at(col),
      value: null,
      style: row.heading ? "taskText" : "input",
    })),
  );
  if (row.heading) return;
  validations.push(
    listValidation(at(C.status), listRanges(spec).statuses, "选择进展情况", "进展情况"),
    textValidation(at(C.note), "填写完成情况说明", 500),
    textValidation(at(C.problems), "填写存在问题", 500),
  );
}

/** Row heights that show every wrapped text of the data rows. */
function dataRowHeights(cells: readonly ModelCell[], firstDataRow: number): Record<number, number> {
  const heights: Record<number, number> = {};
  for (const c of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.address);
    const r = Number(m?.[2]);
    if (typeof c.value !== "string" || !m || r < firstDataRow) continue;
    const width = WIDTHS[columnNumber(m[1] ?? "A") - 1] ?? 10;
    heights[r] = Math.max(heights[r] ?? 0, estimateRowHeight([[c.value, width]]));
  }
  return heights;
}

function targetCells(
  row: TargetRow,
  r: number,
  spec: TemplateSpec,
  cells: ModelCell[],
  dv: ModelDataValidation[],
): void {
  const C = spec.layout.columns;
  const F = spec.layout.fixedColumns;
  const at = (col: string | undefined) => `${col ?? "?"}${r}`;
  const value = at(C.value);
  const blank = (col: string | undefined): ModelCell => ({ address: at(col), value: null, style: "text" });
  cells.push(
    { address: at(F.seq), value: null, style: "text" },
    blank(F.task),
    { address: at(F.indicator), value: row.target.indicator, style: "text" },
    { address: at(F.target), value: row.targetLabel, style: "text" },
    { address: at(F.unitOfMeasure), value: unitOfMeasureLabel(row.target.unitOfMeasure), style: "text" },
    { address: at(F.attainment), formula: attainmentFormula(row, value), style: "attainment" },
    blank(C.status),
    { address: at(C.note), value: null, style: "input" },
    blank(C.problems),
  );
  dv.push(textValidation(at(C.note), "填写完成情况说明", 500));
  if (isRate(row.measure)) {
    const [num, den] = [at(C.numerator), at(C.denominator)];
    const k = RATE_MULTIPLIER[row.target.unitOfMeasure ?? ""] ?? 100;
    cells.push(
      { address: num, value: null, style: "input" },
      { address: den, value: null, style: "input" },
      {
        address: value,
        formula: `IF(OR(${num}="${NA}",${den}="${NA}"),"${NA}",IF(AND(ISNUMBER(${num}),ISNUMBER(${den})),IF(${den}>0,ROUND(${num}/${den}*${k},2),""),""))`,
        style: "computed",
      },
    );
    dv.push(numeratorValidation(row, num, den), denominatorValidation(row, den, num));
  } else {
    const weight = weightOf(row);
    const den = at(C.denominator);
    cells.push(blank(C.numerator), { address: value, value: null, style: "input" });
    cells.push(weight === null ? blank(C.denominator) : { address: den, value: null, style: "input" });
    dv.push(valueValidation(row, value));
    // A weighted mean asks for the weight in the 分母 column (分母（权数）).
    if (weight !== null) dv.push(weightValidation(row, weight, den));
  }
}

/**
 * 达标 / 未达标 from 完成值 and the target; 待填 while empty; 不适用 passes through. A `total` target is the area's: a
 * unit's figure 计入合计 (counts toward the total), never 未达标 on its own.
 * @example attainmentFormula(rowOf("≥95%"), "I8") // → 'IF(ISNUMBER(I8),IF(I8>=95-0.000000001,"达标","未达标"),IF(I8="不适用","不适用","待填"))'
 */
export function attainmentFormula(row: TargetRow, v: string): string {
  const t = row.target;
  if (t.scope === "total") return `IF(ISNUMBER(${v}),"${CONTRIBUTION}",IF(${v}="${NA}","${NA}","待填"))`;
  const eps = "0.000000001";
  let test: string;
  switch (t.op) {
    case ">=":
      test = `${v}>=${t.value}-${eps}`;
      break;
    case "<=":
      test = `${v}<=${t.value}+${eps}`;
      break;
    case "=":
      test = `ABS(${v}-${t.value})<=${eps}`;
      break;
    case "between":
      test = `AND(${v}>=${t.min}-${eps},${v}<=${t.max}+${eps})`;
      break;
    case "approx":
      test = `ABS(${v}-${t.value})<=${Number(t.tolerance.toPrecision(12))}+${eps}`;
      break;
    default:
      return assertNever(t);
  }
  return `IF(ISNUMBER(${v}),IF(${test},"达标","未达标"),IF(${v}="${NA}","${NA}","待填"))`;
}

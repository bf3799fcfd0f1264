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
  type PreviousFigure,
  type PreviousFigures,
  type TaskRow,
  type TemplateLayout,
  type TemplateSpec,
} from "./spec";

const NA = NOT_APPLICABLE[0];

/** What 是否达标 says of a unit's figure on a `total` target. */
export const CONTRIBUTION = "计入合计";

/** Heading and width of each column the layout names. */
const COLUMN_HEADS: Readonly<Record<string, readonly [heading: string, width: number]>> = {
  key: ["行标识", 8],
  seq: ["序号", 7],
  task: ["工作任务", 36],
  indicator: ["指标", 22],
  target: ["目标", 12],
  unitOfMeasure: ["计量单位", 8],
  numerator: ["分子", 10],
  denominator: ["分母", 10],
  value: ["完成值", 10],
  attainment: ["是否达标", 9],
  status: ["进展情况", 12],
  note: ["完成情况说明", 30],
  problems: ["存在问题", 24],
  previousNumerator: ["上期分子", 10],
  previousDenominator: ["上期分母", 10],
  previousValue: ["上期值", 10],
  change: ["变化", 9],
};

/**
 * The entry sheet's columns in order: letter, heading and width (the 12 of every template, and the 上期值 and 变化
 * columns of one made with the previous period's figures).
 * @example entryColumns(templateLayout([])).map((c) => c.heading).slice(6, 9) // → ["分子", "分母", "完成值"]
 */
export function entryColumns(
  layout: TemplateLayout,
): { readonly letter: string; readonly heading: string; readonly width: number }[] {
  const p = layout.previousColumns;
  const named: Record<string, string | undefined> = {
    key: layout.keyColumn,
    ...layout.fixedColumns,
    numerator: layout.columns.numerator,
    denominator: layout.columns.denominator,
    value: layout.columns.value,
    status: layout.columns.status,
    note: layout.columns.note,
    problems: layout.columns.problems,
    ...(p
      ? {
          previousNumerator: p.numerator,
          previousDenominator: p.denominator,
          previousValue: p.value,
          change: p.change,
        }
      : {}),
  };
  return Object.entries(named)
    .flatMap(([name, letter]) => {
      const head = COLUMN_HEADS[name];
      return letter && head ? [{ letter, heading: head[0], width: head[1] }] : [];
    })
    .sort((a, b) => columnNumber(a.letter) - columnNumber(b.letter));
}

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
 * A template made with the previous period's figures shows the unit's own (`previous`) locked beside its inputs,
 * with the live 变化.
 * @example buildEntrySheet(spec, "东湖区卫健委").cells.find((c) => c.address === "C3") // → { address: "C3", value: "东湖区卫健委", style: "info" }
 */
export function buildEntrySheet(
  spec: TemplateSpec,
  unit: string | null,
  previous: PreviousFigures = {},
): SheetModel {
  const L = spec.layout;
  const sink: Sink = { cells: [], validations: [] };
  const columns = entryColumns(L);
  const widths = new Map(columns.map((c) => [c.letter, c.width]));
  const last = columns[columns.length - 1]?.letter ?? "M";
  headerBlock(spec, unit, sink);
  // Where a mean asks for its weight, the 分母 column holds it (see weightOf).
  const weighted = spec.rows.some((row) => weightOf(row) !== null);
  for (const c of columns) {
    const heading = weighted && c.letter === L.columns.denominator ? `${c.heading}（权数）` : c.heading;
    sink.cells.push({ address: `${c.letter}${L.headerRow}`, value: heading, style: "heading" });
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
        previousCells(row, r, spec, previous[row.key], sink.cells);
        break;
      default:
        assertNever(row);
    }
  });
  const att = `${L.fixedColumns.attainment}${L.firstDataRow}:${L.fixedColumns.attainment}${L.lastDataRow}`;
  return {
    name: L.entrySheet,
    visibility: "visible",
    columns: columns.map((c, i) => (i === 0 ? { width: c.width, hidden: true } : { width: c.width })),
    cells: sink.cells,
    rowHeights: { 1: 24, 5: 30, ...dataRowHeights(sink.cells, L.firstDataRow, widths) },
    merges: [`B1:${last}1`, `B5:${last}5`],
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
    ...[
      F.indicator,
      F.target,
      F.unitOfMeasure,
      C.numerator,
      C.denominator,
      C.value,
      F.attainment,
      ...Object.values(spec.layout.previousColumns ?? {}),
    ].map((col): ModelCell => ({ address: at(col), value: null, style: "taskText" })),
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
function dataRowHeights(
  cells: readonly ModelCell[],
  firstDataRow: number,
  widths: ReadonlyMap<string, number>,
): Record<number, number> {
  const heights: Record<number, number> = {};
  for (const c of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(c.address);
    const r = Number(m?.[2]);
    if (typeof c.value !== "string" || !m || r < firstDataRow) continue;
    const width = widths.get(m[1] ?? "A") ?? 10;
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
 * The unit's own figures of the previous period beside its inputs (locked: 上期分子 and 上期分母 for a rate, 上期分母
 * the weight of a weighted mean, 上期值),
 * and 变化, the live 完成值 − 上期值 (blank until both are numbers). Nothing in a template without them.
 */
function previousCells(
  row: TargetRow,
  r: number,
  spec: TemplateSpec,
  figure: PreviousFigure | undefined,
  cells: ModelCell[],
): void {
  const P = spec.layout.previousColumns;
  const value = spec.layout.columns.value;
  if (!P || !value) return;
  const rate = isRate(row.measure);
  cells.push(
    { address: `${P.numerator}${r}`, value: rate ? (figure?.numerator ?? null) : null, style: "previous" },
    {
      // A rate's 分母, or a weighted mean's weight (its 分母（权数）).
      address: `${P.denominator}${r}`,
      value: rate || weightOf(row) !== null ? (figure?.denominator ?? null) : null,
      style: "previous",
    },
    { address: `${P.value}${r}`, value: figure?.value ?? null, style: "previous" },
    {
      address: `${P.change}${r}`,
      formula: `IF(AND(ISNUMBER(${value}${r}),ISNUMBER(${P.value}${r})),ROUND(${value}${r}-${P.value}${r},2),"")`,
      style: "change",
    },
  );
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

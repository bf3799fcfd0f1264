import { attainmentByUnit } from "../../core/consolidate/attainment";
import type { SummaryModel } from "../../core/consolidate/types";
import type { SheetPlan } from "../../office/sheet-plan";

/**
 * A small sheet with each unit's share of attained targets (targets with a figure: attained / (attained + not
 * attained)) and a column chart of it, inserted next to the summary sheets.
 */
export function attainmentChartSheet(
  model: SummaryModel,
  labels: { sheet: string; title: string; columns: readonly [string, string, string, string] },
): SheetPlan {
  const rows = attainmentByUnit(model).map((a) => [a.unit, a.rate, a.attained, a.notAttained]);
  return {
    name: labels.sheet,
    rows: [[...labels.columns], ...rows],
    numberFormats: { 1: "0%" },
    headerRows: 1,
    columnWidths: [120, 60, 70, 80],
    chart: { source: `A1:B${rows.length + 1}`, title: labels.title, anchor: "F2", type: "ColumnClustered" },
  };
}

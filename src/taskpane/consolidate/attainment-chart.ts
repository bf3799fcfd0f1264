import type { SummaryModel } from "../../core/consolidate/types";
import type { SheetPlan } from "../../office/sheet-plan";

/**
 * A small sheet with each unit's share of attained targets (targets with a figure: attained / (attained + not
 * attained)) and a column chart of it, inserted next to the summary sheets.
 */
export function attainmentChartSheet(
  model: SummaryModel,
  labels: { sheet: string; title: string },
): SheetPlan {
  const rows = model.units.map((unit, u) => {
    const states = model.targets.map((t) => t.byUnitAttainment[u]);
    const attained = states.filter((a) => a === "attained").length;
    const missed = states.filter((a) => a === "not_attained").length;
    return [unit, attained + missed ? attained / (attained + missed) : null, attained, missed];
  });
  return {
    name: labels.sheet,
    rows: [["单位", "达标率", "达标指标数", "未达标指标数"], ...rows],
    numberFormats: { 1: "0%" },
    headerRows: 1,
    columnWidths: [120, 60, 70, 80],
    chart: { source: `A1:B${rows.length + 1}`, title: labels.title, anchor: "F2", type: "ColumnClustered" },
  };
}

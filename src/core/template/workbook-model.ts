import { absoluteRef } from "./a1";
import { buildEntrySheet } from "./entry-sheet";
import { identityRows } from "./identity";
import { buildInstructions } from "./instructions";
import { estimateRowHeight, type ModelCell, type SheetModel, type WorkbookModel } from "./sheet-model";
import {
  DEFINED_NAMES,
  STATUSES,
  type PreviousFigures,
  type TemplateIdentity,
  type TemplateSpec,
} from "./spec";

/**
 * The whole template workbook as plain data: 填报说明, 填报表, the hidden lists sheet and the veryHidden identity
 * sheet, with defined names for the key cells. `unit` null is the blank template, a name a personalised copy;
 * `previous` the unit's own figures of the previous period, shown and carried in a template made with them.
 * @example buildWorkbookModel(spec, "东湖区卫健委").sheets.map((s) => s.name) // → ["填报说明", "填报表", "_rk_lists", "_rk_identity"]
 */
export function buildWorkbookModel(
  spec: TemplateSpec,
  unit: string | null,
  rollUp: TemplateIdentity["rollUp"] = undefined,
  previous: PreviousFigures | undefined = undefined,
): WorkbookModel {
  const L = spec.layout;
  const h = L.headerCells;
  const names: { name: string; refersTo: string }[] = [
    { name: DEFINED_NAMES.templateId, refersTo: absoluteRef(L.identitySheet, "B2") },
    { name: DEFINED_NAMES.specVersion, refersTo: absoluteRef(L.identitySheet, "B3") },
    { name: DEFINED_NAMES.period, refersTo: absoluteRef(L.entrySheet, "C2") },
  ];
  const header = { unit: h.unit, reporter: h.reporter, phone: h.phone, filledOn: h.filledOn } as const;
  for (const [field, cell] of Object.entries(header))
    if (cell)
      names.push({
        name: DEFINED_NAMES[field as keyof typeof header],
        refersTo: absoluteRef(L.entrySheet, cell),
      });
  if (L.lastDataRow >= L.firstDataRow)
    names.push({
      name: DEFINED_NAMES.keys,
      refersTo: absoluteRef(L.entrySheet, `${L.keyColumn}${L.firstDataRow}:${L.keyColumn}${L.lastDataRow}`),
    });
  return {
    sheets: [
      instructionsSheet(spec, unit),
      buildEntrySheet(spec, unit, previous),
      listsSheet(spec, unit),
      identitySheet(spec, unit, rollUp, spec.previous ? previous : undefined),
    ],
    definedNames: names,
  };
}

function instructionsSheet(spec: TemplateSpec, unit: string | null): SheetModel {
  const lines = buildInstructions(spec, unit);
  const cells: ModelCell[] = lines.map((text, i) => ({
    address: `A${i + 1}`,
    value: i === 0 ? text : `${i}. ${text}`,
    style: i === 0 ? "instructionsTitle" : "instructionsText",
  }));
  const width = 80;
  const rowHeights = Object.fromEntries(
    lines.map((t, i) => [i + 1, i === 0 ? 24 : estimateRowHeight([[`${i}. ${t}`, width]])]),
  );
  return {
    ...plainSheet(spec.layout.instructionsSheet, "visible", cells, [width]),
    rowHeights,
    protect: true,
    print: { landscape: false, fitToWidth: true, repeatRows: null, footer: "&C第 &P 页，共 &N 页" },
  };
}

/**
 * The hidden lists of the dropdowns: 进展情况 choices, and the unit list for the blank template's 填报单位. A
 * personalised copy has its unit filled in and locked, so it does not carry the list (a commission's list can run
 * to hundreds of names, in every copy and every return).
 */
function listsSheet(spec: TemplateSpec, unit: string | null): SheetModel {
  const units = unit === null ? spec.units : [];
  const cells: ModelCell[] = [
    ...STATUSES.map((s, i): ModelCell => ({ address: `A${i + 1}`, value: s, style: "plain" })),
    ...units.map((u, i): ModelCell => ({ address: `B${i + 1}`, value: u, style: "plain" })),
  ];
  return plainSheet(spec.layout.listsSheet, "hidden", cells, [14, 40]);
}

function identitySheet(
  spec: TemplateSpec,
  unit: string | null,
  rollUp: TemplateIdentity["rollUp"],
  previous: PreviousFigures | undefined,
): SheetModel {
  const cells = identityRows(spec, unit, rollUp, previous).flatMap(([k, v], i): ModelCell[] => [
    { address: `A${i + 1}`, value: k, style: "plain" },
    { address: `B${i + 1}`, value: v, style: "plain" },
  ]);
  return plainSheet(spec.layout.identitySheet, "veryHidden", cells, [14, 60]);
}

function plainSheet(
  name: string,
  visibility: SheetModel["visibility"],
  cells: readonly ModelCell[],
  widths: readonly number[],
): SheetModel {
  return {
    name,
    visibility,
    columns: widths.map((width) => ({ width })),
    cells,
    merges: [],
    dataValidations: [],
    conditionalFormats: [],
    freeze: null,
    protect: visibility !== "visible",
    print: null,
  };
}

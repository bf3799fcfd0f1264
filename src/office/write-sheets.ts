import { quoteSheet } from "./a1";
import { IncompleteWriteError } from "./excel-error";
import { finishSheet } from "./finish-sheet";
import type { ExcelHost } from "./excel-batch";
import type { SheetPlan, WriteOutcome } from "./sheet-plan";
import { groupIntoBatches, toBlocks } from "./value-blocks";

/**
 * Writes sheets into the open workbook: new sheets at free names, whole 2D arrays, strings as text (number
 * format "@" is set before the values, so "=SUM(A1)" or "001" typed by a unit stays what it was), data
 * validation, unlocked input ranges, frozen header rows, widths, protection, and an optional chart.
 *
 * Everything but the values is queued by finishSheet (./finish-sheet.ts).
 *
 * All or nothing: a workbook that already has one of the plans' defined names or fixed sheet names (a template
 * inserted a second time) is refused before anything is written, and when Excel refuses a later request, the
 * sheets and names this call added are removed again before the error is passed on, so the workbook is left as
 * it was.
 *
 * context.sync calls: 1 to read the workbook's sheet and defined names and its structure protection, then 1 per
 * REQUEST_BUDGET_BYTES of cell data in UTF-8 (1 for any ordinary sheet), then 1 for formats, validation,
 * protection and charts. The count does not grow with rows until the data passes the budget. Undoing a failed
 * write takes 2 more.
 */
export async function writeSheets(host: ExcelHost, plans: readonly SheetPlan[]): Promise<WriteOutcome> {
  return host.run(async (context) => {
    const workbook = context.workbook;
    workbook.worksheets.load("items/name");
    workbook.names.load("items/name");
    workbook.protection.load("protected");
    await context.sync();
    if (workbook.protection.protected) return { ok: false, reason: "workbook_protected" } as const;
    const existing = {
      sheets: workbook.worksheets.items.map((s) => s.name),
      names: workbook.names.items.map((n) => n.name),
    };
    const clashes = takenNames(plans, existing);
    if (clashes.length) return { ok: false, reason: "names_taken", names: clashes } as const;

    const taken = new Set(existing.sheets.map((n) => n.toLowerCase()));
    const names = plans.map((p) => freeName(p.name, taken));
    const renamed = renameReferences(plans.map((p, i) => [p.name, names[i]!] as const));
    const sheets = names.map((n) => workbook.worksheets.add(n));
    try {
      const batches = groupIntoBatches(plans.flatMap((p, i) => toBlocks(p, i, renamed)));
      // Each batch is one request under Excel on the web's payload limit: the number of syncs grows with the
      // data's size in megabytes, not with rows. A typical template or summary is a single batch.
      for (const batch of batches) {
        for (const block of batch) {
          const range = sheets[block.sheet]!.getRange(block.address);
          range.numberFormat = block.formats;
          range.values = block.values;
        }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per 4 MB request, see above
        await context.sync();
      }
      const canPrint = host.supports("1.9");
      plans.forEach((plan, i) => finishSheet(sheets[i]!, plan, { renamed, canPrint }));
      plans.forEach((plan, i) =>
        plan.names?.forEach((n) => workbook.names.add(n.name, `=${quoteSheet(names[i]!)}!${n.address}`)),
      );
      await context.sync();
      return { ok: true, sheets: names } as const;
    } catch (error) {
      await removeAdded(
        context,
        names,
        plans.flatMap((p) => p.names?.map((n) => n.name) ?? []),
        error,
      );
      throw error;
    }
  });
}

/**
 * The names a plan must have that the workbook already has: its defined names (the template's rk_period, rk_unit…)
 * and the sheets that must keep their name (the identity sheet the check finds by name). Compared as Excel does,
 * without regard to case.
 */
function takenNames(
  plans: readonly SheetPlan[],
  existing: { readonly sheets: readonly string[]; readonly names: readonly string[] },
): string[] {
  const sheets = new Set(existing.sheets.map((n) => n.toLowerCase()));
  const names = new Set(existing.names.map((n) => n.toLowerCase()));
  return [
    ...plans.filter((p) => p.fixedName && sheets.has(p.name.toLowerCase())).map((p) => p.name),
    ...plans.flatMap((p) => p.names ?? []).flatMap((n) => (names.has(n.name.toLowerCase()) ? [n.name] : [])),
  ];
}

/**
 * Removes the sheets and defined names a failed write added (two syncs). Its names were free before the write, so
 * whatever now carries them is its own. A sheet is made visible first: Excel does not delete a very hidden sheet.
 * If Excel refuses this too, the error says which sheets may be left.
 */
async function removeAdded(
  context: Excel.RequestContext,
  sheetNames: readonly string[],
  definedNames: readonly string[],
  cause: unknown,
): Promise<void> {
  try {
    const names = definedNames.map((n) => context.workbook.names.getItemOrNullObject(n));
    const sheets = sheetNames.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    for (const name of names) if (!name.isNullObject) name.delete();
    for (const sheet of sheets) {
      if (sheet.isNullObject) continue;
      sheet.visibility = "Visible";
      sheet.delete();
    }
    await context.sync();
  } catch {
    throw new IncompleteWriteError(cause, sheetNames);
  }
}

/** Sheet names are unique case-insensitively, at most 31 characters, without : \\ / ? * [ ]. */
function freeName(wanted: string, takenLower: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, "_").slice(0, 31);
  let name = base;
  for (let n = 2; takenLower.has(name.toLowerCase()); n++)
    name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  takenLower.add(name.toLowerCase());
  return name;
}

/**
 * Formulas and validation sources that name a sheet which had to take another name (" (2)") are rewritten to
 * the new one, so that a summary inserted twice still points at its own sheets.
 */
function renameReferences(pairs: readonly (readonly [string, string])[]): (formula: string) => string {
  const changed = pairs.filter(([from, to]) => from !== to);
  if (!changed.length) return (f) => f;
  return (formula) =>
    changed.reduce(
      (f, [from, to]) =>
        f
          .split(`${quoteSheet(from)}!`)
          .join(`${quoteSheet(to)}!`)
          .split(`${from}!`)
          .join(`${quoteSheet(to)}!`),
      formula,
    );
}

import type { Finding } from "../findings/types";
import { problemPieces, PROBLEMS_SEPARATOR, type EntryIndex, type EntrySlots } from "./aggregate";
import type { Placed } from "./select";
import { cutPieces, EXCEL_CELL_CHARACTERS, problemsCut } from "./text-cut";
import type { TaskProgress } from "./types";

/** Notes (see Placed.notes) gathered per return before they are put on it. */
export type Notes = Map<Placed, Finding[]>;

/** Adds a note about `p`. */
export function note(notes: Notes, p: Placed, finding: Finding): void {
  const mine = notes.get(p);
  if (mine) mine.push(finding);
  else notes.set(p, [finding]);
}

/**
 * The placed returns with the notes gathered about them added (the others as they were).
 * @example withNotes([甲], new Map([[甲, [cut]]]))[0].notes // → [cut]
 */
export function withNotes(placed: readonly Placed[], notes: Notes): Placed[] {
  return placed.map((p) => {
    const more = notes.get(p);
    return more ? { ...p, notes: [...p.notes, ...more] } : p;
  });
}

/**
 * Notes for units whose 存在问题 进展 cannot hold whole where it joins every unit's into one cell of a task (past
 * Excel's 32,767 characters): each such unit's kept return gets consolidate.text_cut at its 存在问题 cell. The cells
 * are looked up in the returns' entries only for such a task, which no real return makes.
 */
export function problemCuts(
  progress: readonly TaskProgress[],
  units: readonly string[],
  indexes: readonly (EntryIndex | undefined)[],
  slots: EntrySlots,
  placed: readonly Placed[],
  notes: Notes,
): void {
  for (const task of progress) {
    if (task.problems.length <= EXCEL_CELL_CHARACTERS) continue;
    const pieces = problemPieces(units, indexes, slots.find(task.key, "problems"));
    for (const i of cutPieces(
      pieces.map((p) => p.piece),
      PROBLEMS_SEPARATOR,
    )) {
      const unit = units[pieces[i]!.unit];
      const kept = placed.find(
        (p) => p.unit === unit && (p.outcome === "used" || p.outcome === "used_with_errors"),
      );
      const entry = kept?.unitReturn.entries.find((e) => e.key === task.key && e.field === "problems");
      if (!kept || !entry) continue;
      const label = `任务「${task.taskTitle}」存在问题`;
      note(notes, kept, problemsCut(entry, kept.unitReturn.file, label, task.problems.length));
    }
  }
}

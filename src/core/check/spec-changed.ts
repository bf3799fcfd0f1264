import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import type { TemplateSpec } from "../template/spec";
import { changeData, specChanges, type SpecChange } from "../template/spec-diff";
import { specMeaning, type SpecMeaning } from "../template/spec-meaning";

// A consolidation checks hundreds of returns against one authority, and their stored specs are shared objects (see
// identity-cache.ts): each meaning and each comparison is worked out once.
const meanings = new WeakMap<TemplateSpec, SpecMeaning>();
const compared = new WeakMap<TemplateSpec, WeakMap<TemplateSpec, readonly SpecChange[]>>();

function meaningOf(spec: TemplateSpec): SpecMeaning {
  let m = meanings.get(spec);
  if (!m) meanings.set(spec, (m = specMeaning(spec)));
  return m;
}

/**
 * The stored spec of a return against the commission's own (the authority, of the same template id): a finding
 * naming what the unit's copy changed (a target, a row, a task or indicator label), or none. Scope and roll-up are
 * left out: how the commission judges is its own to change after the template was sent.
 * @example storedSpecChanged(authority, storedWithLowerTarget, "东湖区.xlsx")
 *   // → [check.spec_changed "…T1.1 目标：下发的模板为“≥85”，本报表为“≥80”"]
 */
export function storedSpecChanged(authority: TemplateSpec, stored: TemplateSpec, file: string): Finding[] {
  if (stored === authority) return [];
  let byStored = compared.get(authority);
  if (!byStored) compared.set(authority, (byStored = new WeakMap()));
  let changes = byStored.get(stored);
  if (!changes) {
    changes = specChanges(meaningOf(authority), meaningOf(stored), { ignoreJudging: true });
    byStored.set(stored, changes);
  }
  if (changes.length === 0) return [];
  return [makeFinding("check.spec_changed", { kind: "file", file }, changeData(changes))];
}

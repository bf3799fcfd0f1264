import { readIdentityRows, type ReadIdentityResult } from "../template/identity";

const CACHE_SIZE = 16;
const cache = new Map<string, ReadIdentityResult>();

/**
 * readIdentityRows, remembered for the last few identities: a consolidation reads hundreds of returns of the same
 * template, and parsing its spec JSON (tens of KB) each time would dominate. The key leaves out the first "unit"
 * row (readIdentityRows uses it only for identity.unit, and every unit's personalised copy differs there), so one
 * parse serves all the units of a template; the unit is put back on each hit. The result is immutable data, so
 * sharing the spec is safe.
 * @example readIdentityRowsCached([["kind", "report-kit/template"], …]) // → the same spec object as on the first call
 */
export function readIdentityRowsCached(rows: readonly (readonly [string, string])[]): ReadIdentityResult {
  let unit: string | null = null;
  const parts: string[] = [];
  for (const [k, v] of rows) {
    if (unit === null && k.trim() === "unit") unit = v;
    else parts.push(`${k}\u0000${v}`);
  }
  const key = parts.join("\u0001");
  let result = cache.get(key);
  if (!result) {
    result = readIdentityRows(rows);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
    cache.set(key, result);
  }
  if (!result.ok) return result;
  const own = unit || null;
  return own === result.identity.unit ? result : { ...result, identity: { ...result.identity, unit: own } };
}

import { readIdentityRows, type ReadIdentityResult } from "../template/identity";

const CACHE_SIZE = 16;
const cache = new Map<string, ReadIdentityResult>();

/**
 * readIdentityRows, remembered for the last few identities: a consolidation reads hundreds of returns of the same
 * template, and parsing its spec JSON (tens of KB) each time would dominate. The result is immutable data, so
 * sharing it is safe.
 * @example readIdentityRowsCached([["kind", "report-kit/template"], …]) // → the same object as on the first call
 */
export function readIdentityRowsCached(rows: readonly (readonly [string, string])[]): ReadIdentityResult {
  const key = rows.map(([k, v]) => `${k}\u0000${v}`).join("\u0001");
  const hit = cache.get(key);
  if (hit) return hit;
  const result = readIdentityRows(rows);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
  cache.set(key, result);
  return result;
}

/**
 * Rounds to 2 decimals the way a clerk expects (half away from zero), without binary artefacts.
 * @example round2(94.444) // → 94.44
 */
export function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
}

/**
 * The median of some numbers (mean of the middle two for an even count); null for none.
 * @example median([3, 1, 2, 10]) // → 2.5
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Sums numbers exactly enough for money and counts: adds in integer hundred-thousandths where that is exact.
 * @example sum([0.1, 0.2]) // → 0.3
 */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return Math.round(total * 1e6) / 1e6;
}

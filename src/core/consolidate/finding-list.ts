import type { Finding } from "../findings/types";
import type { FindingList, SeverityCounts } from "./types";

/** Counts findings by severity. */
export function countSeverities(findings: Iterable<Finding>): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Findings held in memory, as a FindingList. */
export function listOf(findings: readonly Finding[]): FindingList {
  return {
    counts: countSeverities(findings),
    length: findings.length,
    [Symbol.iterator]: () => findings[Symbol.iterator](),
  };
}

/** Findings read afresh each time they are gone through (a return's, from disk in the CLI), counted beforehand. */
export function readList(counts: SeverityCounts, read: () => Iterable<Finding>): FindingList {
  return {
    counts,
    length: counts.error + counts.warning + counts.info,
    [Symbol.iterator]: () => read()[Symbol.iterator](),
  };
}

/**
 * A FindingList made of lists, each gone through in turn when this one is (a return's read from disk, in the CLI);
 * the counts are the parts' own, so counting reads nothing.
 * @example const list = new FindingParts([listOf([error]), listOf([warning])]); list.counts // → { error: 1, warning: 1, info: 0 }
 */
export class FindingParts implements FindingList {
  readonly counts: SeverityCounts;
  readonly length: number;

  constructor(private readonly parts: readonly FindingList[]) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const p of parts) {
      counts.error += p.counts.error;
      counts.warning += p.counts.warning;
      counts.info += p.counts.info;
    }
    this.counts = counts;
    this.length = counts.error + counts.warning + counts.info;
  }

  *[Symbol.iterator](): Iterator<Finding> {
    for (const p of this.parts) yield* p;
  }
}

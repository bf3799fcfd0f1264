import type { Finding } from "../findings/types";
import type { FindingList, SeverityCounts } from "./types";

/** Counts findings by severity. */
export function countSeverities(findings: Iterable<Finding>): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** A part of a FindingList: how to read its findings, and how many of each severity it has. */
export interface FindingPart {
  readonly counts: SeverityCounts;
  readonly read: () => Iterable<Finding>;
}

/** A part holding findings in memory. */
export const partOf = (findings: readonly Finding[]): FindingPart => ({
  counts: countSeverities(findings),
  read: () => findings,
});

/**
 * A FindingList made of parts, each read when the list is gone through (a return's findings from disk, in the
 * CLI); the counts are the parts' own, so counting reads nothing.
 * @example const list = new FindingParts([partOf([error]), partOf([warning])]); list.counts // → { error: 1, warning: 1, info: 0 }
 */
export class FindingParts implements FindingList {
  readonly counts: SeverityCounts;
  readonly length: number;

  constructor(private readonly parts: readonly FindingPart[]) {
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
    for (const p of this.parts) yield* p.read();
  }
}

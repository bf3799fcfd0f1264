import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { changeData, specChanges, type SpecChange } from "../template/spec-diff";
import { meaningHash, specMeaning, type SpecMeaning } from "../template/spec-meaning";
import type { TemplateSpec } from "../template/spec";
import { stableHash } from "../template/stable-hash";
import type { CheckedInput, CheckedReturn } from "./types";

/** One distinct spec of a template's returns, with how many carry it. */
interface Candidate {
  readonly spec: TemplateSpec;
  readonly meaning: SpecMeaning;
  readonly meaningHash: string;
  /** Hash of the whole spec (its unit list, deadline and contact too), to choose among specs of one meaning. */
  readonly contentHash: string;
  count: number;
}

/** The distinct specs of a group (by object first: the CLI shares one object per distinct spec). */
function candidates(group: readonly CheckedReturn[]): Candidate[] {
  const bySpec = new Map<TemplateSpec, Candidate>();
  const byContent = new Map<string, Candidate>();
  for (const r of group) {
    let c = bySpec.get(r.spec);
    if (!c) {
      const contentHash = stableHash(JSON.stringify(r.spec));
      const meaning = specMeaning(r.spec);
      c = byContent.get(contentHash) ?? {
        spec: r.spec,
        meaning,
        meaningHash: meaningHash(meaning),
        contentHash,
        count: 0,
      };
      bySpec.set(r.spec, c);
      byContent.set(contentHash, c);
    }
    c.count++;
  }
  return [...byContent.values()];
}

/**
 * The spec most returns carry: the meaning most returns share, then (a tie) the one whose meaning still hashes to
 * its template id (a spec edited after it was built no longer does), then the smaller meaning hash; of the specs of
 * that meaning, the one most carry, then the smaller content hash. Never the order the returns came in.
 */
function mostCarried(all: readonly Candidate[]): { winner: Candidate; carried: number } {
  const byMeaning = new Map<string, Candidate[]>();
  for (const c of all) byMeaning.set(c.meaningHash, [...(byMeaning.get(c.meaningHash) ?? []), c]);
  const total = (cs: readonly Candidate[]) => cs.reduce((n, c) => n + c.count, 0);
  const genuine = (cs: readonly Candidate[]) =>
    `rk-${cs[0]!.meaningHash}` === cs[0]!.spec.templateId ? 1 : 0;
  const meanings = [...byMeaning.values()].sort(
    (a, b) =>
      total(b) - total(a) || genuine(b) - genuine(a) || compareText(a[0]!.meaningHash, b[0]!.meaningHash),
  );
  const best = meanings[0]!;
  const specs = [...best].sort((a, b) => b.count - a.count || compareText(a.contentHash, b.contentHash));
  return { winner: specs[0]!, carried: total(best) };
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A return judged against another spec, with a finding of its own added (its findings are still read when asked). */
function judgedAgainst(r: CheckedReturn, spec: TemplateSpec, extra: Finding | null): CheckedReturn {
  return {
    kind: "return",
    file: r.file,
    sha256: r.sha256,
    fileTime: r.fileTime,
    ...(r.email ? { email: r.email } : {}),
    identity: r.identity,
    spec,
    get entries() {
      return r.entries;
    },
    get findings() {
      return extra ? [...r.findings, extra] : r.findings;
    },
  };
}

/**
 * Settles the spec of one template's returns (one template id), so that the summary does not depend on which
 * return is read first. With the commission's own spec (`authority`, of this template id) every return is judged
 * against it, and one whose stored spec means something else (a target, a row, a label; scope and roll-up are the
 * commission's to change, so they are left out) gets `check.spec_changed`. Without it the spec most returns carry
 * wins (see mostCarried) and each return whose spec means something else gets `consolidate.spec_disagrees`. Either
 * way each return comes back carrying the chosen spec.
 * @example agreeOnSpec([甲, 乙, 丙改], null) // → the three returns with 甲's and 乙's spec; 丙改 with consolidate.spec_disagrees naming "T1.1 目标"
 */
export function agreeOnSpec(
  group: readonly CheckedReturn[],
  authority: TemplateSpec | null,
): CheckedReturn[] {
  const first = group[0];
  if (!first) return [];
  const all = candidates(group);
  const official = authority && authority.templateId === first.spec.templateId ? authority : null;
  if (!official && all.length === 1) return [...group];
  const chosen = official ? null : mostCarried(all);
  const spec = official ?? chosen!.winner.spec;
  const reference = official ? specMeaning(official) : chosen!.winner.meaning;
  const meaningOf = new Map<TemplateSpec, SpecMeaning>();
  for (const r of group) if (!meaningOf.has(r.spec)) meaningOf.set(r.spec, specMeaning(r.spec));
  const changesOf = new Map<TemplateSpec, SpecChange[]>();
  for (const [s, meaning] of meaningOf)
    changesOf.set(s, specChanges(reference, meaning, { ignoreJudging: official !== null }));
  return group.map((r) => {
    if (r.spec === spec) return r;
    const changes = changesOf.get(r.spec) ?? [];
    const where = { kind: "file" as const, file: r.file };
    if (changes.length === 0) return judgedAgainst(r, spec, null);
    const finding = official
      ? makeFinding("check.spec_changed", where, changeData(changes))
      : makeFinding("consolidate.spec_disagrees", where, {
          ...changeData(changes),
          carried: chosen!.carried,
          returns: group.length,
        });
    return judgedAgainst(r, spec, finding);
  });
}

/**
 * The inputs in one order whatever order they were given or checked in: by file name (as written, code unit by code
 * unit, not by locale), then content hash, then file time. The summary lists files in this order, and of two returns
 * of one unit filled the same day the later in this order is kept.
 * @example canonicalOrder([乙县, 甲县]).map((i) => i.file) // → ["甲县.xlsx", "乙县.xlsx"]
 */
export function canonicalOrder<T extends CheckedInput>(inputs: readonly T[]): T[] {
  return [...inputs].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      compareText(a.sha256, b.sha256) ||
      compareText(a.fileTime ?? "", b.fileTime ?? ""),
  );
}

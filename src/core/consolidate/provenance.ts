import { makeFinding } from "../findings/make-finding";
import { note, type Notes } from "./file-notes";
import type { Placed } from "./select";

/**
 * Who sent a return, as far as it can be seen without a shared secret. A return says which unit it is for twice (the
 * 填报单位 cell and the identity the copy was made with), and a unit that changes both is taken at its word: nothing
 * in the file can prove who made it. What can be seen is where the file came from disagreeing with what it claims,
 * and a unit's return arriving as different files (one of which may not be the unit's own). Both are warnings, for
 * the person consolidating to confirm with the unit.
 */

/** Where a return's name for itself comes from: the file's own name, and the sender and subject of its email. */
interface NamedBy {
  readonly zh: string;
  readonly en: string;
  readonly text: string;
}

const squash = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** The file's own name without its folders, containers and extension: "mail.eml › 乙县.xlsx" → "乙县". */
function ownName(file: string): string {
  const last = file.split(" › ").pop() ?? file;
  const name = last.split(/[\\/]/).pop() ?? last;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * Finds the units of a list in a text: each unit is looked for only where the text has its first character, so a
 * thousand returns against a list of a thousand units take a few milliseconds.
 */
export class UnitNames {
  private readonly byFirst = new Map<string, { unit: string; key: string }[]>();

  constructor(units: Iterable<string>) {
    for (const unit of units) {
      const key = squash(unit);
      if (!key) continue;
      const mine = this.byFirst.get(key[0]!);
      if (mine) mine.push({ unit, key });
      else this.byFirst.set(key[0]!, [{ unit, key }]);
    }
  }

  /**
   * The one unit `text` names, or null when it names none or several: a unit named inside a longer one named there
   * too (南昌县 in 南昌县人民医院) does not count.
   * @example new UnitNames(["甲县", "乙县"]).namedIn("乙县卫健局 <yixian@example.cn>") // → "乙县"
   */
  namedIn(text: string): string | null {
    const plain = squash(text);
    const found: { unit: string; key: string }[] = [];
    for (let i = 0; i < plain.length; i++)
      for (const u of this.byFirst.get(plain[i]!) ?? [])
        if (plain.startsWith(u.key, i) && !found.includes(u)) found.push(u);
    const own = found.filter((u) => !found.some((v) => v !== u && v.key.includes(u.key)));
    return own.length === 1 ? own[0]!.unit : null;
  }
}

/** One unit's name within another's (东湖区 and 东湖区卫生健康委员会): the same unit, written short. */
const sameUnit = (a: string, b: string): boolean =>
  squash(a).includes(squash(b)) || squash(b).includes(squash(a));

/**
 * Notes a return whose file name, or whose email's sender or subject, names exactly one unit (of the unit list and
 * the units that reported) other than the one it claims. A name naming the unit its copy was made for is left to
 * check.unit_changed, which already says so.
 */
function otherUnitNamed(placed: readonly Placed[], units: UnitNames, notes: Notes): void {
  for (const p of placed) {
    const claimed = p.unit;
    if (claimed === null) continue;
    const r = p.unitReturn;
    const names: NamedBy[] = [{ zh: "文件名", en: "file name", text: ownName(r.file) }];
    if (r.email) {
      names.push({ zh: "邮件发件人", en: "email sender", text: r.email.from });
      names.push({ zh: "邮件主题", en: "email subject", text: r.email.subject });
    }
    for (const by of names) {
      const named = units.namedIn(by.text);
      if (named === null || sameUnit(named, claimed) || named === r.identity.unit) continue;
      const data = { unit: claimed, named, by: by.zh, byEn: by.en, text: by.text };
      note(notes, p, makeFinding("consolidate.name_other_unit", { kind: "file", file: r.file }, data));
    }
  }
}

/**
 * Notes, on the return kept for a unit, that its unit's return came as more than one file with different content
 * (a copy of one file arriving twice is no news): one of them may not be the unit's own.
 */
function severalSources(placed: readonly Placed[], notes: Notes): void {
  const byUnit = new Map<string, Placed[]>();
  for (const p of placed) {
    if (p.unit === null) continue;
    const mine = byUnit.get(p.unit);
    if (mine) mine.push(p);
    else byUnit.set(p.unit, [p]);
  }
  for (const [unit, mine] of byUnit) {
    const contents = new Set(mine.map((p) => p.unitReturn.sha256));
    if (contents.size < 2) continue;
    const used = mine.find((p) => p.outcome === "used" || p.outcome === "used_with_errors");
    const at = used ?? mine[mine.length - 1]!;
    const files = mine.map((p) => sourceOf(p)).join("；");
    const data = { unit, count: contents.size, files, kept: used?.unitReturn.file ?? "" };
    note(
      notes,
      at,
      makeFinding("consolidate.several_sources", { kind: "file", file: at.unitReturn.file }, data),
    );
  }
}

/** A file as its source is shown: its path, and its email's sender when it came in one. */
const sourceOf = (p: Placed): string =>
  p.unitReturn.email?.from ? `${p.unitReturn.file}（${p.unitReturn.email.from}）` : p.unitReturn.file;

/**
 * What consolidation can tell of who sent the returns of one template (see above): notes for a file or email naming
 * another unit than the return claims (consolidate.name_other_unit) and for a unit whose return came as different
 * files (consolidate.several_sources). `units` is the unit list; the units that reported are added to it.
 * @example provenanceNotes([甲县 in "乙县.xlsx"], ["甲县", "乙县"], notes) // notes: 甲县's return → consolidate.name_other_unit
 */
export function provenanceNotes(placed: readonly Placed[], units: readonly string[], notes: Notes): void {
  const known = new Set(units);
  for (const p of placed) if (p.unit !== null) known.add(p.unit);
  otherUnitNamed(placed, new UnitNames(known), notes);
  severalSources(placed, notes);
}

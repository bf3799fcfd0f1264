import { RESPONSIBLE_LABELS, ROLE_SUFFIXES, SUPPORTING_LABELS } from "./lexicon";

/** Unit-name endings before which "会" means 会同 ("市卫健委会市财政局" → two units). */
const UNIT_ENDINGS = /(?:[委局办厅部院处科室司站所心会]|\))$/;

/**
 * Splits a 责任单位 list into unit names: role words (牵头, 按职责分工负责, 等) removed, lead first.
 * @example splitUnits("市卫健委牵头,市发改委、市民政局等按职责分工负责") // → ["市卫健委", "市发改委", "市民政局"]
 */
export function splitUnits(list: string): string[] {
  const units = new Set<string>();
  for (const rawPart of list.split(/[、,，;；]/)) {
    for (const part of splitTogetherWith(stripRoles(rawPart.trim().replace(/^由/, "")))) {
      if (part) units.add(part);
    }
  }
  return [...units];
}

function stripRoles(part: string): string {
  // (Trailing stops and spaces are cut by hand: a regex ending in "+$" is quadratic on a long run of them.)
  let end = part.length;
  while (end > 0 && /[。.\s]/.test(part[end - 1] as string)) end--;
  let s = part.slice(0, end);
  for (let changed = true; changed;) {
    changed = false;
    for (const role of ROLE_SUFFIXES) {
      if (s.length > role.length && s.endsWith(role)) {
        s = s.slice(0, -role.length).trim();
        changed = true;
      }
    }
  }
  return s;
}

/**
 * "X会同Y" and "X会Y" name two units. "委员会" does not split (its left side does not end a unit name). The text is cut
 * at each 会同 first; what follows the last one is cut at each such 会 (in one pass, however long the list).
 */
function splitTogetherWith(whole: string): string[] {
  const parts: string[] = [];
  let part = whole;
  for (let together = part.indexOf("会同"); together > 0; together = part.indexOf("会同")) {
    parts.push(part.slice(0, together));
    part = part.slice(together + 2);
  }
  for (let i = part.indexOf("会"); i > 0;) {
    const right = part.slice(i + 1);
    if (
      UNIT_ENDINGS.test(part.slice(i - 1, i)) &&
      /^[\u4e00-\u9fa5]{2}/.test(right) &&
      !/^(议|商|诊|签|审|计|员|展|谈|务|上)/.test(right)
    ) {
      parts.push(part.slice(0, i));
      part = right;
      i = part.indexOf("会");
    } else i = part.indexOf("会", i + 1);
  }
  parts.push(part);
  return parts.filter(Boolean);
}

/** A responsibility clause found in a line: where it is (to cut it from titles and targets) and its units. */
export interface ResponsibleClause {
  readonly start: number;
  readonly end: number;
  readonly units: readonly string[];
}

const LABELS = [...RESPONSIBLE_LABELS, ...SUPPORTING_LABELS].sort((a, b) => b.length - a.length);

/** A full label (责任科室:, not the bare 牵头:) right after a sentence's end, inside a line. */
const INLINE_LABELLED = new RegExp(
  `([。;])\\s*(?=(?:${LABELS.filter((l) => l.length >= 4).join("|")}):)`,
  "g",
);

/** A labelled piece after another inside brackets: "…;责任处室:". */
const LABELLED_PIECE = new RegExp(`[;；](?:${LABELS.join("|")}):`);

/**
 * Finds 责任单位 clauses in a normalised line: "(责任单位:…)" anywhere, or a line that starts with a label.
 * Parts labelled only 配合单位 / 主要协作单位 are left out.
 * @example findResponsible("…服务。(责任单位:市卫健委牵头,市财政局按职责分工负责)")
 *   // → [{ start: 4, end: 33, units: ["市卫健委", "市财政局"] }]
 */
export function findResponsible(norm: string): ResponsibleClause[] {
  const found: ResponsibleClause[] = [];
  const trimmed = norm.trimStart();
  const lead = norm.length - trimmed.length;
  if (LABELS.some((l) => trimmed.startsWith(l)) && /^[^:]{2,8}:/.test(trimmed)) {
    found.push({ start: lead, end: norm.length, units: unitsOfLabelled(trimmed) });
    return found;
  }
  // "(责任单位:…)", "(责任领导:张三;责任处室:应急办)", "(市医保局牵头,市卫健委配合)": a clause in brackets.
  // (Brackets are matched and labelled pieces found in one pass each, so nested or unclosed brackets cost no more.)
  const closes = matchingCloses(norm);
  const pieces = [...norm.matchAll(LABELLED_PIECES)].map((m) => m.index);
  for (let open = norm.indexOf("("); open >= 0; open = norm.indexOf("(", open + 1)) {
    const close = closes.get(open) ?? -1;
    const end = close < 0 ? norm.length : close + 1;
    const content = norm.slice(open + 1, close < 0 ? norm.length : close);
    if (LABELS.some((l) => content.startsWith(l)) || (close > 0 && hasPiece(pieces, open + 1, close))) {
      found.push({ start: open, end, units: unitsOfLabelled(content) });
    } else if (close > 0 && isUnlabelledUnits(content)) {
      found.push({ start: open, end, units: splitUnits(content) });
    } else {
      continue;
    }
    open = end - 1;
  }
  // "…服务。责任科室:医政医管科。": a labelled clause after a sentence, up to the next "。" (not one in brackets).
  // (The clauses found so far come in order and do not overlap: each is looked for from the last.)
  const inBrackets = found.length;
  let b = 0;
  let lastEnd = -1;
  let stop = -2;
  for (const m of norm.matchAll(INLINE_LABELLED)) {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    if (stop !== -1 && stop < start) stop = norm.indexOf("。", start);
    const end = stop < 0 ? norm.length : stop + 1;
    while (b < inBrackets && (found[b] as ResponsibleClause).end <= start) b++;
    if ((b < inBrackets && (found[b] as ResponsibleClause).start <= start) || start < lastEnd) continue;
    found.push({ start, end, units: unitsOfLabelled(norm.slice(start, stop < 0 ? norm.length : stop)) });
    lastEnd = end;
  }
  found.sort((a, b) => a.start - b.start);
  return found;
}

/** Index of the ")" that closes each "(" that is closed, allowing nested pairs: "(责任单位:规划信息处(爱卫办))". */
function matchingCloses(s: string): Map<number, number> {
  const closes = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") open.push(i);
    else if (s[i] === ")" && open.length > 0) closes.set(open.pop() as number, i);
  }
  return closes;
}

/** LABELLED_PIECE anywhere in a text (a piece holds no bracket, so one inside a pair is inside its content). */
const LABELLED_PIECES = new RegExp(LABELLED_PIECE.source, "g");

/** Whether a labelled piece starts in [from, to) (`pieces` in order). */
function hasPiece(pieces: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  for (let hi = pieces.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if ((pieces[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < pieces.length && (pieces[lo] as number) < to;
}

const UNIT_NAME = /(委|局|办|院|中心|部|处|室|科|会|站|所|厅|队|组|公司|集团|协会|政府|县区|各区|各县)$/;

/** "(市医保局牵头,市卫健委配合)": a clause without a label that names units with their roles. */
function isUnlabelledUnits(content: string): boolean {
  if (content.length > 120 || !/牵头|负责/.test(content)) return false;
  const units = splitUnits(content);
  return units.length > 0 && units.every((u) => UNIT_NAME.test(u) && u.length <= 20);
}

/** "责任单位:A、B;配合单位:C" → [A, B]. */
function unitsOfLabelled(text: string): string[] {
  const units = new Set<string>();
  for (const piece of text.split(/[;；](?=[^:;；]{2,8}:)/)) {
    const colon = piece.indexOf(":");
    const label = colon >= 0 ? piece.slice(0, colon).trim() : "";
    if (colon < 0 || SUPPORTING_LABELS.some((l) => label === l)) continue;
    if (!RESPONSIBLE_LABELS.some((l) => label.endsWith(l) || label === l)) continue;
    for (const u of splitUnits(piece.slice(colon + 1))) units.add(u);
  }
  return [...units];
}

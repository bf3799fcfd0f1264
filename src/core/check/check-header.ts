import { makeFinding } from "../findings/make-finding";
import type { Finding } from "../findings/types";
import { HEADER_FIELDS } from "../template/row-fields";
import type { TemplateIdentity, TemplateSpec } from "../template/spec";
import { entryValue, readCell, type RowPlace } from "./read-cell";
import type { Entry } from "./types";
import type { RawCell } from "./unit-return";

/** Mobile (11 digits from 13…19), landline with area code, or a 7–8 digit local number; an extension allowed. */
const PHONE_PATTERNS = [/^(?:\+?86)?1[3-9]\d{9}$/, /^0\d{2,3}\d{7,8}$/, /^\d{7,8}$/];

/**
 * True when a phone number is plausible: 13812345678, 0791-86123456, (0791)86123456 转 8012.
 * @example isPlausiblePhone("0791-8612 3456") // → true
 * @example isPlausiblePhone("12345") // → false
 */
export function isPlausiblePhone(text: string): boolean {
  const digits = text
    .normalize("NFKC")
    .replace(/(?:转|ext\.?|x)\s*\d{1,6}$/i, "")
    .replace(/[\s\-()（）—+]/g, "");
  return PHONE_PATTERNS.some((p) => p.test(digits));
}

const DAY = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

export interface HeaderCheck {
  readonly entries: readonly Entry[];
  readonly findings: readonly Finding[];
  /** 填报单位 as entered, or null when blank. */
  readonly unit: string | null;
}

/**
 * Reads and checks the header fields: unit (in the unit list, unchanged in a personalised copy), reporter, a
 * plausible phone number and a date within reason (not before the period starts, not after today or a year
 * past the period).
 * @example checkHeader(spec, identity, cells, place, { today: "2024-07-10" }) // phone "12345" → [check.bad_phone at C4]
 */
export function checkHeader(
  spec: TemplateSpec,
  identity: TemplateIdentity,
  cells: ReadonlyMap<string, RawCell>,
  place: RowPlace,
  options: { readonly units?: readonly string[]; readonly today?: string },
): HeaderCheck {
  const entries: Entry[] = [];
  const findings: Finding[] = [];
  let unit: string | null = null;
  for (const field of HEADER_FIELDS) {
    const address = spec.layout.headerCells[field];
    if (!address) continue;
    const expect = field === "filledOn" ? "date" : "text";
    const read = readCell(cells.get(address), address, { expect }, place, "header", "");
    findings.push(...read.findings);
    const value = entryValue(read.entry);
    entries.push({
      key: "header",
      task: "",
      indicator: null,
      field,
      kind: read.entry.kind,
      value,
      raw: read.raw,
      sheet: place.sheet,
      cell: address,
    });
    const where = { kind: "cell" as const, file: place.file, sheet: place.sheet, cell: address };
    if (read.entry.kind === "blank") {
      findings.push(makeFinding("check.missing_header", where, { field }));
      continue;
    }
    const text = String(value ?? "");
    if (field === "unit") unit = text;
    if (field === "phone" && !isPlausiblePhone(text))
      findings.push(makeFinding("check.bad_phone", where, { got: text }));
    if (
      field === "filledOn" &&
      read.entry.kind === "date" &&
      !plausibleDate(read.entry.value, spec, options.today)
    ) {
      findings.push(
        makeFinding("check.implausible_date", where, { got: read.entry.value, period: spec.period.label }),
      );
    }
  }
  const unitWhere = {
    kind: "cell" as const,
    file: place.file,
    sheet: place.sheet,
    cell: spec.layout.headerCells.unit ?? "",
  };
  if (unit !== null && identity.unit && unit !== identity.unit) {
    findings.push(makeFinding("check.unit_changed", unitWhere, { got: unit, expected: identity.unit }));
  }
  // A summary sent up as a return (it carries rollUp) reports as the consolidating unit, which is not one of the units
  // in its spec (those reported to it): its unit is checked only against a unit list given for the level above.
  const list = options.units ?? (identity.rollUp ? [] : spec.units);
  if (unit !== null && list.length > 0 && !list.includes(unit)) {
    findings.push(makeFinding("check.unit_not_in_list", unitWhere, { got: unit }));
  }
  return { entries, findings, unit };
}

function plausibleDate(date: string, spec: TemplateSpec, today: string | undefined): boolean {
  const d = dayNumber(date);
  if (d < dayNumber(spec.period.start)) return false;
  if (today && d > dayNumber(today)) return false;
  return d <= dayNumber(spec.period.end) + 366;
}

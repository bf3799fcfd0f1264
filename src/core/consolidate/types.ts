import type { Entry } from "../check/types";
import type { Finding, Severity } from "../findings/types";
import type { RollUpMethod, Scope } from "../plan/types";
import type {
  CarriedRollUp,
  EntryField,
  Period,
  Status,
  TemplateIdentity,
  TemplateSpec,
} from "../template/spec";

/**
 * One figure or answer read from a return by the check engine (src/core/check): row key, field, normalised value,
 * the raw cell content and its cell. Zero, blank and 不适用 are three answers (see `kind`).
 */
export type ReturnEntry = Entry;

/** Where a file came from: a path, or a path inside a zip or an email ("a.zip › b/c.xlsx"). */
export interface SourceFile {
  /** Shown to people and used in findings. */
  readonly file: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  /** Modification time "YYYY-MM-DDTHH:mm:ss" (from the file system, the zip entry or the email date), or null. */
  readonly fileTime: string | null;
  /** The email the file came in (the innermost, when forwarded), as the email says: never proof of who sent it. */
  readonly email?: EmailOrigin;
}

/** Who an email says sent it, and its subject. */
export interface EmailOrigin {
  /** The sender as written: name and address ("乙县卫健局 <yixian@example.cn>"). */
  readonly from: string;
  readonly subject: string;
}

/**
 * What came out of reading and checking one input file: a return of ours (with its identity, spec, entries and
 * check findings), or something that is not a usable return (with findings that say why).
 */
export type CheckedInput =
  | (SourceFile & {
      readonly kind: "return";
      readonly identity: TemplateIdentity;
      readonly spec: TemplateSpec;
      /** May be read back afresh each time it is asked for (the CLI keeps it on disk): go through it, do not keep it. */
      readonly entries: readonly ReturnEntry[];
      /** The check's findings; like `entries`, they may be read back afresh each time. */
      readonly findings: readonly Finding[];
    })
  | (SourceFile & {
      readonly kind: "not_return";
      readonly findings: readonly Finding[];
    });

/** A return of ours (the "return" variant of CheckedInput). */
export type CheckedReturn = Extract<CheckedInput, { kind: "return" }>;

/** What became of an input file. */
export type FileOutcome =
  /** Consolidated. */
  | "used"
  /** Consolidated, although its check found errors (its figures are marked). */
  | "used_with_errors"
  /** Another return of the same unit was filled later; this one is listed, not summed. */
  | "superseded"
  /** Not consolidated: --strict and the check found errors. */
  | "rejected"
  /** A return of another template (consolidated in its own summary, or listed). */
  | "other_template"
  /** A return whose unit is blank: listed, not summed. */
  | "no_unit"
  /** Not a return of ours, or unreadable. */
  | "not_return";

/** One input file and what became of it (报送情况, second table). */
export interface FileReport extends SourceFile {
  readonly unit: string | null;
  readonly templateId: string | null;
  readonly filledOn: string | null;
  readonly outcome: FileOutcome;
  /**
   * Why it was not summed, in both languages; for a summed file, the first warning consolidation has about it (its
   * text cut in the summary, a name naming another unit…), else null.
   */
  readonly reason: { readonly zh: string; readonly en: string } | null;
  readonly errors: number;
  readonly warnings: number;
  /** The file's findings: made when asked for (a return's are read back afresh, see CheckedReturn). */
  readonly findings: readonly Finding[];
}

/**
 * Completeness state of one unit of the unit list (报送情况). `unfilled`: the unit sent its copy back with nothing
 * entered on any task or target row (a blank template is not a return with errors, it is no answer yet).
 */
export type UnitState =
  "received" | "received_with_errors" | "unfilled" | "rejected" | "missing" | "unexpected";

export interface UnitReport {
  readonly unit: string;
  readonly state: UnitState;
  /** The file kept for the unit, or null. */
  readonly file: string | null;
  readonly filledOn: string | null;
  /** How many returns came from the unit (2+ = duplicate). */
  readonly returns: number;
  /** Filled (or, without 填报日期, sent) after the deadline. */
  readonly late: boolean;
  /** What lateness was judged by: 填报日期, or the file's time when 填报日期 is empty; null when not late. */
  readonly lateBy: "filledOn" | "fileTime" | null;
  readonly reason: { readonly zh: string; readonly en: string } | null;
}

/**
 * How a row's aggregate is formed: the target's roll-up method (sum, ratio = Σ分子/Σ分母 × scale, mean = the mean
 * weighted by the units behind each figure; see RollUpMethod).
 */
export type AggregateMethod = RollUpMethod;

export type { CarriedRollUp };

/** One unit's answer on a target row. */
export type UnitFigure =
  | {
      readonly kind: "value";
      readonly value: number;
      readonly numerator?: number;
      readonly denominator?: number;
      /** When the unit's return is itself a summary: the units behind the figure (see CarriedRollUp). */
      readonly carried?: CarriedRollUp;
    }
  | { readonly kind: "not_applicable" }
  | { readonly kind: "blank" };

/** One target's figures, unit by unit, in the order of SummaryModel.units (see UnitFigures). */
export interface UnitFigureList extends Iterable<UnitFigure> {
  readonly length: number;
  /** The figure of the unit at `index`. */
  at(index: number): UnitFigure;
}

/**
 * Attainment of a target by one value; a unit's figure on a `total` target is a `contribution`, never a miss of its
 * own.
 */
export type Attainment = "attained" | "not_attained" | "not_applicable" | "blank" | "contribution";

/** One target row of 汇总. */
export interface TargetSummary {
  readonly key: string;
  readonly taskKey: string;
  readonly taskTitle: string;
  readonly indicator: string;
  readonly targetLabel: string;
  readonly unitOfMeasure: string | null;
  /** Whom the target applies to: judged on the aggregate (`total`) or unit by unit (`each`). */
  readonly scope: Scope;
  readonly method: AggregateMethod;
  /** What a `mean` is weighted by (numerator Σ(figure × weight), denominator Σ weight), or null for a plain mean. */
  readonly weight: string | null;
  /**
   * Units with a figure (not blank, not 不适用); a summary sent up as a return counts for the units behind it
   * (see CarriedRollUp).
   */
  readonly reporting: number;
  /** For an `each` target, the units that meet it (counted like `reporting`); null for a `total` target. */
  readonly unitsMet: number | null;
  /**
   * Whether the target is met: a `total` target by the aggregate, an `each` target when every unit reporting meets
   * it; null when it cannot be judged (no figure; for `each`, units still blank and none missing).
   */
  readonly met: boolean | null;
  readonly attained: number;
  readonly notAttained: number;
  readonly notApplicable: number;
  readonly blank: number;
  /** The aggregate, rounded to 2 decimals; null when no unit reported a figure. */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly min: number | null;
  readonly median: number | null;
  readonly max: number | null;
  /** The verdict of 汇总是否达标: `met` as an attainment (blank when it cannot be judged). */
  readonly aggregateAttainment: Attainment;
  /** What the summary carries up for the row when sent as a return (null when no unit reported a figure). */
  readonly carriedUp: CarriedRollUp | null;
  /** Per unit, in the order of SummaryModel.units. */
  readonly byUnit: UnitFigureList;
  /** Attainment per unit, in the same order. */
  readonly byUnitAttainment: readonly Attainment[];
  /** The target against the previous period (上期值, 环比), when that period is known. */
  readonly previous?: TargetChange;
}

/**
 * A target against the previous period: the aggregate then (by the same roll-up method) and now minus then (in
 * points for a rate: both are in its unit of measure), for the area and for each unit.
 */
export interface TargetChange {
  /** The aggregate of the previous period; null when no unit had a figure. */
  readonly value: number | null;
  /** This period's aggregate minus the previous one, rounded to 2 decimals; null when either is missing. */
  readonly change: number | null;
  /** Each unit's figure then, in the order of SummaryModel.units; null where it had none. */
  readonly byUnit: readonly (number | null)[];
  /** Each unit's figure now minus then, in the same order; null where either is missing. */
  readonly changeByUnit: readonly (number | null)[];
}

/** One task row of 进展: its status per unit. */
export interface TaskProgress {
  readonly key: string;
  readonly taskTitle: string;
  /** Per unit, in the order of SummaryModel.units; null = not given. */
  readonly byUnit: readonly (Status | string | null)[];
  /** How many units gave each status. */
  readonly counts: Readonly<Record<string, number>>;
  /** The task's status one level up (see rollUpStatus), or null when no unit gave one. */
  readonly rolledUp: Status | null;
  /** 存在问题 of the units that named one, "甲县：…；乙县：…". */
  readonly problems: string;
}

/** Status of one figure in the tidy records. */
export type RecordStatus = "ok" | "warning" | "error" | "superseded" | "rejected";

/**
 * The tidy records of a summary: how many, and each in turn. They are made from the returns' entries as they are
 * gone through rather than held, since a thousand returns make a quarter of a million of them.
 */
export interface RecordList extends Iterable<TidyRecord> {
  readonly length: number;
}

/** How many findings there are of each severity. */
export type SeverityCounts = Readonly<Record<Severity, number>>;

/**
 * Findings gone through in turn, with how many there are of each severity. A thousand returns have tens of
 * thousands, and a return's may be read back from disk (see CheckedReturn), so the list reads them each time it is
 * gone through rather than holding them.
 */
export interface FindingList extends Iterable<Finding> {
  readonly length: number;
  readonly counts: SeverityCounts;
}

/** One row of 明细 / --csv / --json records: every figure with its source. */
export interface TidyRecord {
  readonly unit: string;
  readonly key: string;
  /** Task id of the row ("3"); "" for header fields. */
  readonly taskId: string;
  /** Task title. */
  readonly task: string;
  readonly indicator: string;
  readonly field: EntryField;
  readonly value: number | string | null;
  readonly raw: string;
  readonly status: RecordStatus;
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly sha256: string;
}

/** The consolidated summary of the returns of one template. */
export interface SummaryModel {
  readonly spec: TemplateSpec;
  /** The period its targets are compared with (上期值, 环比), when known; see TargetSummary.previous. */
  readonly previousPeriod?: { readonly templateId: string; readonly period: Period };
  /** Units in column order: the unit list first, then units that reported without being on it. */
  readonly units: readonly string[];
  /** The units whose returns were summed. */
  readonly usedUnits: readonly string[];
  readonly targets: readonly TargetSummary[];
  readonly progress: readonly TaskProgress[];
  readonly unitReports: readonly UnitReport[];
  readonly files: readonly FileReport[];
  /** Every figure (明细), made on demand from the returns each time it is gone through (see RecordList). */
  readonly records: RecordList;
  /** Every finding: each return's check findings and the consolidation's own. */
  readonly findings: FindingList;
  /**
   * The summary as a return one level up: entries to write into the entry sheet (aggregated figures of target
   * rows; statuses are left to the consolidating unit).
   */
  readonly asReturn: {
    readonly unit: string;
    readonly values: readonly {
      readonly key: string;
      readonly field: EntryField;
      readonly value: number | string;
    }[];
    /** What each target row carries up besides its figure, by row key (see CarriedRollUp). */
    readonly rollUp: Readonly<Record<string, CarriedRollUp>>;
  };
}

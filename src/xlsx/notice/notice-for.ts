import type { CheckResult } from "../../core/check/types";
import { writeNotice } from "./write-notice";

/** What came of writing a return's correction notice (退回意见), as `check --notice` and the task pane say it. */
export type NoticeOutcome =
  | { readonly kind: "written"; readonly name: string; readonly bytes: Uint8Array }
  /** Only notes (info): nothing for the unit to correct. */
  | { readonly kind: "nothing_to_correct" }
  /** No bytes, or not a return of a template (no identity): there is no copy to mark. */
  | { readonly kind: "unreadable" }
  /** exceljs could not open a workbook the return reader could (odd parts written by another program). */
  | { readonly kind: "not_copied" };

/**
 * The correction notice for a checked return: its own workbook with every problem cell marked and commented and a
 * 问题清单 sheet in front (writeNotice), when there is something to correct. The CLI (`check --notice`) and the
 * task pane's 校验 tab decide the same way.
 */
export async function noticeFor(
  bytes: Uint8Array | null,
  result: CheckResult,
  file: string,
): Promise<NoticeOutcome> {
  if (!result.findings.some((f) => f.severity !== "info")) return { kind: "nothing_to_correct" };
  if (!bytes || !result.identity) return { kind: "unreadable" };
  const notice = await writeNotice(bytes, result, file).catch(() => null);
  return notice ? { kind: "written", name: noticeName(file), bytes: notice } : { kind: "not_copied" };
}

/**
 * File name of a return's correction notice.
 * @example noticeName("returns/东湖区.xlsx") // → "东湖区-退回意见.xlsx"
 */
export function noticeName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}-退回意见.xlsx`;
}

import { noticeFor, type NoticeOutcome } from "../../xlsx/notice/notice-for";
import { checkWorkbook } from "../../xlsx/return/check-workbook";

/**
 * The correction notice (退回意见) for the open workbook's file, as `report-kit check FILE --notice DIR` writes it:
 * the file is checked by the CLI's reader and check engine, and the notice is a marked copy of it. Named after the
 * unit that filled it ("东湖区卫健委-退回意见.xlsx"). Loaded on first use: writing the copy brings exceljs.
 */
export async function noticeOfWorkbook(bytes: Uint8Array, today: string): Promise<NoticeOutcome> {
  const first = checkWorkbook(bytes, "报表.xlsx", { today });
  const unit = first.unit || first.identity?.unit;
  const file = unit ? `${unit}.xlsx` : "报表.xlsx";
  return noticeFor(bytes, unit ? checkWorkbook(bytes, file, { today }) : first, file);
}

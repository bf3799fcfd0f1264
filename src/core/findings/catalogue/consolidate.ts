import type { Catalogue } from "../catalogue-types";
import { changeList } from "./spec-changes";

/** Who has what, in a finding about a spec that disagrees (see spec-changes.ts). */
const MOST_RETURNS = { zh: "多数报表", en: "most returns" };
const THIS_RETURN = { zh: "本报表", en: "this return" };

/** Findings of the consolidate area. Codes are stable: add new ones, never reword or reuse a code. */
export const consolidateMessages = {
  "consolidate.duplicate": {
    severity: "warning",
    text: (d) => ({
      zh: `单位“${d.unit}”重复报送：采用 ${d.kept}（${d.keptWhen}），未采用本文件（${d.when}），原因：${d.why}`,
      en: `Unit "${d.unit}" returned more than once: using ${d.kept} (${d.keptWhen}), not this file (${d.when}); reason: ${d.whyEn}`,
    }),
  },
  "consolidate.missing_unit": {
    severity: "warning",
    text: (d) => ({
      zh: `单位名录中的“${d.unit}”未报送`,
      en: `"${d.unit}" is on the unit list but sent no return`,
    }),
  },
  "consolidate.late": {
    severity: "warning",
    text: (d) => ({
      zh: `单位“${d.unit}”迟报：${d.basis} ${d.date} 晚于截止日期 ${d.deadline}`,
      en: `Unit "${d.unit}" is late: ${d.basisEn} ${d.date} is after the deadline ${d.deadline}`,
    }),
  },
  "consolidate.rejected": {
    severity: "error",
    text: (d) => ({
      zh: `按 --strict 要求，本报表有 ${d.errors} 个错误，未纳入汇总（首个错误：${d.first}）`,
      en: `With --strict, this return has ${d.errors} error(s) and is not consolidated (first: ${d.firstEn})`,
    }),
  },
  "consolidate.unexpected_unit": {
    severity: "warning",
    text: (d) => ({
      zh: `填报单位“${d.unit}”不在单位名录中，已汇总，请核实`,
      en: `Reporting unit "${d.unit}" is not on the unit list; consolidated, please verify`,
    }),
  },
  "consolidate.no_unit": {
    severity: "error",
    text: () => ({
      zh: "报表未填写填报单位，无法确定是哪个单位报送，未纳入汇总",
      en: "The return names no reporting unit, so it cannot be attributed and is not consolidated",
    }),
  },
  "consolidate.other_template": {
    severity: "warning",
    text: (d) => ({
      zh: `本文件属于另一模板“${d.plan}”（${d.period}，${d.templateId}），单独汇总到 ${d.summary}`,
      en: `This file belongs to another template "${d.plan}" (${d.period}, ${d.templateId}); summarised separately in ${d.summary}`,
    }),
  },
  "consolidate.input_not_found": {
    severity: "error",
    text: (d) => ({
      zh: `找不到输入“${d.path}”`,
      en: `Input "${d.path}" does not exist`,
    }),
  },
  "consolidate.input_unreadable": {
    severity: "error",
    text: (d) => ({
      zh: `无法读取文件：${d.reason}`,
      en: `The file could not be read: ${d.reasonEn}`,
    }),
  },
  "consolidate.email_unreadable": {
    severity: "warning",
    text: (d) => ({
      zh: `无法解析邮件文件（${d.reason}），其中的附件未读取`,
      en: `The email could not be read (${d.reasonEn ?? d.reason}); its attachments were not taken`,
    }),
  },
  "consolidate.email_no_workbook": {
    severity: "info",
    text: (d) => ({
      zh: `邮件中没有 .xlsx 附件（附件 ${d.attachments} 个）`,
      en: `The email has no .xlsx attachment (${d.attachments} attachment(s))`,
    }),
  },
  "consolidate.attachment_too_large": {
    severity: "error",
    text: (d) => ({
      zh: `邮件附件过大（约 ${d.size} MB，一封邮件的附件共计上限 ${d.limit} MB），未解码读取。请把报表单独发送，或压缩后再发`,
      en: `The email attachment is too large (about ${d.size} MB; an email's attachments may hold ${d.limit} MB in all); not decoded. Send the return on its own, or zipped`,
    }),
  },
  "consolidate.tnef_unreadable": {
    severity: "warning",
    text: (d) => ({
      zh: `无法从 Outlook 的 winmail.dat 中取出附件（${d.reason}），其中的报表未读取。请对方把邮件格式改为 HTML 或纯文本后重新发送`,
      en: `The attachments could not be taken out of Outlook's winmail.dat (${d.reasonEn}); returns in it were not read. Ask the sender to switch the mail format to HTML or plain text and send again`,
    }),
  },
  "consolidate.nested_too_deep": {
    severity: "error",
    text: (d) => ({
      zh: `压缩包或邮件嵌套过深（超过 ${d.limit} 层），未打开。请把报表直接放在压缩包或邮件中`,
      en: `Archives or emails nested too deep (more than ${d.limit} levels); not opened. Put the returns directly in the archive or email`,
    }),
  },
  "consolidate.unpack_limit": {
    severity: "error",
    text: (d) => ({
      zh: `从“${d.input}”解出的内容已达上限（共 ${d.limit} MB 或 ${d.files} 个文件），从本文件起其余内容未读取，为安全起见`,
      en: `What "${d.input}" unpacks to has reached the limit (${d.limit} MB or ${d.files} files in all); from this file on, the rest was not read, for safety`,
    }),
  },
  "consolidate.text_cut": {
    severity: "warning",
    text: (d) => ({
      zh: `${d.label}（${d.place}）写入汇总表“${d.sheet}”时超过 Excel 单元格上限 ${d.limit} 个字符（该单元格共 ${d.length} 个字符），只保留了前面部分，末尾标有“${d.mark}”；全文见原报表`,
      en: `${d.label} (${d.place}) is more than Excel's ${d.limit} characters a cell where the summary's "${d.sheet}" writes it (${d.length} in that cell): only its start is kept, ending in "${d.mark}"; the full text is in the return`,
    }),
  },
  "consolidate.rows_cut": {
    severity: "warning",
    text: (d) => ({
      zh: `汇总工作簿的“${d.sheet}”有 ${d.rows} 行，超过一张列表 ${d.limit} 行的上限（Excel 一张工作表最多 1048576 行）：只写入了前面部分，最后一行注明其余行数；全部内容见 --json 或 --csv`,
      en: `The summary's "${d.sheet}" has ${d.rows} rows, more than the ${d.limit} a list is given (an Excel sheet holds 1,048,576): only the first are written, the last row saying how many more there are; --json and --csv hold them all`,
    }),
  },
  "consolidate.name_other_unit": {
    severity: "warning",
    text: (d) => ({
      zh: `${d.by}“${d.text}”指向单位“${d.named}”，而报表填的是“${d.unit}”。报表中的单位可以随意改写，请向两个单位核实这份报表是谁报的`,
      en: `The ${d.byEn} "${d.text}" names "${d.named}", but the return says it is "${d.unit}"'s. A return's unit can be rewritten at will: confirm with both units who sent it`,
    }),
  },
  "consolidate.several_sources": {
    severity: "warning",
    text: (d) => ({
      zh: `单位“${d.unit}”的报表收到 ${d.count} 份内容不同的文件：${d.files}。${d.kept ? `汇总采用 ${d.kept}。` : ""}报表中的单位可以随意改写，无法确认每份都出自该单位，请向该单位核实`,
      en: `"${d.unit}"'s return came as ${d.count} files with different content: ${d.files}. ${d.kept ? `${d.kept} is used. ` : ""}A return's unit can be rewritten at will, so it cannot be told that each is the unit's own: confirm with the unit`,
    }),
  },
  "consolidate.no_returns": {
    severity: "error",
    text: (d) => ({
      zh: `在 ${d.files} 个输入文件中没有找到任何填报工作簿，无法汇总`,
      en: `None of the ${d.files} input file(s) is a returned workbook; nothing to consolidate`,
    }),
  },
  "consolidate.unknown_row": {
    severity: "warning",
    text: (d) => ({
      zh: `第 ${d.key} 行不属于模板，其数据列入明细但不参与汇总`,
      en: `Row ${d.key} is not a row of the template; its figures are in 明细 but not summed`,
    }),
  },
  "consolidate.spec_disagrees": {
    severity: "error",
    text: (d) => {
      const list = changeList(d, MOST_RETURNS, THIS_RETURN);
      return {
        zh: `本报表保存的模板内容与同一模板的多数报表不一致（共 ${d.count} 处；${d.returns} 份报表中 ${d.carried} 份为多数的内容），已按多数报表的模板汇总：${list.zh}`,
        en: `The template stored in this return differs from the one most returns of this template carry (${d.count} difference(s); ${d.carried} of ${d.returns} returns carry it); consolidated against theirs: ${list.en}`,
      };
    },
  },
} as const satisfies Catalogue;

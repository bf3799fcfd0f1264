import type { Catalogue } from "../catalogue-types";

const mb = (bytes: string | number | undefined): string => (Number(bytes) / 1024 / 1024).toFixed(1);

/** The formats read besides .xlsx, as a clerk knows them (see WorkbookFormat). */
const FORMAT_ZH: Readonly<Record<string, string>> = {
  xls: " Excel 97-2003（.xls）",
  et: " WPS 表格（.et）",
  ods: " OpenDocument 电子表格（.ods，LibreOffice 的格式）",
  xlsb: " Excel 二进制工作簿（.xlsb）",
};
const FORMAT_EN: Readonly<Record<string, string>> = {
  xls: "an Excel 97-2003 (.xls)",
  et: "a WPS Spreadsheets (.et)",
  ods: "an OpenDocument spreadsheet (.ods, LibreOffice's format)",
  xlsb: "an Excel binary workbook (.xlsb)",
};

/**
 * Findings about a workbook file before anything is read from it (sniffing, safe unzip). Codes are stable: add
 * new ones, never reword or reuse a code. Each is documented in docs/finding-codes.md.
 */
export const fileMessages = {
  "file.not_found": {
    severity: "error",
    text: (d) => ({ zh: `找不到文件“${d.file}”`, en: `File "${d.file}" not found` }),
  },
  "file.empty": {
    severity: "error",
    text: () => ({
      zh: "文件是空的（0 字节），请重新保存后报送",
      en: "The file is empty (0 bytes); save it again",
    }),
  },
  "file.too_large": {
    severity: "error",
    text: (d) => ({
      zh: `文件过大（${mb(d.size)} MB，上限 ${mb(d.limit)} MB），填报表不应这么大，请删除无关的图片或工作表后另存为 .xlsx`,
      en: `File too large (${mb(d.size)} MB, limit ${mb(d.limit)} MB); remove pictures or extra sheets and save as .xlsx`,
    }),
  },
  "file.pdf": {
    severity: "error",
    text: () => ({
      zh: "这是 PDF 文件，不是 Excel 工作簿。请报送填写好的 .xlsx 文件，不要打印或导出为 PDF",
      en: "This is a PDF, not an Excel workbook. Send the filled .xlsx file, not a print or PDF export",
    }),
  },
  "file.image": {
    severity: "error",
    text: (d) => ({
      zh: `这是图片文件（${d.format}），不是 Excel 工作簿。请报送填写好的 .xlsx 文件，不要截图或拍照`,
      en: `This is an image (${d.format}), not an Excel workbook. Send the filled .xlsx file, not a screenshot`,
    }),
  },

  "file.encrypted": {
    severity: "error",
    text: () => ({
      zh: "工作簿设置了打开密码，无法读取。请在 Excel/WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后另存为 .xlsx",
      en: "The workbook is password-protected and cannot be read. Remove the password (File → Info → Protect Workbook → Encrypt with Password) and save as .xlsx",
    }),
  },
  "file.other_format": {
    severity: "info",
    text: (d) => ({
      zh: `这是${FORMAT_ZH[String(d.format)] ?? d.format}文件，已读取并照常校验。以后请尽量用下发的 .xlsx 模板填报并保存为 .xlsx`,
      en: `This is ${FORMAT_EN[String(d.format)] ?? d.format} file; it was read and checked as usual. Please fill in the .xlsx template sent and save as .xlsx`,
    }),
  },
  "file.corrupt_workbook": {
    severity: "error",
    text: (d) => ({
      zh: `文件已损坏，无法作为${FORMAT_ZH[String(d.format)] ?? d.format}读取（${d.detail}）。请在 Excel、WPS 或 LibreOffice 中打开检查，另存为 .xlsx 后重新报送`,
      en: `The file is damaged and cannot be read as ${FORMAT_EN[String(d.format)] ?? d.format} file (${d.detail}). Open it in Excel, WPS or LibreOffice, save as .xlsx and send it again`,
    }),
  },
  "file.ole_unknown": {
    severity: "error",
    text: () => ({
      zh: "这是旧版 Office 复合文档，不是 .xlsx 工作簿。请在 Excel 或 WPS 中另存为 .xlsx",
      en: "This is an old Office compound file, not an .xlsx workbook. Save it as .xlsx in Excel or WPS",
    }),
  },
  "file.corrupt_zip": {
    severity: "error",
    text: (d) => ({
      zh: `文件已损坏或不完整（${d.detail}），可能是下载或邮件附件传输中断。请重新发送原文件`,
      en: `The file is damaged or incomplete (${d.detailEn ?? d.detail}); perhaps a broken download or attachment. Send the file again`,
    }),
  },
  "file.zip_bomb": {
    severity: "error",
    text: (d) => ({
      zh: `文件解压后异常巨大（${d.detail}），为安全起见未读取`,
      en: `The file would expand to an abnormal size (${d.detailEn ?? d.detail}); not read, for safety`,
    }),
  },
  "file.too_many_sheets": {
    severity: "error",
    text: (d) => ({
      zh: `工作簿有超过 ${d.limit} 个工作表，远多于任何填报模板，为安全起见未读取本文件。请用下发的模板重新填报`,
      en: `The workbook has more than ${d.limit} sheets, far more than any template; the file was not read, for safety. Fill in the template sent`,
    }),
  },
  "file.too_many_rows": {
    severity: "error",
    text: (d) => ({
      zh: `工作表“${d.sheet}”有内容的行超过 ${d.limit} 行，远多于任何填报模板，为安全起见未读取本文件。请用下发的模板重新填报`,
      en: `Sheet "${d.sheet}" has more than ${d.limit} rows with content, far more than any template; the file was not read, for safety. Fill in the template sent`,
    }),
  },
  "file.too_many_cells": {
    severity: "error",
    text: (d) => ({
      zh: `工作表“${d.sheet}”有内容的单元格超过 ${d.limit} 个，远多于任何填报模板，为安全起见未读取本文件。请用下发的模板重新填报`,
      en: `Sheet "${d.sheet}" has more than ${d.limit} cells with content, far more than any template; the file was not read, for safety. Fill in the template sent`,
    }),
  },
  "file.cell_too_long": {
    severity: "error",
    text: (d) => ({
      zh: `单元格 ${d.sheet}!${d.cell} 的内容有 ${d.length} 个字符，超过上限 ${d.limit}（Excel 一个单元格最多 32767 个字符），为安全起见未读取本文件`,
      en: `Cell ${d.sheet}!${d.cell} holds ${d.length} characters, over the limit of ${d.limit} (Excel allows 32,767 in a cell); the file was not read, for safety`,
    }),
  },
  "file.too_much_text": {
    severity: "error",
    text: (d) => ({
      zh: `工作表“${d.sheet}”的文字共超过 ${d.limit} 个字符，远多于任何填报模板，为安全起见未读取本文件`,
      en: `Sheet "${d.sheet}" holds more than ${d.limit} characters of text, far more than any template; the file was not read, for safety`,
    }),
  },
  "file.zip_overlap": {
    severity: "error",
    text: (d) => ({
      zh: `压缩包中的文件数据相互重叠（${d.detail}），这是“压缩炸弹”的手法（一段数据被当作许多文件解出），为安全起见未读取`,
      en: `Entries of the archive overlap (${d.detailEn ?? d.detail}), the trick of a zip bomb (one piece of data unpacked as many files); not read, for safety`,
    }),
  },
  "file.not_regular": {
    severity: "error",
    text: (d) => ({
      zh: `这不是普通文件，而是${d.type}，未读取（读取设备或管道可能永远读不完）`,
      en: `This is not a regular file but ${d.typeEn}; not read (a device or pipe may never end)`,
    }),
  },
  "file.xlsm": {
    severity: "warning",
    text: () => ({
      zh: "这是启用宏的工作簿（.xlsm）。宏不会被运行，数据照常读取；请以后另存为 .xlsx 再报送",
      en: "This is a macro-enabled workbook (.xlsm). Macros are never run and the data is read; please save as .xlsx",
    }),
  },
  "file.not_xlsx": {
    severity: "error",
    text: (d) => ({
      zh: `这是一个压缩包${d.format ? `（${d.format}）` : ""}，不是 Excel 工作簿。请报送填写好的 .xlsx 文件`,
      en: `This is a zip archive${d.format ? ` (${d.format})` : ""}, not an Excel workbook. Send the filled .xlsx file`,
    }),
  },
  "file.unknown_format": {
    severity: "error",
    text: () => ({
      zh: "无法识别的文件格式，不是 Excel 工作簿。请报送填写好的 .xlsx 文件",
      en: "Unrecognised file format; not an Excel workbook. Send the filled .xlsx file",
    }),
  },
} as const satisfies Catalogue;

import type { Catalogue } from "../catalogue-types";

/** Findings about reading a plan (parse). */
export const planMessages = {
  "plan.empty": {
    severity: "error",
    text: () => ({ zh: "文件是空的，没有可读取的文字", en: "The file is empty: there is no text to read" }),
  },
  "plan.no_items": {
    severity: "error",
    text: () => ({
      zh: "没有找到编号条目（如“一、”“（一）”“1.”），请确认这是一份工作要点或实施方案",
      en: 'No numbered items (such as "一、", "（一）", "1.") were found; is this a work plan?',
    }),
  },
  "plan.no_items_targets": {
    severity: "warning",
    text: (d) => ({
      zh: `没有找到编号条目（如“一、”“（一）”“1.”），已从正文读出 ${d.count} 个量化目标，它们不属于任何任务；请核对，生成模板前请给条目编号`,
      en: `No numbered items were found; ${d.count} targets were read from the text, belonging to no task. Check them, and number the items before making a template`,
    }),
  },
  "plan.run_together": {
    severity: "warning",
    text: () => ({
      zh: "这份文本没有分段（可能是从网页或 PDF 复制时丢了换行），已按编号拆分为条目，请核对任务是否正确",
      en: "This text has no paragraph breaks (perhaps lost when copied from a web page or PDF); it was split into items at its numbering, so please check the tasks",
    }),
  },
  "plan.json_shape": {
    severity: "error",
    text: (d) => ({
      zh: `任务清单 JSON 的结构不对，应为 ${d.expected}`,
      en: `The task list JSON has the wrong shape; expected ${d.expected}`,
    }),
  },
  "plan.json_bad_task": {
    severity: "error",
    text: (d) => ({
      zh: `任务清单第 ${d.index} 个任务缺少“${d.field}”，已跳过`,
      en: `Task ${d.index} of the task list has no "${d.field}"; skipped`,
    }),
  },
  "plan.json_bad_target": {
    severity: "error",
    text: (d) => ({
      zh: `任务清单第 ${d.index} 个目标无法识别（op 应为 >=、<=、=、between、approx，并给出数值），已跳过`,
      en: `Target ${d.index} of the task list is not valid (op must be >=, <=, =, between or approx, with numbers); skipped`,
    }),
  },
  "plan.json_unknown_task": {
    severity: "error",
    text: (d) => ({
      zh: `任务清单第 ${d.index} 个目标指向不存在的任务“${d.task}”，已跳过`,
      en: `Target ${d.index} of the task list points to task "${d.task}", which does not exist; skipped`,
    }),
  },
  "plan.file_missing": {
    severity: "error",
    text: (d) => ({ zh: `找不到文件“${d.file}”`, en: `File "${d.file}" not found` }),
  },
  "plan.file_folder": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”是文件夹，不是文件。请给出工作要点文件（.txt 或 .docx），如“${d.file}/工作要点.docx”`,
      en: `"${d.file}" is a folder, not a file. Give the plan's file (.txt or .docx), such as "${d.file}/plan.docx"`,
    }),
  },
  "plan.pdf_no_text": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”是扫描件或图片（${d.pages} 页中没有可读取的文字层），无法读出其中的文字。请找到原始的 Word 文件或文字版 PDF，或把正文复制到 .txt 文件`,
      en: `"${d.file}" is a scan or a picture (its ${d.pages} pages have no text layer), so no text can be read from it. Find the original Word file or a text PDF, or paste the text into a .txt file`,
    }),
  },
  "plan.pdf_encrypted": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”设置了打开密码，无法读取。请用密码打开后另存为不加密的 PDF 或 .docx`,
      en: `"${d.file}" is protected by a password and cannot be read. Open it with the password and save it as a PDF without one, or as .docx`,
    }),
  },
  "plan.file_bad_pdf": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”不是可读取的 PDF 文件（文件损坏或不完整），请重新下载或重新导出`,
      en: `"${d.file}" is not a readable PDF (damaged or incomplete); download or export it again`,
    }),
  },
  "plan.pdf_too_many_pages": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”有 ${d.pages} 页，超过上限 ${d.limit} 页，未读取。一份工作要点通常不过几十页：请确认选对了文件`,
      en: `"${d.file}" has ${d.pages} pages, more than the limit of ${d.limit}, and was not read. A work plan seldom runs to more than some tens of pages: check that this is the right file`,
    }),
  },
  "plan.file_bad_doc": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”不是可读取的 Word 97-2003 文档（.doc 文件损坏，或是其他格式的旧版 Office/WPS 文件），请在 Word 或 WPS 中另存为 .docx`,
      en: `"${d.file}" is not a readable Word 97-2003 document (a damaged .doc, or another old Office or WPS format); save it as .docx in Word or WPS`,
    }),
  },
  "plan.file_binary": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”不是文本文件（可能是图片或其他二进制文件），请提供 .txt、.docx、.doc 或 PDF 格式的工作要点`,
      en: `"${d.file}" is not a text file (perhaps an image or other binary); give the plan as .txt, .docx, .doc or PDF`,
    }),
  },
  "plan.too_large": {
    severity: "error",
    text: (d) => ({
      zh: `计划文本过大（${d.size}），上限为 ${d.limit}，未读取。一份工作要点通常不过几十 KB：请确认选对了文件，或分成几份分别读取`,
      en: `The plan's text is too large (${d.size}; the limit is ${d.limit}) and was not read. A work plan is seldom more than some tens of KB: check that this is the right file, or split it and read the parts one by one`,
    }),
  },
  "plan.file_docx_too_large": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”中的内容解压后过大（${d.detail}），为安全起见未解压读取。请确认这是工作要点的 Word 文件；若是，请把正文复制到 .txt 文件再读取`,
      en: `The contents of "${d.file}" would unpack to too much (${d.detailEn ?? d.detail}); for safety it was not unpacked. Check that this is the plan's Word file; if it is, paste its text into a .txt file and read that`,
    }),
  },
  "plan.file_bad_docx": {
    severity: "error",
    text: (d) => ({
      zh: `“${d.file}”不是可读取的 Word 文档（.docx 文件损坏或是其他压缩包），请重新另存为 .docx`,
      en: `"${d.file}" is not a readable Word document (a damaged .docx or another kind of zip); save it again as .docx`,
    }),
  },
} as const satisfies Catalogue;

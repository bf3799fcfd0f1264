import { strToU8, zipSync } from "fflate";

const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escape = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function pack(body: string): Uint8Array {
  const numbering = `<w:numbering ${NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/_rels/document.xml.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
    ),
    "word/numbering.xml": strToU8(numbering),
    "word/document.xml": strToU8(
      `<?xml version="1.0"?><w:document ${NS}><w:body>${body}</w:body></w:document>`,
    ),
  });
}

const paragraph = (t: string, numbered = false) =>
  `<w:p>${numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ""}<w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r></w:p>`;

/** A minimal .docx with one paragraph per line, as Word writes a plan typed without list numbering. */
export function docxOfLines(lines: readonly string[]): Uint8Array {
  return pack(lines.map((l) => paragraph(l)).join(""));
}

/** A minimal .docx: paragraphs, a Word numbered list and a table, as Word writes them. */
export function docx(): Uint8Array {
  const cell = (t: string) => `<w:tc><w:p><w:r><w:t>${escape(t)}</w:t></w:r></w:p></w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join("")}</w:tr>`;
  return pack(
    [
      paragraph("2024年某区医政工作要点"),
      paragraph("加强重点专科建设。新增省级临床重点专科3个以上。", true),
      paragraph("改善医疗服务。患者满意度达到90%以上。", true),
      `<w:tbl>${row("序号", "任务", "责任单位")}${row("1", "做好院感管理。手卫生依从率达到95%", "医政科、院感办")}</w:tbl>`,
    ].join(""),
  );
}

/** A minimal .docx of paragraphs and tables (each a list of rows of cells), with no Word list numbering. */
export function docxOfBlocks(blocks: readonly (string | readonly (readonly string[])[])[]): Uint8Array {
  const cell = (t: string) =>
    `<w:tc><w:p><w:r><w:t xml:space="preserve">${escape(t)}</w:t></w:r></w:p></w:tc>`;
  const table = (rows: readonly (readonly string[])[]) =>
    `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`;
  return pack(blocks.map((b) => (typeof b === "string" ? paragraph(b) : table(b))).join(""));
}

/**
 * Minimal PDFs written byte by byte, for what Chromium does not print: thousands of pages, a page of megabytes of
 * text, a password. Text is drawn in Helvetica (one of PDF's standard fonts, not embedded): ASCII only.
 */
export interface PdfSpec {
  /** Each page's lines of text, drawn top down. */
  readonly pages: readonly (readonly string[])[];
  /** An /Encrypt dictionary whose user password is not empty: opening it asks for a password. */
  readonly password?: boolean;
  /** The text's size in points (12), its lines as far apart plus 2 (pdf.js reads only text inside the page). */
  readonly size?: number;
}

const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

export function makePdf({ pages, password = false, size = 12 }: PdfSpec): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(""); // the page tree, filled in below
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  const kids: string[] = [];
  for (const lines of pages) {
    const content = `BT /F1 ${size} Tf ${size + 2} TL 72 760 Td ${lines.map((l) => `${pdfString(l)} '`).join(" ")} ET`;
    add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`,
    );
    kids.push(`${objects.length} 0 R`);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${kids.length} >>`;
  if (password)
    add(
      `<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> >>`,
    );
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  const encrypt = password
    ? ` /Encrypt ${objects.length} 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>]`
    : "";
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

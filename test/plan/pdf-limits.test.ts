import { MAX_PLAN_BYTES } from "../../src/core/plan/plan-size";
import { decodePlanBytes } from "../../src/plan-file/decode-plan";
import { MAX_PDF_PAGES } from "../../src/plan-file/decode-pdf";
import { makePdf } from "./make-pdf";

/**
 * PDFs that are not plans, or are made to hurt: each is refused with its finding, in bounded time and memory, never
 * with an exception. Times are CPU times (the best of three), the bound generous for a loaded two-core machine.
 */
const pages = (n: number, lines = 3) =>
  Array.from({ length: n }, (_, p) =>
    Array.from({ length: lines }, (_, l) => `${p * lines + l + 1}. Task ${p}-${l}`),
  );

async function codes(bytes: Uint8Array): Promise<string[]> {
  const result = await decodePlanBytes(bytes, "plan.pdf");
  return result.ok ? [] : result.findings.map((f) => f.code);
}

async function cpuTime(run: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    await run();
    const used = process.cpuUsage(start);
    best = Math.min(best, used.user + used.system);
  }
  return best / 1000;
}

describe("hostile and broken PDFs", () => {
  it("reads a PDF of text pages, every line of every page", async () => {
    const result = await decodePlanBytes(makePdf({ pages: pages(3) }), "plan.pdf");
    expect(result.ok && result.text.split("\n")).toEqual(pages(3).flat());
  });

  it("refuses a PDF of more than MAX_PDF_PAGES pages before reading any", async () => {
    const bytes = makePdf({ pages: pages(MAX_PDF_PAGES + 1, 1) });
    const start = Date.now();
    const result = await decodePlanBytes(bytes, "plan.pdf");
    expect(Date.now() - start).toBeLessThan(5000);
    expect(!result.ok && result.findings[0]).toMatchObject({
      code: "plan.pdf_too_many_pages",
      data: { pages: MAX_PDF_PAGES + 1, limit: MAX_PDF_PAGES },
    });
  });

  it("stops reading a page of megabytes of text at the plan's size limit", async () => {
    // (In a 0.05-point font: pdf.js reads only the text inside the page.)
    const line = "1. " + "x".repeat(10_000);
    const bytes = makePdf({
      pages: [Array.from({ length: (MAX_PLAN_BYTES * 2) / line.length }, () => line)],
      size: 0.05,
    });
    expect(await codes(bytes)).toEqual(["plan.too_large"]);
  });

  it("stops at the size limit over many pages too", async () => {
    const line = "1. " + "y".repeat(5_000);
    const bytes = makePdf({ pages: Array.from({ length: 500 }, (_, i) => [`${i}`, line]), size: 0.1 });
    expect(await codes(bytes)).toEqual(["plan.too_large"]);
  });

  it("reads pages in time linear in their number", async () => {
    const small = makePdf({ pages: pages(50) });
    const large = makePdf({ pages: pages(200) });
    const [a, b] = [
      await cpuTime(() => decodePlanBytes(small, "a.pdf")),
      await cpuTime(() => decodePlanBytes(large, "b.pdf")),
    ];
    expect(b / a).toBeLessThan(12);
  });

  it("asks for no password it does not have: an encrypted PDF is a finding", async () => {
    expect(await codes(makePdf({ pages: pages(1), password: true }))).toEqual(["plan.pdf_encrypted"]);
  });

  it("says a broken or cut-off PDF is not readable", async () => {
    const whole = makePdf({ pages: pages(2) });
    expect(await codes(whole.subarray(0, 300))).toEqual(["plan.file_bad_pdf"]);
    expect(await codes(new Uint8Array(Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n")))).toEqual([
      "plan.file_bad_pdf",
    ]);
  });

  it("gives a PDF whose only text is the same line on every page (a running header) as empty", async () => {
    const bytes = makePdf({ pages: Array.from({ length: 4 }, () => ["Health Commission"]) });
    expect(await codes(bytes)).toEqual(["plan.empty"]);
  });
});

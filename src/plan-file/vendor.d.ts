// Types for the parts of untyped packages that the plan reader loads.

declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  /** What pdf.js's "fake worker" runs in the page's own thread (see loadPdfJs). */
  export const WorkerMessageHandler: unknown;
}

declare module "word-extractor/lib/word-ole-extractor" {
  /** word-extractor's reader of Word 97-2003 (OLE compound) files. */
  export default class WordOleExtractor {
    extract(reader: unknown): Promise<{ getBody(options?: { filterUnicode?: boolean }): string }>;
  }
}

declare module "word-extractor/lib/buffer-reader" {
  /** word-extractor's reader over bytes in memory (a Buffer). */
  export default class BufferReader {
    constructor(buffer: Uint8Array);
  }
}

declare module "word-extractor/lib/ole-allocation-table" {
  /** word-extractor's table of a compound file's sector chains (see endLoopingChains). */
  export default class AllocationTable {
    _table: number[];
    getSecIdChain(start: number): number[];
  }
}

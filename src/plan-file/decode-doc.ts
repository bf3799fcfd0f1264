import { planFileFailure, type DecodeResult } from "./decode-result";

/**
 * The text of an old Word (Word 97-2003 .doc) plan, or of a WPS file saved as one, through word-extractor: one line
 * per paragraph, a table's rows as "cell | cell" lines as the .docx reader writes them. word-extractor is loaded
 * when a .doc is read; only its reader of compound files is taken (not its .docx reader, which needs Node's files).
 * A compound file that is no Word document (a .xls, a damaged .doc) gives plan.file_bad_doc.
 */
export async function decodeDoc(bytes: Uint8Array, file: string): Promise<DecodeResult> {
  const fail = (code: "plan.file_bad_doc" | "plan.empty"): DecodeResult => planFileFailure(code, file);
  let body: string;
  try {
    // (word-extractor uses Node's Buffer as a global, from its modules' first lines: in the pane it is the "buffer"
    // package's, set before they are loaded.)
    // (A CommonJS module split into its own chunk of the pane's ES modules is its `default` export only.)
    const loaded = (await import("buffer")) as typeof import("buffer") & {
      default?: typeof import("buffer");
    };
    const { Buffer } = loaded.default ?? loaded;
    (globalThis as { Buffer?: unknown }).Buffer ??= Buffer;
    endLoopingChains((await import("word-extractor/lib/ole-allocation-table")).default);
    const { default: WordOleExtractor } = await import("word-extractor/lib/word-ole-extractor");
    const { default: BufferReader } = await import("word-extractor/lib/buffer-reader");
    const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = (await new WordOleExtractor().extract(reader)).getBody({ filterUnicode: false });
  } catch {
    return fail("plan.file_bad_doc");
  }
  const text = docBodyToText(body);
  return text.trim() ? { ok: true, text, encoding: "doc" } : fail("plan.empty");
}

/**
 * word-extractor follows a chain of sectors through the file's allocation table until the chain's end mark; a chain
 * that comes back to a sector it has passed (a damaged or hostile file) would never end, growing until memory runs
 * out. Its chains are cut where they loop (the reading then fails or reads what it can, as for any damaged file).
 */
function endLoopingChains(table: typeof import("word-extractor/lib/ole-allocation-table").default): void {
  table.prototype.getSecIdChain = function getSecIdChain(start: number): number[] {
    const chain: number[] = [];
    const seen = new Set<number>();
    // (Sector numbers below 0 are marks: -1 free, -2 the chain's end.)
    for (let id = start; id >= 0 && !seen.has(id); id = this._table[id] ?? -2) {
      seen.add(id);
      chain.push(id);
    }
    return chain;
  };
}

/** How many paragraphs one table cell may hold (a row's end is looked for no further down). */
const CELL_PARAGRAPHS = 20;

/**
 * word-extractor's body text as plan text. It ends each table cell, and each row, with a tab (Word's cell mark); a
 * paragraph break inside a cell is a line break like any other. A row is therefore the lines up to one that ends with
 * a tab: its cells are joined with " | " (a cell's paragraphs with a space, as the .docx reader does). A tab inside a
 * paragraph (no row ends within the next few lines) is a space.
 * @example docBodyToText("一、任务\n序号\t指标\t\n1\t孕产妇\n死亡率\t\n") // → "一、任务\n序号 | 指标\n1 | 孕产妇 死亡率"
 */
export function docBodyToText(body: string): string {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let end = i;
    if (line.includes("\t"))
      while (end < lines.length && end - i < CELL_PARAGRAPHS && !lines[end]!.endsWith("\t")) end++;
    if (line.includes("\t") && lines[end]?.endsWith("\t")) {
      const row = lines
        .slice(i, end + 1)
        .join(" ")
        .replace(/\t+$/, "");
      out.push(row.split("\t").map(tidy).join(" | "));
      i = end;
      continue;
    }
    const text = tidy(line);
    if (text) out.push(text);
  }
  return out.join("\n");
}

const tidy = (s: string) => s.replace(/\s+/g, " ").trim();

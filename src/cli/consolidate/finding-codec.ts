import type { Finding, FindingData, Location } from "../../core/findings/types";

/**
 * A return's findings as bytes, for the return spill (see ReturnSpill): a thousand returns have tens of thousands
 * of findings, each with its own message in two languages, which held as objects grew with the count of returns.
 * Read back often (to pick the returns, to mark 明细's figures, for 问题清单), so reading is a decode of each distinct
 * string and a walk over numbers; a general serialiser took several times as long.
 *
 * Layout: the return's distinct strings as one UTF-8 text, then numbers (u32): the strings' lengths in UTF-8 bytes,
 * then per finding its severity, code, location and message as string numbers, and its data as pairs of a key's
 * string number and a value (a string number, or a number kept in the f64 part).
 * @example decodeFindings(encodeFindings(findings)) // → findings, equal and in order
 */
export function encodeFindings(findings: readonly Finding[]): Uint8Array {
  const strings = new Map<string, number>();
  const text: string[] = [];
  const id = (s: string): number => {
    let n = strings.get(s);
    if (n === undefined) {
      strings.set(s, (n = strings.size));
      text.push(s);
    }
    return n;
  };
  const words: number[] = [];
  const numbers: number[] = [];
  words.push(findings.length);
  for (const f of findings) {
    words.push(id(f.severity), id(f.code), id(f.message.zh), id(f.message.en));
    const l = f.location;
    if (l.kind === "plan") {
      words.push(PLAN, l.line, l.column === undefined ? NONE : l.column);
    } else if (l.kind === "cell") {
      words.push(CELL, id(l.file), id(l.sheet), id(l.cell), l.key === undefined ? NONE : id(l.key));
    } else {
      words.push(FILE, id(l.file), l.sheet === undefined ? NONE : id(l.sheet));
    }
    const data = f.data ? Object.entries(f.data) : [];
    words.push(f.data ? data.length : NONE);
    for (const [key, value] of data) {
      if (typeof value === "number") {
        words.push(id(key), NUMBER);
        numbers.push(value);
      } else words.push(id(key), id(value));
    }
  }
  const utf8 = encoder.encode(text.join(""));
  const head = 4 * 4;
  const lengthsAt = head + align8(utf8.length);
  const wordsAt = lengthsAt + 4 * text.length;
  const numbersAt = align8(wordsAt + 4 * words.length);
  const bytes = new Uint8Array(numbersAt + 8 * numbers.length);
  const view = new DataView(bytes.buffer);
  [utf8.length, text.length, words.length, numbers.length].forEach((n, i) => view.setUint32(4 * i, n, true));
  bytes.set(utf8, head);
  new Uint32Array(bytes.buffer, lengthsAt, text.length).set(text.map((t) => Buffer.byteLength(t, "utf8")));
  new Uint32Array(bytes.buffer, wordsAt, words.length).set(words);
  new Float64Array(bytes.buffer, numbersAt, numbers.length).set(numbers);
  return bytes;
}

/** The findings back from encodeFindings's bytes (their buffer may be larger; they must start at its start). */
export function decodeFindings(bytes: Uint8Array): Finding[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const [utf8Length, stringCount, wordCount, numberCount] = [0, 1, 2, 3].map((i) =>
    view.getUint32(4 * i, true),
  ) as [number, number, number, number];
  const head = 4 * 4;
  const lengthsAt = head + align8(utf8Length);
  const wordsAt = lengthsAt + 4 * stringCount;
  const numbersAt = align8(wordsAt + 4 * wordCount);
  // Each string is decoded on its own: slices of one decoded text would each keep the whole text alive, and a
  // finding's message kept by the summary (问题清单's shared strings) then kept its return's every string.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + head, utf8Length);
  const lengths = new Uint32Array(bytes.buffer, bytes.byteOffset + lengthsAt, stringCount);
  const strings: string[] = [];
  for (let i = 0, at = 0; i < stringCount; at += lengths[i++]!)
    strings.push(text.toString("utf8", at, at + lengths[i]!));
  const w = new Uint32Array(bytes.buffer, bytes.byteOffset + wordsAt, wordCount);
  const numbers = new Float64Array(bytes.buffer, bytes.byteOffset + numbersAt, numberCount);
  const findings: Finding[] = [];
  let at = 0;
  let nextNumber = 0;
  const str = () => strings[w[at++]!]!;
  const optional = () => (w[at] === NONE ? (at++, undefined) : str());
  const count = w[at++]!;
  for (let i = 0; i < count; i++) {
    const severity = str() as Finding["severity"];
    const code = str() as Finding["code"];
    const message = { zh: str(), en: str() };
    const kind = w[at++]!;
    let location: Location;
    if (kind === PLAN) {
      const line = w[at++]!;
      const column = w[at++]!;
      location = column === NONE ? { kind: "plan", line } : { kind: "plan", line, column };
    } else if (kind === CELL) {
      const [file, sheet, cell, key] = [str(), str(), str(), optional()];
      location =
        key === undefined ? { kind: "cell", file, sheet, cell } : { kind: "cell", file, sheet, cell, key };
    } else {
      const [file, sheet] = [str(), optional()];
      location = sheet === undefined ? { kind: "file", file } : { kind: "file", file, sheet };
    }
    const pairs = w[at++]!;
    let data: Record<string, string | number> | undefined;
    if (pairs !== NONE) {
      data = {};
      for (let p = 0; p < pairs; p++) {
        const key = str();
        data[key] = w[at] === NUMBER ? (at++, numbers[nextNumber++]!) : str();
      }
    }
    findings.push(
      data
        ? { severity, code, location, message, data: data as FindingData }
        : { severity, code, location, message },
    );
  }
  return findings;
}

const encoder = new TextEncoder();
const align8 = (n: number) => (n + 7) & ~7;

/** Location kinds, and the words that stand for "not there" and "a number follows in the f64 part". */
const PLAN = 0;
const CELL = 1;
const FILE = 2;
const NONE = 0xffffffff;
const NUMBER = 0xfffffffe;

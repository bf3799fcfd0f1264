import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { constants } from "node:zlib";
import { checkInput, type CheckInputOptions } from "./check-input";
import type { TemplateSpec } from "../../core/template/spec";
import { stableHash } from "../../core/template/stable-hash";
import type { CheckedInput, CheckedReturn, ReturnEntry } from "../../core/consolidate/types";
import type { InputItem } from "./gather-inputs";
import { renderBlock, type RenderedBlock, type RenderJob } from "../../xlsx/summary/bulk-rows";
import { encodeFindings } from "./finding-codec";
import { zlibPiece } from "./zlib-compression";

/** What the pool sends a worker: a file to check… */
export interface WorkRequest {
  readonly seq: number;
  readonly item: InputItem;
}

/** …or a block of the summary's bulk rows to render and compress. */
export interface RenderRequest {
  readonly render: number;
  readonly job: RenderJob;
}

const specIds = new WeakMap<TemplateSpec, string>();

/**
 * Names a template's spec between the pool and its workers: its id, version and a hash of its whole content, since
 * returns of one template id may carry different specs (a unit that edited its copy) and each must come back with
 * its own, whichever worker reads it first. Worked out once per spec object (the reader shares one per template).
 */
export function specId(spec: TemplateSpec): string {
  let id = specIds.get(spec);
  if (id === undefined) {
    id = `${spec.templateId}@${spec.specVersion}#${stableHash(JSON.stringify(spec))}`;
    specIds.set(spec, id);
  }
  return id;
}

/**
 * The strings of entries (row keys, task ids, indicators, fields, sheet names, cells, and text values such as a
 * rate's formula or an answer like 按计划推进) repeat from return to return of a template. They cross the thread
 * boundary once: a sender numbers each string the first time it sends it, and the receiver keeps the same list, so
 * an entry travels as nine numbers (plus its value and raw content when these are not text) and the receiver ends
 * up with one copy of each string, without looking any up.
 */
export class StringNumbering {
  private readonly ids = new Map<string, number>();
  private fresh: string[] = [];
  // The string numbered last at each position of a message, and its number: a template's returns list their entries
  // in the same order, so most strings are found by comparing them with the last one there, not by hashing them.
  private readonly lastAt: string[] = [];
  private readonly lastId: number[] = [];

  /** The number of `s`, given at `position` of a message. */
  idAt(position: number, s: string): number {
    if (this.lastAt[position] === s) return this.lastId[position] as number;
    const id = this.id(s);
    this.lastAt[position] = s;
    this.lastId[position] = id;
    return id;
  }

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
      this.fresh.push(s);
    }
    return id;
  }

  /** The strings numbered since the last call, to send along. */
  take(): string[] {
    const fresh = this.fresh;
    this.fresh = [];
    return fresh;
  }
}

/** A return's entries as they cross the thread boundary (see StringNumbering). */
export interface PackedEntries {
  /** Strings numbered for this message, appended to the receiver's list before reading `ids`. */
  readonly strings: readonly string[];
  /**
   * Per entry: key, task, indicator (-1: null), field, kind, sheet, cell, value and raw content, as numbers of
   * strings; the value's and raw content's are -1 when they are not text (then they are in `values` and `raws`).
   */
  readonly ids: Int32Array;
  readonly values: readonly ReturnEntry["value"][];
  readonly raws: readonly ReturnEntry["raw"][];
}

const FIELDS = 9;

export function packEntries(entries: readonly ReturnEntry[], numbering: StringNumbering): PackedEntries {
  const ids = new Int32Array(entries.length * FIELDS);
  const values: ReturnEntry["value"][] = [];
  const raws: ReturnEntry["raw"][] = [];
  entries.forEach((e, i) => {
    const at = i * FIELDS;
    ids[at] = numbering.idAt(at, e.key);
    ids[at + 1] = numbering.idAt(at + 1, e.task);
    ids[at + 2] = e.indicator === null ? -1 : numbering.idAt(at + 2, e.indicator);
    ids[at + 3] = numbering.idAt(at + 3, e.field);
    ids[at + 4] = numbering.idAt(at + 4, e.kind);
    ids[at + 5] = numbering.idAt(at + 5, e.sheet);
    ids[at + 6] = numbering.idAt(at + 6, e.cell);
    const textValue = typeof e.value === "string";
    const textRaw = typeof e.raw === "string";
    ids[at + 7] = textValue ? numbering.idAt(at + 7, e.value as string) : -1;
    ids[at + 8] = textRaw ? numbering.idAt(at + 8, e.raw as string) : -1;
    values.push(textValue ? null : e.value);
    raws.push(textRaw ? null : e.raw);
  });
  return { strings: numbering.take(), ids, values, raws };
}

/** The entries back, with the sender's strings (`known`, the receiver's copy of its numbering, extended here). */
export function unpackEntries(packed: PackedEntries, known: string[]): ReturnEntry[] {
  for (const s of packed.strings) known.push(s);
  const { ids } = packed;
  const entries: ReturnEntry[] = [];
  for (let i = 0, at = 0; at < ids.length; i++, at += FIELDS) {
    const indicator = ids[at + 2]!;
    const value = ids[at + 7]!;
    const raw = ids[at + 8]!;
    entries.push({
      key: known[ids[at]!]!,
      task: known[ids[at + 1]!]!,
      indicator: indicator < 0 ? null : known[indicator]!,
      field: known[ids[at + 3]!] as ReturnEntry["field"],
      kind: known[ids[at + 4]!] as ReturnEntry["kind"],
      value: value < 0 ? (packed.values[i] ?? null) : known[value]!,
      raw: raw < 0 ? (packed.raws[i] ?? null) : known[raw]!,
      sheet: known[ids[at + 5]!]!,
      cell: known[ids[at + 6]!]!,
    });
  }
  return entries;
}

/**
 * A checked return as a worker sends it: entries packed, findings encoded (see encodeFindings), and the spec left out
 * after the first (see specRef).
 */
export type PackedInput =
  | Exclude<CheckedInput, CheckedReturn>
  | (Omit<CheckedReturn, "entries" | "spec" | "findings"> & {
      readonly entries: PackedEntries;
      readonly findings: Uint8Array;
      readonly spec: CheckedReturn["spec"] | null;
    });

/** Marks a worker started by the consolidation pool (the bundle is loaded in the worker with this in workerData). */
export const WORKER_FLAG = "reportKitCheckWorker";

/**
 * When this bundle is loaded inside a pool worker, serve requests: read + check one file at a time and post the
 * plain result back, or render and compress a block of bulk rows. Loaded on the main thread, this does nothing.
 */
export function serveIfWorker(): void {
  const data = workerData as { [WORKER_FLAG]?: true; options?: CheckInputOptions } | null;
  if (isMainThread || !parentPort || !data?.[WORKER_FLAG] || !data.options) return;
  const port = parentPort;
  const options = data.options;
  const sent = new Set<string>();
  const numbering = new StringNumbering();
  port.on("message", (request: WorkRequest | RenderRequest) => {
    if ("render" in request) {
      serveRender(request);
      return;
    }
    try {
      const input = checkInput(request.item, options);
      if (input.kind !== "return") {
        port.postMessage({ seq: request.seq, input });
        return;
      }
      // The spec (tens of KB, the same for every return of a template) crosses the thread boundary once per
      // worker; later replies name it and the pool puts its copy back.
      const id = specId(input.spec);
      const packed: PackedInput = {
        ...input,
        entries: packEntries(input.entries, numbering),
        findings: encodeFindings(input.findings),
        spec: sent.has(id) ? null : input.spec,
      };
      sent.add(id);
      port.postMessage({ seq: request.seq, input: packed, specRef: id }, [
        packed.entries.ids.buffer as ArrayBuffer,
        packed.findings.buffer as ArrayBuffer,
      ]);
    } catch (e) {
      port.postMessage({ seq: request.seq, bug: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

function serveRender(request: RenderRequest): void {
  const port = parentPort!;
  try {
    const { block, styles, level } = request.job;
    const piece = zlibPiece(renderBlock(block, styles), level);
    // zlib's output is the start of a buffer of its own (see zlibPiece), handed over whole without a copy; anything
    // else is copied. The block's arrays go back too, to be reused for a later block (see BlockArrays).
    const own = piece.data.byteOffset === 0 && piece.data.buffer.byteLength >= constants.Z_DEFAULT_CHUNK;
    const data = own ? piece.data : piece.data.slice();
    const done: RenderedBlock = { piece: { ...piece, data }, block };
    port.postMessage({ rendered: request.render, done }, [
      data.buffer as ArrayBuffer,
      block.ends.buffer as ArrayBuffer,
      block.kinds.buffer as ArrayBuffer,
      block.numbers.buffer as ArrayBuffer,
      block.heights.buffer as ArrayBuffer,
    ]);
  } catch (e) {
    port.postMessage({
      rendered: request.render,
      bug: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
  }
}

serveIfWorker();

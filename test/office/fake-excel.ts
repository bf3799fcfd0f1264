/**
 * A small, faithful fake of the part of the Excel JavaScript API that src/office uses. Like Excel, it queues
 * every call on proxy objects and applies the queue only at context.sync(); reading a property that was not
 * loaded (or before the sync that loads it) throws PropertyNotLoaded; a request or a response over 5 MB, counted
 * in UTF-8 bytes (a Chinese character is 3), is rejected as Excel on the web does; a string written to a cell
 * that is not formatted as text is parsed (a leading "=" makes a formula, "001" becomes 1). Errors carry Excel's
 * codes (ItemAlreadyExists, ItemNotFound…) as OfficeExtension.Error does, and a sync that fails has applied the
 * operations queued before the failing one, as Excel does; `failSync` makes a later sync fail that way. It counts
 * syncs and keeps what was written. Runs in Node (jest) and in the browser (the task pane's host shim), so it
 * imports nothing.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { cellAddress, parseRange } from "../../src/office/a1";

export interface FakeCell {
  value: string | number | boolean;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  locked: boolean;
  /** Every other format property set on the cell, by path: "font.italic", "wrapText", "borders.EdgeTop.style"… */
  look: Record<string, unknown>;
}
export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  protected: boolean;
  protectionOptions: Record<string, boolean>;
  validations: { address: string; rule: unknown; prompt?: unknown; errorAlert?: unknown }[];
  charts: { type: string; source: string; title: string; anchor: string }[];
  frozenRows: number;
  columnWidths: Map<string, number>;
  merges: string[];
  frozenColumns: number;
  hiddenColumns: string[];
  rowHeights: Map<string, number>;
  conditionalFormats: { address: string; type: string; formula: string; fill: string; color: string }[];
  pageLayout: Record<string, unknown>;
}
export interface FakeWorkbook {
  sheets: FakeSheet[];
  names: { name: string; formula: string }[];
  structureProtected: boolean;
  activeSheet: string | null;
  selection: string | null;
  /** base64 files opened with Excel.createWorkbook / inserted with insertWorksheetsFromBase64. */
  createdWorkbooks: string[];
  insertedFiles: string[];
}

export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** What Office.js throws: an Error with Excel's code ("ItemAlreadyExists") and a message in words. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

const encoder = new TextEncoder();
/** The size of a payload as it goes over the wire: its JSON in UTF-8. */
export const payloadBytes = (payload: unknown): number => encoder.encode(JSON.stringify(payload)).length;

export function newSheet(name: string): FakeSheet {
  return {
    name, visibility: "Visible", cells: new Map(), protected: false, protectionOptions: {}, validations: [],
    charts: [], frozenRows: 0, columnWidths: new Map(), merges: [], frozenColumns: 0, hiddenColumns: [],
    rowHeights: new Map(), conditionalFormats: [], pageLayout: {},
  }; // prettier-ignore
}
const key = (r: number, c: number): string => `${r},${c}`;
const blankCell = (): FakeCell => ({
  value: "",
  formula: null,
  numberFormat: "General",
  fill: null,
  bold: false,
  locked: true,
  look: {},
});

/** What Excel stores when a value is written to a cell with the given number format. */
function parseInput(v: unknown, format: string): { value: FakeCell["value"]; formula: string | null } {
  if (typeof v !== "string" || format === "@") return { value: v as FakeCell["value"], formula: null };
  if (v.startsWith("'")) return { value: v.slice(1), formula: null };
  if (v.startsWith("=") && v.length > 1) return { value: `#FORMULA(${v})`, formula: v };
  if (/^\s*[-+]?\d+(\.\d+)?\s*$/.test(v)) return { value: Number(v), formula: null };
  return { value: v, formula: null };
}

class PropertyNotLoaded extends FakeOfficeError {
  constructor(what: string) {
    super(
      "PropertyNotLoaded",
      `The property '${what}' is not available. Call load() and context.sync() first.`,
    );
  }
}

type Op = { bytes: number; apply: () => void };

export class FakeExcel {
  readonly workbook: FakeWorkbook;
  syncCount = 0;
  /** The .xlsx the open workbook is, for readDocumentFile (a test sets it; the fake keeps no file of its own). */
  documentFile: Uint8Array | null = null;
  /** Payload size of each sync's request, in UTF-8 bytes. */
  readonly requestBytes: number[] = [];
  /** Size of what each sync's loads returned, in UTF-8 bytes. */
  readonly responseBytes: number[] = [];
  private pending: Op[] = [];
  private response = 0;
  private failure: { atSync: number; afterOps: number; error: FakeOfficeError } | null = null;

  constructor(sheets: FakeSheet[] = [newSheet("Sheet1")]) {
    this.workbook = {
      sheets, names: [], structureProtected: false, activeSheet: sheets[0]?.name ?? null, selection: null,
      createdWorkbooks: [], insertedFiles: [],
    }; // prettier-ignore
  }

  queue(apply: () => void, payload: unknown = null): void {
    this.pending.push({ bytes: payload === null ? 64 : payloadBytes(payload) + 64, apply });
  }

  /** Counts what a load returns towards the current sync's response. */
  respond(data: unknown): void {
    this.response += payloadBytes(data);
  }

  /**
   * Makes the `nth` sync from now (1: the next) fail with Excel's `code` after applying its first `afterOps`
   * operations, as Excel fails a batch part way through (what went before the failing call stays done).
   */
  failSync(nth: number, code: string, afterOps = 0): void {
    this.failure = {
      atSync: this.syncCount + nth,
      afterOps,
      error: new FakeOfficeError(code, `Injected failure (${code}).`),
    };
  }

  async sync(): Promise<void> {
    const ops = this.pending;
    this.pending = [];
    this.syncCount++;
    this.response = 0;
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    this.requestBytes.push(bytes);
    if (bytes > REQUEST_LIMIT_BYTES)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${bytes} bytes).`,
      );
    const failure = this.failure?.atSync === this.syncCount ? this.failure : null;
    if (failure) this.failure = null;
    try {
      ops.forEach((op, i) => {
        if (failure && i === failure.afterOps) throw failure.error;
        op.apply();
      });
      if (failure) throw failure.error;
    } finally {
      this.responseBytes.push(this.response);
    }
    if (this.response > REQUEST_LIMIT_BYTES)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.response} bytes).`,
      );
  }

  sheet(name: string): FakeSheet | undefined {
    return this.workbook.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** Value of a cell as Excel would show it through range.values. */
  cell(sheet: string, address: string): FakeCell {
    const { start } = parseRange(address);
    return this.sheet(sheet)?.cells.get(key(start.row, start.column)) ?? blankCell();
  }

  context(): any {
    return {
      workbook: {
        worksheets: new WorksheetCollection(this),
        names: new NamedItems(this),
        protection: loadable(this, () => ({ protected: this.workbook.structureProtected })),
        insertWorksheetsFromBase64: (base64: string) => {
          const result: { value: string[] } = { value: [] };
          this.queue(() => {
            this.workbook.insertedFiles.push(base64);
            result.value = ["{inserted}"];
          }, base64);
          return result;
        },
      },
      sync: () => this.sync(),
    };
  }

  /** An ExcelHost (src/office/excel-batch.ts) over this fake, supporting ExcelApi up to `maxVersion`. */
  host(maxVersion = "1.8") {
    return {
      run: async <T>(batch: (context: any) => Promise<T>): Promise<T> => batch(this.context()),
      supports: (version: string) => Number(version.split(".")[1]) <= Number(maxVersion.split(".")[1]),
      createWorkbook: async (base64: string) => {
        this.workbook.createdWorkbooks.push(base64);
      },
      documentFile: async (): Promise<Uint8Array> => {
        if (!this.documentFile) throw new Error("the fake workbook has no file (set documentFile)");
        return this.documentFile;
      },
    };
  }
}

/** An object whose listed properties become readable after the sync that follows load(). */
function loadable(fake: FakeExcel, read: () => Record<string, unknown>): any {
  const loaded: Record<string, unknown> = {};
  const target: any = {
    load() {
      fake.queue(() => {
        const data = read();
        fake.respond(data);
        Object.assign(loaded, data);
      });
      return target;
    },
  };
  return new Proxy(target, {
    get(t, p: string) {
      if (p in t) return t[p];
      if (!(p in loaded)) throw new PropertyNotLoaded(p);
      return loaded[p];
    },
  });
}

class NamedItems {
  private loaded: { name: string; formula: string }[] | null = null;
  constructor(private readonly fake: FakeExcel) {}
  load(): this {
    this.fake.queue(() => {
      this.loaded = this.fake.workbook.names.map((n) => ({ ...n }));
      this.fake.respond(this.loaded);
    });
    return this;
  }
  get items() {
    if (!this.loaded) throw new PropertyNotLoaded("names.items");
    return this.loaded;
  }
  private find(name: string) {
    return this.fake.workbook.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
  add(name: string, reference: string): void {
    this.fake.queue(() => {
      if (this.find(name))
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      this.fake.workbook.names.push({ name, formula: reference });
    });
  }
  getItemOrNullObject(name: string) {
    let isNull: boolean | undefined;
    this.fake.queue(() => (isNull = !this.find(name)));
    return {
      get isNullObject(): boolean {
        if (isNull === undefined) throw new PropertyNotLoaded("isNullObject");
        return isNull;
      },
      delete: () =>
        this.fake.queue(() => {
          const item = this.find(name) ?? fail("ItemNotFound", name);
          this.fake.workbook.names.splice(this.fake.workbook.names.indexOf(item), 1);
        }),
    };
  }
}

class WorksheetCollection {
  private loaded: Worksheet[] | null = null;
  constructor(private readonly fake: FakeExcel) {}
  load(): this {
    this.fake.queue(() => {
      this.loaded = this.fake.workbook.sheets.map((s) => new Worksheet(this.fake, () => s, true));
      this.fake.respond(this.fake.workbook.sheets.map((s) => [s.name, s.visibility]));
    });
    return this;
  }
  get items(): Worksheet[] {
    if (!this.loaded) throw new PropertyNotLoaded("worksheets.items");
    return this.loaded;
  }
  add(name: string): Worksheet {
    let created: FakeSheet | undefined;
    this.fake.queue(() => {
      if (this.fake.sheet(name))
        throw new FakeOfficeError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      created = newSheet(name);
      this.fake.workbook.sheets.push(created);
    });
    return new Worksheet(
      this.fake,
      () => created ?? fail("InvalidObjectPath", `sheet ${name} used before the sync that adds it`),
      false,
    );
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.fake, () => this.fake.sheet(name) ?? fail("ItemNotFound", name), false);
  }
  getItemOrNullObject(name: string): Worksheet {
    const sheet = new Worksheet(this.fake, () => this.fake.sheet(name) ?? fail("ItemNotFound", name), false);
    sheet.trackNull(() => !this.fake.sheet(name));
    return sheet;
  }
}

function fail(code: string, what: string): never {
  throw new FakeOfficeError(code, `The requested resource doesn't exist or can't be used: ${what}.`);
}

class Worksheet {
  private nullState: boolean | undefined;
  private loadedProps: Record<string, unknown>;
  readonly protection: any;
  readonly freezePanes: {
    freezeRows: (n: number) => void;
    freezeColumns: (n: number) => void;
    freezeAt: (range: Range) => void;
  };
  readonly pageLayout: any;
  readonly verticalPageBreaks: { add: (at: string) => void };
  readonly charts: { add: (type: string, source: Range, seriesBy: string) => any };

  constructor(
    private readonly fake: FakeExcel,
    readonly model: () => FakeSheet,
    nameKnown: boolean,
  ) {
    this.loadedProps = nameKnown ? { name: model().name, visibility: model().visibility } : {};
    const protection: any = loadable(fake, () => ({
      protected: model().protected,
      options: { ...model().protectionOptions },
    }));
    protection.protect = (options: Record<string, boolean> = {}) =>
      fake.queue(() => {
        if (model().protected)
          throw new FakeOfficeError("InvalidOperation", "The worksheet is already protected.");
        Object.assign(model(), { protected: true, protectionOptions: { ...options } });
      });
    protection.unprotect = () => fake.queue(() => (model().protected = false));
    this.protection = protection;
    this.freezePanes = {
      freezeRows: (n) => fake.queue(() => (model().frozenRows = n)),
      freezeColumns: (n) => fake.queue(() => (model().frozenColumns = n)),
      freezeAt: (range) =>
        fake.queue(() => {
          const { end } = parseRange(range.addressText);
          Object.assign(model(), { frozenRows: end.row + 1, frozenColumns: end.column + 1 });
        }),
    };
    this.pageLayout = recorder((path, v) => fake.queue(() => (model().pageLayout[path] = v)), "", {
      setPrintTitleRows: (rows: string) => fake.queue(() => (model().pageLayout.printTitleRows = rows)),
      setPrintTitleColumns: (columns: string) =>
        fake.queue(() => (model().pageLayout.printTitleColumns = columns)),
    });
    this.verticalPageBreaks = {
      add: (at: string) =>
        fake.queue(() => {
          const breaks = (model().pageLayout.verticalPageBreaks ??= []) as string[];
          breaks.push(at);
        }),
    };
    this.charts = {
      add: (type, source, _seriesBy) => {
        const chart = { type, source: source.addressText, title: "", anchor: "" };
        fake.queue(() => model().charts.push(chart));
        return {
          title: { set text(t: string) { fake.queue(() => (chart.title = t)); } }, // prettier-ignore
          setPosition: (anchor: string) => fake.queue(() => (chart.anchor = anchor)),
        };
      },
    };
  }

  trackNull(isNull: () => boolean): void {
    this.fake.queue(() => (this.nullState = isNull()));
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new PropertyNotLoaded("isNullObject");
    return this.nullState;
  }
  load(): this {
    this.fake.queue(() => {
      if (this.nullState) return;
      this.loadedProps = { name: this.model().name, visibility: this.model().visibility };
      this.fake.respond(this.loadedProps);
    });
    return this;
  }
  /** Deletes the sheet; like Excel, refuses when the workbook's structure is protected or it is the last visible one. */
  delete(): void {
    this.fake.queue(() => {
      const sheet = this.model();
      const { sheets } = this.fake.workbook;
      if (this.fake.workbook.structureProtected)
        throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
      if (sheet.visibility === "Visible" && sheets.filter((s) => s.visibility === "Visible").length === 1)
        throw new FakeOfficeError("InvalidOperation", "A workbook must have at least one visible worksheet.");
      sheets.splice(sheets.indexOf(sheet), 1);
      if (this.fake.workbook.activeSheet === sheet.name)
        this.fake.workbook.activeSheet = sheets[0]?.name ?? null;
    });
  }
  get name(): string {
    if (!("name" in this.loadedProps)) throw new PropertyNotLoaded("worksheet.name");
    return this.loadedProps.name as string;
  }
  get visibility(): string {
    if (!("visibility" in this.loadedProps)) throw new PropertyNotLoaded("worksheet.visibility");
    return this.loadedProps.visibility as string;
  }
  set visibility(v: FakeSheet["visibility"]) {
    this.fake.queue(() => (this.model().visibility = v));
  }
  activate(): void {
    this.fake.queue(() => (this.fake.workbook.activeSheet = this.model().name));
  }
  getRange(address: string): Range {
    return new Range(this.fake, this.model, address);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): Range {
    const range = new Range(this.fake, this.model, () => usedAddress(this.model()));
    range.trackNull(() => usedAddress(this.model()) === null);
    return range;
  }
}

function usedAddress(sheet: FakeSheet): string | null {
  const filled = [...sheet.cells.entries()].filter(([, c]) => c.value !== "" || c.formula);
  if (!filled.length) return null;
  const rc = filled.map(([k]) => k.split(",").map(Number) as [number, number]);
  const r0 = Math.min(...rc.map((x) => x[0]));
  const c0 = Math.min(...rc.map((x) => x[1]));
  const r1 = Math.max(...rc.map((x) => x[0]));
  const c1 = Math.max(...rc.map((x) => x[1]));
  return `${cellAddress(r0, c0)}:${cellAddress(r1, c1)}`;
}

class Range {
  private nullState: boolean | undefined;
  private loadedProps: Record<string, unknown> = {};
  readonly format: any;
  readonly dataValidation: any;
  readonly conditionalFormats: any;

  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: () => FakeSheet,
    private readonly where: string | (() => string | null),
  ) {
    const q = (f: () => void, payload?: unknown) => fake.queue(f, payload ?? null);
    const each = (f: (c: FakeCell) => void) => () => this.cells().forEach(({ cell }) => f(cell));
    let loadedColor: string | undefined;
    const fill = {
      load: () =>
        q(() => {
          loadedColor = this.cells()[0]?.cell.fill ?? "#FFFFFF";
          fake.respond(loadedColor);
        }),
      get color(): string {
        if (loadedColor === undefined) throw new PropertyNotLoaded("fill.color");
        return loadedColor;
      },
      set color(v: string) {
        q(each((c) => (c.fill = v)));
      },
      clear: () => q(each((c) => (c.fill = null))),
    };
    const setLook = (path: string, v: unknown) =>
      q(
        each((c) => {
          c.look[path] = v;
          if (path === "font.bold") c.bold = v as boolean;
        }),
      );
    this.format = recorder(setLook, "", {
      fill,
      protection: { set locked(v: boolean) { q(each((c) => (c.locked = v))); } }, // prettier-ignore
      borders: { getItem: (edge: string) => recorder(setLook, `borders.${edge}.`) },
      set columnWidth(w: number) {
        q(() => sheetWidths(sheet(), addressText(where), w));
      },
      set rowHeight(h: number) {
        q(() => sheet().rowHeights.set(addressText(where)!, h));
      },
    });
    this.conditionalFormats = {
      add: (type: string) => {
        const entry = { address: "", type, formula: "", fill: "", color: "" };
        q(() => this.sheet().conditionalFormats.push({ ...entry, address: this.addressText }));
        const set = (field: keyof typeof entry) => (v: string) =>
          q(() => (this.sheet().conditionalFormats.at(-1)![field] = v));
        return {
          custom: {
            rule: { set formula(v: string) { set("formula")(v); } }, // prettier-ignore
            format: {
              fill: { set color(v: string) { set("fill")(v); } }, // prettier-ignore
              font: { set color(v: string) { set("color")(v); } }, // prettier-ignore
            },
          },
        };
      },
    };
    const validation = (field: string) => (v: unknown) =>
      q(() => {
        const list = this.sheet().validations;
        let entry = list.find((e) => e.address === this.addressText);
        if (!entry) list.push((entry = { address: this.addressText, rule: null }));
        (entry as any)[field] = v;
      }, v);
    this.dataValidation = {
      clear: () =>
        q(
          () =>
            (this.sheet().validations = this.sheet().validations.filter(
              (e) => e.address !== this.addressText,
            )),
        ),
      set rule(v: unknown) { validation("rule")(v); }, // prettier-ignore
      set prompt(v: unknown) { validation("prompt")(v); }, // prettier-ignore
      set errorAlert(v: unknown) { validation("errorAlert")(v); }, // prettier-ignore
    };
  }

  get addressText(): string {
    return addressText(this.where) ?? fail("ItemNotFound", "range has no address");
  }
  private cells(): { r: number; c: number; cell: FakeCell }[] {
    const { start, end } = parseRange(this.addressText);
    const out = [];
    const sheet = this.sheet();
    for (let r = start.row; r <= end.row; r++)
      for (let c = start.column; c <= Math.min(end.column, 200); c++) {
        let cell = sheet.cells.get(key(r, c));
        if (!cell) sheet.cells.set(key(r, c), (cell = blankCell()));
        out.push({ r, c, cell });
      }
    return out;
  }
  private grid<T>(f: (c: FakeCell) => T): T[][] {
    const { start, end } = parseRange(this.addressText);
    const sheet = this.sheet();
    return Array.from({ length: end.row - start.row + 1 }, (_, i) =>
      Array.from({ length: end.column - start.column + 1 }, (_, j) =>
        f(sheet.cells.get(key(start.row + i, start.column + j)) ?? blankCell()),
      ),
    );
  }
  private write2d(values: unknown[][], apply: (cell: FakeCell, v: unknown) => void): void {
    this.fake.queue(() => {
      const { start, end } = parseRange(this.addressText);
      const rows = end.row - start.row + 1;
      const cols = end.column - start.column + 1;
      if (values.length !== rows || values.some((r) => r.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The argument is invalid or missing or has an incorrect format: ${values.length}×${values[0]?.length} values for ${this.addressText}.`,
        );
      const sheet = this.sheet();
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(start.row + i, start.column + j);
          const cell = sheet.cells.get(k) ?? blankCell();
          sheet.cells.set(k, cell);
          apply(cell, v);
        }),
      );
    }, values);
  }
  set values(values: unknown[][]) {
    this.write2d(values, (cell, v) => Object.assign(cell, parseInput(v, cell.numberFormat)));
  }
  get values(): unknown {
    return this.read("values");
  }
  set numberFormat(formats: string[][]) {
    this.write2d(formats, (cell, f) => (cell.numberFormat = String(f)));
  }
  get numberFormat(): unknown {
    return this.read("numberFormat");
  }
  get formulas(): unknown {
    return this.read("formulas");
  }
  get address(): unknown {
    return this.read("address");
  }
  private read(p: string): unknown {
    if (!(p in this.loadedProps)) throw new PropertyNotLoaded(`range.${p}`);
    return this.loadedProps[p];
  }
  trackNull(isNull: () => boolean): void {
    this.fake.queue(() => (this.nullState = isNull()));
  }
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new PropertyNotLoaded("isNullObject");
    return this.nullState;
  }
  load(props: string): this {
    this.fake.queue(() => {
      if (this.nullState) return;
      const all: Record<string, () => unknown> = {
        address: () => `${this.sheet().name}!${this.addressText}`,
        values: () => this.grid((c) => c.value),
        formulas: () => this.grid((c) => c.formula ?? c.value),
        numberFormat: () => this.grid((c) => c.numberFormat),
      };
      for (const p of props.split(",").map((s) => s.trim())) if (all[p]) this.loadedProps[p] = all[p]!();
      this.fake.respond(this.loadedProps);
    });
    return this;
  }
  set columnHidden(v: boolean) {
    this.fake.queue(() => v && this.sheet().hiddenColumns.push(this.addressText));
  }
  merge(_across: boolean): void {
    this.fake.queue(() => this.sheet().merges.push(this.addressText));
  }
  select(): void {
    this.fake.queue(() => (this.fake.workbook.selection = `${this.sheet().name}!${this.addressText}`));
  }
}

function addressText(address: string | (() => string | null)): string | null {
  return typeof address === "string" ? address : address();
}
function sheetWidths(sheet: FakeSheet, address: string | null, width: number): void {
  if (address) sheet.columnWidths.set(address.split(":")[0]!, width);
}

/**
 * An object that records every property set on it (and on nested objects) by path, e.g. font.italic = true →
 * set("font.italic", true). Properties of `own` are used as they are.
 */
function recorder(set: (path: string, v: unknown) => void, prefix: string, own: object = {}): any {
  return new Proxy(own, {
    get(target: any, p: string) {
      if (p in target) return target[p];
      return recorder(set, `${prefix}${p}.`);
    },
    set(target: any, p: string, v: unknown) {
      const d = Object.getOwnPropertyDescriptor(target, p);
      if (d?.set) d.set.call(target, v);
      else set(`${prefix}${p}`, v);
      return true;
    },
  });
}

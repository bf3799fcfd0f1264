import { inflateRawSync } from "node:zlib";
import { buildTemplateSpec } from "../../src/core/template/build-spec";
import { nodeSyncFlush } from "../../src/cli/template/sync-flush";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { DEFINED_NAMES, STATUSES } from "../../src/core/template/spec";
import { rowInputFields } from "../../src/core/template/row-fields";
import { makeCopyWriter } from "../../src/xlsx/template/copy-writer";
import { crc32 } from "../../src/xlsx/template/zip-writer";
import { cellText, readTemplateIdentity } from "../../src/xlsx/template/read-identity";
import { renderTemplate } from "../../src/xlsx/template/render-template";
import { readRowsByKey, sampleSpec, sampleTaskList } from "./helpers";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Reads a zip strictly: every entry inflated with zlib and checked against its stored size and CRC-32. */
function unzipEntries(zip: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const out = new Map<string, Uint8Array>();
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let pos = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    const [crc, csize, size] = [
      view.getUint32(pos + 16, true),
      view.getUint32(pos + 20, true),
      view.getUint32(pos + 24, true),
    ];
    const nameLen = view.getUint16(pos + 28, true);
    const name = new TextDecoder().decode(zip.subarray(pos + 46, pos + 46 + nameLen));
    const local = view.getUint32(pos + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = new Uint8Array(inflateRawSync(zip.subarray(start, start + csize)));
    expect([name, data.length, crc32(data) === crc]).toEqual([name, size, true]);
    out.set(name, data);
    pos += 46 + nameLen + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  return out;
}

const spec = sampleSpec("003_b1280b1a44e49c58", {
  period: "2023年上半年",
  units: ["东湖区卫健委", "西湖区<卫健委>&"],
  deadline: "2023-07-10",
});

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("exceljs template renderer", () => {
  let blank: Uint8Array;
  let copy: Uint8Array;
  beforeAll(async () => {
    blank = await renderTemplate(spec, null);
    copy = await renderTemplate(spec, "东湖区卫健委");
  });

  it("stores the identity and the spec, which read back equal", async () => {
    for (const [bytes, unit] of [
      [blank, null],
      [copy, "东湖区卫健委"],
    ] as const) {
      const back = await readTemplateIdentity(bytes, "t.xlsx");
      if (!back.ok) throw new Error(JSON.stringify(back.findings));
      expect(back.spec).toEqual(JSON.parse(JSON.stringify(spec)));
      expect(back.identity).toEqual({
        templateId: spec.templateId,
        specVersion: spec.specVersion,
        planTitle: spec.plan.title,
        period: "2023年上半年",
        unit,
      });
      expect(back.workbook.getWorksheet(spec.layout.identitySheet)?.state).toBe("veryHidden");
    }
  });

  it("writes every key in the hidden key column, in spec order", async () => {
    const wb = await load(copy);
    expect([...readRowsByKey(wb, spec).keys()]).toEqual(spec.rows.map((r) => r.key));
    const ws = wb.getWorksheet("填报表");
    expect(ws?.getColumn(spec.layout.keyColumn).hidden).toBe(true);
    expect(cellText(ws?.getCell(spec.layout.headerCells.unit ?? "").value ?? null)).toBe("东湖区卫健委");
  });

  it("defines names for the key cells", async () => {
    const wb = await load(copy);
    const names = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(Object.values(DEFINED_NAMES)));
  });

  it("unlocks and validates exactly the input cells, and protects the sheet", async () => {
    const wb = await load(blank);
    const ws = wb.getWorksheet("填报表");
    if (!ws) throw new Error("no sheet");
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const L = spec.layout;
    spec.rows.forEach((row, i) => {
      const r = L.firstDataRow + i;
      const inputs = rowInputFields(row);
      for (const [field, col] of Object.entries(L.columns)) {
        const cell = ws.getCell(`${col}${r}`);
        const isInput = inputs.includes(field as never);
        expect([row.key, field, cell.protection?.locked === false]).toEqual([row.key, field, isInput]);
        if (isInput) expect(cell.dataValidation?.error).toBeTruthy();
      }
    });
    const unit = ws.getCell(L.headerCells.unit ?? "");
    expect(unit.dataValidation?.type).toBe("list");
    expect(unit.dataValidation?.formulae?.[0]).toBe("'_rk_lists'!$B$1:$B$2");
    expect(wb.getWorksheet(L.listsSheet)?.getColumn(1).values.slice(1)).toEqual([...STATUSES]);
    const xml = new TextDecoder().decode(unzipSync(blank)["xl/worksheets/sheet2.xml"]);
    const filledOn = new RegExp(
      `sqref="${L.headerCells.filledOn}"><formula1>(\\d+)</formula1><formula2>(\\d+)</formula2>`,
    );
    // 2023-01-01 and 2024-12-31 as Excel date serials
    expect(filledOn.exec(xml)?.slice(1)).toEqual(["44927", "45657"]);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
  });

  it("computes 完成值 of a rate from 分子/分母 and 是否达标 for every target", async () => {
    const ws = (await load(copy)).getWorksheet("填报表");
    const L = spec.layout;
    const i = spec.rows.findIndex(
      (r) => r.kind === "target" && r.measure === "rate" && r.target.scope === "each",
    );
    const r = L.firstDataRow + i;
    const value = ws?.getCell(`${L.columns.value}${r}`).value as ExcelJS.CellFormulaValue;
    expect(value.formula).toContain(`${L.columns.numerator}${r}/${L.columns.denominator}${r}*`);
    const att = ws?.getCell(`${L.fixedColumns.attainment}${r}`).value as ExcelJS.CellFormulaValue;
    expect(att.formula).toMatch(/"达标","未达标"/);
    const t = spec.rows.findIndex((x) => x.kind === "target" && x.target.scope === "total");
    expect(t).toBeGreaterThan(0);
    const total = ws?.getCell(`${L.fixedColumns.attainment}${L.firstDataRow + t}`)
      .value as ExcelJS.CellFormulaValue;
    expect(total.formula).toContain('"计入合计"');
    expect(total.formula).not.toContain('"未达标"');
  });

  it.each([
    ["with a sync-flushed head (Node)", nodeSyncFlush],
    ["with a stored lead block for the unit's strings (browser)", undefined],
  ])("writes copies %s that equal rendered copies, unit names escaped", async (_, syncFlush) => {
    const write = await makeCopyWriter(spec, syncFlush);
    for (const unit of spec.units) {
      const fast = write(unit);
      const slow = await renderTemplate(spec, unit);
      // Shared-string indices may differ (a unit's name can also be in the lists sheet); cell values may not.
      const [a, b] = [unzipSync(fast), unzipSync(slow)];
      const files = (z: Record<string, Uint8Array>) =>
        Object.keys(z)
          .filter((n) => !n.endsWith("/"))
          .sort();
      expect(files(a)).toEqual(files(b));
      const [wa, wb] = [await load(fast), await load(slow)];
      for (const ws of wb.worksheets) {
        const other = wa.getWorksheet(ws.name);
        ws.eachRow((row, r) =>
          row.eachCell((cell, c) =>
            expect([ws.name, r, c, other?.getCell(r, c).value]).toEqual([ws.name, r, c, cell.value]),
          ),
        );
      }
      const back = await readTemplateIdentity(fast, "copy.xlsx");
      expect(back.ok && back.identity.unit).toBe(unit);
    }
  });

  it("writes copies whose sizes and checksums hold, for templates and unit names of many sizes", async () => {
    for (const tasks of [1, 7, 40, 120, 300]) {
      const list = sampleTaskList("003_b1280b1a44e49c58");
      const many = Array.from({ length: tasks }, (_, i) => ({
        ...list.tasks[i % list.tasks.length],
        id: String(i + 1),
      }));
      const built = buildTemplateSpec(
        { ...list, tasks: many as typeof list.tasks, targets: [] },
        { units: ["甲"] },
      );
      if (!built.ok) throw new Error("spec");
      const writers = [await makeCopyWriter(built.spec, nodeSyncFlush), await makeCopyWriter(built.spec)];
      // A name past 65,535 bytes needs two stored blocks in the browser's copies.
      const units = [
        "乙",
        "县人民医院".repeat(tasks % 13),
        "A&B<C>",
        ...(tasks === 1 ? ["院".repeat(30_000)] : []),
      ];
      for (const [write, unit] of writers.flatMap((w) => units.map((u) => [w, u] as const))) {
        const files = unzipEntries(write(unit));
        const strings = new TextDecoder().decode(files.get("xl/sharedStrings.xml"));
        expect([tasks, unit, strings.endsWith("</sst>"), strings.includes(escape(unit))]).toEqual([
          tasks,
          unit,
          true,
          true,
        ]);
      }
    }
  });

  it("reports a workbook that is not a template", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "x";
    const back = await readTemplateIdentity(new Uint8Array(await wb.xlsx.writeBuffer()), "other.xlsx");
    expect(back.ok ? [] : back.findings.map((f) => f.code)).toEqual(["template.identity_missing"]);
  });
});

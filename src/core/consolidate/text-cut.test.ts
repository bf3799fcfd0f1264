import { makeFinding } from "../findings/make-finding";
import {
  CUT_MARK,
  cutPieces,
  entryCut,
  EXCEL_CELL_CHARACTERS,
  fitCell,
  listCuts,
  messageCuts,
  SUMMARY_LIST_ROWS,
} from "./text-cut";
import type { ReturnEntry } from "./types";

const LIMIT = EXCEL_CELL_CHARACTERS;

const entry = (over: Partial<ReturnEntry>): ReturnEntry => ({
  key: "T1.1",
  task: "1",
  indicator: "床位使用率",
  field: "note",
  kind: "text",
  value: "说明",
  raw: "说明",
  sheet: "填报表",
  cell: "L9",
  ...over,
});

describe("fitCell", () => {
  it("leaves a text of exactly what a cell holds as it is, and marks the end of one a character longer", () => {
    const full = "字".repeat(LIMIT);
    expect(fitCell(full)).toBe(full);
    const cut = fitCell(`${full}字`);
    expect(cut).toHaveLength(LIMIT);
    expect(cut.endsWith(CUT_MARK)).toBe(true);
  });

  it("never splits a character written as two code units", () => {
    const text = "a".repeat(LIMIT - CUT_MARK.length - 1) + "𠀀".repeat(10);
    const cut = fitCell(text);
    expect(cut.length).toBeLessThanOrEqual(LIMIT);
    expect(cut).toBe("a".repeat(LIMIT - CUT_MARK.length - 1) + CUT_MARK);
  });

  it("takes another limit and mark", () => {
    expect(fitCell("甲县：床位不足；乙县：人员不足", 10, "…")).toBe("甲县：床位不足；乙…");
  });
});

describe("cutPieces", () => {
  const half = "问".repeat(20_000);
  it("names the pieces a joined cell cannot hold whole, and none when the whole fits", () => {
    expect(cutPieces(["甲县：少", `乙县：${half}`, `丙县：${half}`, "丁县：少"], "；")).toEqual([2, 3]);
    expect(cutPieces(["甲县：少", `乙县：${half}`], "；")).toEqual([]);
  });
});

describe("the findings of a cut", () => {
  it("an entry longer than a cell holds is named by its file and cell", () => {
    expect(entryCut(entry({}), "东湖区.xlsx")).toBeNull();
    const long = "说".repeat(LIMIT + 1);
    const cut = entryCut(entry({ value: long, raw: long }), "东湖区.xlsx")!;
    expect(cut).toMatchObject({
      code: "consolidate.text_cut",
      severity: "warning",
      location: { kind: "cell", file: "东湖区.xlsx", sheet: "填报表", cell: "L9", key: "T1.1" },
      data: { sheet: "明细", length: LIMIT + 1, limit: LIMIT },
    });
    expect(cut.message.zh).toContain(
      "「床位使用率」完成情况说明（填报表!L9）写入汇总表“明细”时超过 Excel 单元格上限 32767 个字符",
    );
    const status = entryCut(entry({ field: "status", value: null, raw: long }), "东湖区.xlsx")!;
    expect(status.data!.sheet).toBe("明细、进展");
  });

  it("a finding whose message is longer than a cell holds is named where it points", () => {
    const where = { kind: "cell" as const, file: "东湖区.xlsx", sheet: "填报表", cell: "A50" };
    const added = makeFinding("check.row_added", where, { row: 50, got: "加".repeat(LIMIT) });
    const short = makeFinding("check.row_added", where, { row: 50, got: "加" });
    const cuts = messageCuts([short, added], "东湖区.xlsx");
    expect(cuts).toHaveLength(1);
    expect(cuts[0]).toMatchObject({
      location: where,
      data: { label: "问题 check.row_added", sheet: "问题清单" },
    });
  });
});

describe("listCuts", () => {
  const LIMIT = SUMMARY_LIST_ROWS;
  it("names each summary's 明细 and the first summary's 问题清单 when longer than a list is given", () => {
    expect(listCuts([{ file: "汇总.xlsx", records: LIMIT }], LIMIT - 1)).toEqual([]);
    const cuts = listCuts(
      [
        { file: "汇总.xlsx", records: LIMIT + 1 },
        { file: "汇总-rk-2.xlsx", records: 10 },
      ],
      LIMIT,
    );
    expect(cuts.map((f) => [f.code, f.location, f.data!.sheet, f.data!.rows])).toEqual([
      ["consolidate.rows_cut", { kind: "file", file: "汇总.xlsx" }, "明细", LIMIT + 1],
      ["consolidate.rows_cut", { kind: "file", file: "汇总.xlsx" }, "问题清单", LIMIT + 2],
    ]);
  });
});

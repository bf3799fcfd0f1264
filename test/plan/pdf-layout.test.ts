import type { PdfTextItem } from "../../src/plan-file/pdf-lines";
import { foldRadicals } from "../../src/plan-file/pdf-lines";
import { isPageNumber } from "../../src/plan-file/pdf-furniture";
import { pdfPagesToText } from "../../src/plan-file/pdf-text";
import { docBodyToText } from "../../src/plan-file/decode-doc";

/**
 * How the text of a PDF's pages is put back together (pdfPagesToText), on pages built here item by item as pdf.js
 * gives them: an A4 page (595 × 842 points), 16-point text from x = 72 to about 523 (28 characters of CJK a line), a
 * paragraph's first line indented two characters, lines 24 points apart.
 */
const SIZE = 16;
const LEFT = 72;
const PER_LINE = 28;
const TOP = 760;
const PITCH = 24;

/** One item: CJK characters are SIZE wide, others half of it. */
function item(str: string, x: number, y: number, size = SIZE): PdfTextItem {
  const width = Array.from(str).reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? size : size / 2), 0);
  return { str, x, y, width, size };
}

/** A page of paragraphs laid out as a word processor does: wrapped at PER_LINE characters, first lines indented. */
function page(
  paragraphs: readonly string[],
  options: { indent?: boolean; top?: number } = {},
): PdfTextItem[] {
  const items: PdfTextItem[] = [];
  let y = options.top ?? TOP;
  for (const p of paragraphs) {
    const indent = options.indent === false ? 0 : 2;
    let rest = Array.from(p);
    let first = true;
    while (rest.length) {
      const room = PER_LINE - (first ? indent : 0);
      items.push(item(rest.slice(0, room).join(""), LEFT + (first ? indent * SIZE : 0), y));
      rest = rest.slice(room);
      first = false;
      y -= PITCH;
    }
  }
  return items;
}

const LONG =
  "加强基层医疗卫生服务能力建设，推进紧密型县域医共体建设，家庭医生签约服务覆盖率达到75%以上，每个乡镇卫生院至少配备2名全科医生。";

describe("a PDF's pages become plan text", () => {
  it("joins a paragraph's wrapped lines with no space between CJK characters", () => {
    const text = pdfPagesToText([page(["一、重点任务", LONG, "二、保障措施"])]);
    expect(text.split("\n")).toEqual(["一、重点任务", LONG, "二、保障措施"]);
  });

  it("starts a new paragraph at a numbered line even when the paragraphs are not indented", () => {
    const a = "1.提升基层服务能力，乡镇卫生院服务能力达标率达到90%以上，村卫生室标准化建设率达到百分之百。";
    const b =
      "2.推进医共体建设，县域内就诊率达到90%左右，基层就诊率达到65%以上，持续提升群众满意度和获得感。";
    expect(pdfPagesToText([page([a, b], { indent: false })]).split("\n")).toEqual([a, b]);
  });

  it("starts a new paragraph after a line that ends short of the right edge, and at an indented line", () => {
    const lines = ["各市卫生健康委：", "现将工作要点印发给你们，请认真贯彻落实。", LONG];
    expect(pdfPagesToText([page(lines)]).split("\n")).toEqual(lines);
    // Unindented, the short line still ends its paragraph.
    expect(pdfPagesToText([page(lines, { indent: false })]).split("\n")).toEqual(lines);
  });

  it("joins a paragraph that goes on over a page break, past the footer, header and page number", () => {
    const both = page([LONG.repeat(3)]);
    const cut = 4; // lines on the first page
    const first = both.slice(0, cut);
    const second = both.slice(cut).map((i, n) => ({ ...i, y: TOP - n * PITCH }));
    const furniture = (number: string) => [
      item("某某县卫生健康委员会文件", 200, 800, 10),
      item(number, 280, 40, 10),
    ];
    const text = pdfPagesToText([
      [...furniture("— 1 —"), ...first],
      [...furniture("— 2 —"), ...second],
    ]);
    expect(text).toBe(LONG.repeat(3));
  });

  it("reads a page number in the usual forms, and nothing else, as a page number", () => {
    for (const n of [
      "— 3 —",
      "-3-",
      "第3页",
      "第 3 页 共 12 页",
      "3/12",
      "Page 3 of 12",
      "- 12 -",
      "iv",
      "3",
    ])
      expect([n, isPageNumber(n)]).toEqual([n, true]);
    for (const n of ["3.提升能力", "第三章", "2024年", "共3项", "一、"])
      expect([n, isPageNumber(n)]).toEqual([n, false]);
  });

  it("keeps a line that is only on one page's edge (not a running header) and drops a page number at the top", () => {
    const pages = [
      [item("2024年工作要点", 220, TOP, 22), ...page(["一、重点任务"], { top: TOP - 40 })],
      [item("第2页", 280, 800, 10), ...page(["二、保障措施"])],
    ];
    expect(pdfPagesToText(pages).split("\n")).toEqual(["2024年工作要点", "一、重点任务", "二、保障措施"]);
  });

  it("writes a table's rows as cell | cell lines, a wrapped cell's lines joined in their row", () => {
    const row = (y: number, ...cells: [string, number][]) => cells.map(([t, x]) => item(t, x, y));
    const items = [
      ...page(["一、主要指标"]),
      ...row(700, ["序号", 80], ["指标名称", 160], ["目标值", 400]),
      ...row(668, ["1", 80], ["孕产妇死亡率", 160], ["≤10/10万", 400]),
      ...row(644, ["（全市）", 160]),
      ...row(612, ["2", 80], ["婴儿死亡率", 160], ["≤5‰", 400]),
      ...page(["二、保障措施"], { top: 560 }),
    ];
    expect(pdfPagesToText([items]).split("\n")).toEqual([
      "一、主要指标",
      "序号 | 指标名称 | 目标值",
      "1 | 孕产妇死亡率（全市） | ≤10/10万",
      "2 | 婴儿死亡率 | ≤5‰",
      "二、保障措施",
    ]);
  });

  it("puts a space where a Latin word wrapped, none where a number wrapped after a hyphen", () => {
    // A full line sets the right edge (72 + 448); a Latin word or "1-2" does not fit where the next two lines end.
    const full = "推进医疗机构信息系统建设，提升医院服务能力，加强互联互通";
    const a = "，年内完成全部二级以上公立医院信息系统改造及接入HIS";
    const b = "PACS等系统，各县区至少建成智慧医院示范点，首批共建成1-";
    const items = [full, a, b, "2家。"].map((t, i) => item(t, LEFT, TOP - i * PITCH));
    expect(items.map((i) => LEFT + 448 - (i.x + i.width)).slice(0, 3)).toEqual([0, 40, 16]);
    expect(pdfPagesToText([items])).toBe(`${full}${a} ${b}2家。`);
  });

  it("reads overprinted (fake bold) text once and folds CJK radicals to the characters they stand for", () => {
    const items = [
      item("一、卫⽣健康", LEFT, TOP),
      item("一、卫⽣健康", LEFT + 0.5, TOP),
      item("⺠生", LEFT + 200, TOP),
    ];
    expect(pdfPagesToText([items])).toBe("一、卫生健康 | 民生");
    expect(foldRadicals("⼀⼆⻓⻔")).toBe("一二长门");
  });

  it("gives nothing for pages without text", () => {
    expect(pdfPagesToText([[], [item("   ", 10, 10)]])).toBe("");
  });
});

describe("an old Word document's text becomes plan text", () => {
  it("makes a table's cells (each ended by a tab) one row, a cell's paragraphs joined with a space", () => {
    expect(
      docBodyToText("一、任务\n序号\t指标\t目标值\t\n1\t孕产妇死亡率\n（全市）\t≤10/10万\t\n二、其他\n"),
    ).toBe("一、任务\n序号 | 指标 | 目标值\n1 | 孕产妇死亡率 （全市） | ≤10/10万\n二、其他");
  });

  it("keeps empty cells, and reads a tab inside a paragraph as a space", () => {
    expect(docBodyToText("文号：\t\t主题：\t\n索引号：\t123\n1.任务")).toBe(
      "文号： |  | 主题：\n索引号： 123\n1.任务",
    );
  });
});

describe("page headers and footers", () => {
  const at = (text: string, y: number) => item(text, LEFT, y, 10);
  it("drops a running header or footer with the page's number in it, and keeps numbered lines that look alike", () => {
    const pages = [1, 2, 3].map((n) => [
      at(`2024年卫生健康工作要点 — ${n} —`, 800),
      ...page([`${n}.提升能力。`], { top: TOP }),
      at(`第${n}页 共3页`, 40),
    ]);
    expect(pdfPagesToText(pages).split("\n")).toEqual(["1.提升能力。", "2.提升能力。", "3.提升能力。"]);
  });
});

describe("any pages, linear time", () => {
  /** CPU milliseconds of the best of three runs. */
  function cpu(run: () => unknown): number {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  }
  // One endless paragraph of full lines (Latin words and CJK), an endless table, one line of endless items.
  const shapes: Record<string, (n: number) => PdfTextItem[][]> = {
    paragraph: (n) => [
      Array.from({ length: n }, (_, i) =>
        item(`${"加".repeat(27)}${i % 2 ? "A" : "加"}`, LEFT, TOP - i * PITCH),
      ),
    ],
    cells: (n) => [
      Array.from({ length: n }, (_, i) => item("格", LEFT + (i % 20) * 24, TOP - Math.floor(i / 20) * PITCH)),
    ],
    items: (n) => [Array.from({ length: n }, (_, i) => item(i % 3 ? "a" : " ", LEFT + i * 8, TOP))],
  };
  it.each(Object.keys(shapes))("%s: 4 times the items in at most some 4 times the time", (shape) => {
    const make = shapes[shape]!;
    const [small, large] = [make(5_000), make(20_000)];
    const ratio =
      cpu(() => pdfPagesToText(large)) /
      Math.max(
        1,
        cpu(() => pdfPagesToText(small)),
      );
    expect(ratio).toBeLessThan(12);
  });
});

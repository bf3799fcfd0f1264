import { columnPoints, MIN_SCALE, printLayout, withColumnBreaks } from "../../src/xlsx/print-layout";

describe("how wide sheets go on paper", () => {
  it("keeps a sheet that fits at 8 pt on one page width", () => {
    expect(printLayout([7, 22, 26, 9, 7, 7, 56])).toEqual({
      scale: null,
      columnBreaks: [],
      titleColumns: null,
    });
  });

  it("cuts a wide sheet into pages at 8 pt or larger, each section on pages of its own, names repeated", () => {
    const widths = [5, 20, 18, ...Array<number>(16).fill(8), ...Array<number>(40).fill(10)];
    const layout = printLayout(widths, { titleColumns: 3, sections: [20] });
    expect(layout.titleColumns).toBe("A:C");
    expect(layout.scale).toBeGreaterThanOrEqual(MIN_SCALE * 100);
    expect(layout.columnBreaks).toContain(20);
    // Every page, with the repeated names, fits the printable width (A4 landscape less margins) at its scale.
    const names = widths.slice(0, 3).reduce((a, w) => a + columnPoints(w), 0);
    const starts = [4, ...layout.columnBreaks, widths.length + 1];
    for (let i = 0; i + 1 < starts.length; i++) {
      const page = widths.slice(starts[i]! - 1, starts[i + 1]! - 1).reduce((a, w) => a + columnPoints(w), 0);
      expect(((names + page) * layout.scale!) / 100).toBeLessThanOrEqual(784);
    }
  });

  it("puts colBreaks where the schema wants them: after the page setup, before the tables", () => {
    const xml = "<worksheet><sheetData/><pageSetup/><headerFooter/><tableParts/></worksheet>";
    expect(withColumnBreaks(xml, [20, 29])).toBe(
      '<worksheet><sheetData/><pageSetup/><headerFooter/><colBreaks count="2" manualBreakCount="2"><brk id="19" max="1048575" man="1"/><brk id="28" max="1048575" man="1"/></colBreaks><tableParts/></worksheet>',
    );
    expect(withColumnBreaks(xml, [])).toBe(xml);
  });
});

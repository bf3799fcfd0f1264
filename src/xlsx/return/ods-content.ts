import type { SheetLimits, SheetOverLimit } from "./sheet-limits";
import { attributes } from "./xml-text";

/** One table (sheet) of an .ods as its content.xml declares it. */
export interface OdsTable {
  readonly name: string;
  /** table:protected="true": LibreOffice keeps a protected sheet protected in .ods. */
  readonly isProtected: boolean;
  /** Its table style says table:display="false" (a hidden sheet; .ods has no "very hidden"). */
  readonly hidden: boolean;
}

export interface OdsOutline {
  readonly tables: readonly OdsTable[];
  /** The first table past a limit, before SheetJS expands anything. */
  readonly overLimit?: { readonly sheet: string; readonly over: SheetOverLimit };
  /** A formula reaches into another file (LibreOffice writes such a reference as 'file:///…'#$Sheet1.A1). */
  readonly hasExternalLinks: boolean;
}

const TAG =
  /<(table:table|table:table-row|table:table-cell|table:covered-table-cell|style:style|style:table-properties)(?=[\s/>])([^>]*?)(\/?)>/g;
const count = (value: string | undefined): number => {
  const n = Number(value ?? "1");
  return Number.isInteger(n) && n > 0 ? n : 1;
};

/**
 * Reads what SheetJS does not, and bounds what it would build, from an .ods's content.xml (as a byte string, see
 * byteString): each table's name,
 * protection and visibility, whether formulas link to other files, and the rows and cells with content counting
 * their repeats. A repeated cell is one element in the file however many cells it stands for
 * (table:number-columns-repeated="16384" inside table:number-rows-repeated="1000000" is a few bytes), and SheetJS
 * makes an object for each, so the limits are checked here, on the counts, before SheetJS reads the file.
 * @example outlineOds('<table:table table:name="填报表" table:protected="true">…', DEFAULT_SHEET_LIMITS)
 *   // → { tables: [{ name: "填报表", isProtected: true, hidden: false }], hasExternalLinks: false }
 */
export function outlineOds(xml: string, limits: SheetLimits): OdsOutline {
  const hiddenStyles = new Set<string>();
  const tables: { name: string; isProtected: boolean; style: string }[] = [];
  let tableStyle = "";
  let rows = 0;
  let cells = 0;
  let rowRepeat = 1;
  let rowCounted = false;
  let overLimit: OdsOutline["overLimit"];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m && !overLimit; m = TAG.exec(xml)) {
    const a = attributes(m[2] ?? "");
    switch (m[1]) {
      case "style:style":
        tableStyle = a.family === "table" ? (a.name ?? "") : "";
        break;
      case "style:table-properties":
        if (tableStyle && a.display === "false") hiddenStyles.add(tableStyle);
        break;
      case "table:table":
        tables.push({
          name: a.name ?? "",
          isProtected: a.protected === "true",
          style: a["style-name"] ?? "",
        });
        rows = cells = 0;
        break;
      case "table:table-row":
        rowRepeat = count(a["number-rows-repeated"]);
        rowCounted = false;
        break;
      default: {
        // A cell with a value, or with text or anything else inside it, is content; an empty one (style only) not.
        if (a["value-type"] === undefined && m[3] === "/") break;
        cells += rowRepeat * count(a["number-columns-repeated"]);
        if (!rowCounted) rows += rowRepeat;
        rowCounted = true;
        const sheet = tables.at(-1)?.name ?? "";
        if (rows > limits.rows) overLimit = { sheet, over: { kind: "rows", limit: limits.rows } };
        else if (cells > limits.cells) overLimit = { sheet, over: { kind: "cells", limit: limits.cells } };
      }
    }
  }
  return {
    tables: tables.map(({ name, isProtected, style }) => ({
      name,
      isProtected,
      hidden: hiddenStyles.has(style),
    })),
    ...(overLimit ? { overLimit } : {}),
    hasExternalLinks: /table:formula="[^"]*(?:file:|https?:)/.test(xml),
  };
}

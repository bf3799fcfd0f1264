/** Tiny helpers for scanning SpreadsheetML with regular expressions (no DOM, no full parser: speed matters). */

const ENTITIES: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Decodes XML entities and OOXML's _xHHHH_ escapes (used for control characters such as _x000D_).
 * @example decodeXml("A &amp; B_x000D_") // → "A & B\r"
 */
export function decodeXml(text: string): string {
  if (!text.includes("&") && !text.includes("_x")) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
      if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e] ?? m;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Attributes of a start tag's attribute text, by local name (prefixes dropped: r:id → id).
 * @example attributes(' r="D7" s="3" t="s"') // → { r: "D7", s: "3", t: "s" }
 */
export function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? "";
    const local = name.includes(":") && !name.startsWith("xmlns") ? name.slice(name.indexOf(":") + 1) : name;
    out[local] = decodeXml(m[2] ?? m[3] ?? "");
  }
  return out;
}

/**
 * The text of every <t> element inside a fragment (shared string item or inline string), skipping phonetic runs
 * (<rPh>), joined.
 * @example textOf("<r><t>95</t></r><r><t xml:space=\"preserve\">%</t></r>") // → "95%"
 */
export function textOf(fragment: string): string {
  const clean = fragment.includes("rPh")
    ? fragment.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "")
    : fragment;
  let out = "";
  const re = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) out += m[1] ?? "";
  return decodeXml(out);
}

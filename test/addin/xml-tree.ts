/**
 * A minimal XML reader for the manifest tests: elements with attributes and ordered children (comments,
 * processing instructions and text are skipped). Enough for the add-in manifest; not a general parser.
 */
export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export function readXml(text: string): XmlNode {
  const root: XmlNode = { name: "#document", attributes: {}, children: [] };
  const stack: XmlNode[] = [root];
  for (const m of text.matchAll(TOKEN)) {
    const [, closing, opening, attrText, selfClosing] = m;
    const top = stack[stack.length - 1]!;
    if (closing) {
      if (top.name !== closing) throw new Error(`</${closing}> closes <${top.name}>`);
      stack.pop();
    } else if (opening) {
      const attributes: Record<string, string> = {};
      for (const a of (attrText ?? "").matchAll(ATTRIBUTE)) attributes[a[1]!] = unescape(a[2]!);
      const node: XmlNode = { name: opening, attributes, children: [] };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  return root;
}

/** Every element under node (depth first), node included. */
export function allElements(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(allElements)];
}

export const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => localName(c.name) === name);
}

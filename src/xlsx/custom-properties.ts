import type { DocumentProperty } from "../core/template/identity";
import { attributes, xmlText } from "./return/xml-text";

/**
 * Custom document properties (docProps/custom.xml, "文件 › 属性 › 自定义" in Excel and WPS): the second carrier of a
 * template's identity. exceljs neither writes nor keeps them, so the written zip is completed here. Excel,
 * LibreOffice and Gnumeric keep them through .xlsx, .xls (the DocumentSummaryInformation stream) and .ods
 * (meta:user-defined); see docs/template-identity.md.
 */
const PART = "docProps/custom.xml";
const CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
const RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties";
/** The format id every user-defined property carries (MS-OLEPS FMTID_UserDefinedProperties). */
const FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** docProps/custom.xml holding the properties as text (VT_LPWSTR), pid from 2 as the format asks. */
function customXml(properties: readonly DocumentProperty[]): string {
  const items = properties.map(
    ([name, value], i) =>
      `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    `${items.join("")}</Properties>`
  );
}

/**
 * The parts of an unzipped .xlsx with these custom document properties added: docProps/custom.xml, its content type
 * and the package relationship to it (a part already there is replaced).
 */
export function withCustomProperties(
  files: Readonly<Record<string, Uint8Array>>,
  properties: readonly DocumentProperty[],
): Record<string, Uint8Array> {
  const encoder = new TextEncoder();
  const text = (name: string) => new TextDecoder().decode(files[name] ?? new Uint8Array());
  let types = text("[Content_Types].xml");
  if (!types.includes(`PartName="/${PART}"`))
    types = types.replace(
      "</Types>",
      `<Override PartName="/${PART}" ContentType="${CONTENT_TYPE}"/></Types>`,
    );
  let rels = text("_rels/.rels");
  if (!rels.includes(RELATIONSHIP))
    rels = rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdRkCustom" Type="${RELATIONSHIP}" Target="${PART}"/></Relationships>`,
    );
  return {
    ...files,
    "[Content_Types].xml": encoder.encode(types),
    "_rels/.rels": encoder.encode(rels),
    [PART]: encoder.encode(customXml(properties)),
  };
}

/** Where the custom properties are in a package (always this part in the files of Excel, LibreOffice, Gnumeric). */
export const CUSTOM_PROPERTIES_PART = PART;

/**
 * The properties of docProps/custom.xml given as a byte string (one character per byte, as the return reader reads
 * parts), decoded, in document order; any value type as its text.
 * @example readCustomProperties('<Properties …><property fmtid="…" pid="2" name="rk_0001_kind"><vt:lpwstr>report-kit/template</vt:lpwstr></property></Properties>')
 *   // → [["rk_0001_kind", "report-kit/template"]]
 */
export function readCustomProperties(xml: string): DocumentProperty[] {
  const out: DocumentProperty[] = [];
  const re = /<(?:\w+:)?property\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?property>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const name = attributes(m[1] ?? "").name;
    const value = /<(?:\w+:)?(\w+)\b[^>]*>([\s\S]*?)<\/(?:\w+:)?\1>/.exec(m[2] ?? "");
    if (name !== undefined) out.push([name, xmlText(value?.[2] ?? "")]);
  }
  return out;
}

/**
 * The user-defined properties of an .ods (meta.xml's meta:user-defined, where LibreOffice and Gnumeric keep the
 * custom properties of an .xlsx they open), given as a byte string like readCustomProperties.
 * @example readOdsCustomProperties('<meta:user-defined meta:name="rk_0001_kind" meta:value-type="string">report-kit/template</meta:user-defined>')
 *   // → [["rk_0001_kind", "report-kit/template"]]
 */
export function readOdsCustomProperties(metaXml: string): DocumentProperty[] {
  const out: DocumentProperty[] = [];
  const re = /<(?:\w+:)?user-defined\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?user-defined>)/g;
  for (let m = re.exec(metaXml); m; m = re.exec(metaXml)) {
    const name = attributes(m[1] ?? "").name;
    if (name !== undefined) out.push([name, xmlText(m[2] ?? "")]);
  }
  return out;
}

/** FMTID_UserDefinedProperties as stored (a GUID's first three fields little-endian). */
const USER_DEFINED = "05d5cdd59c2e1b10939708002b2cf9ae";
const VT_LPSTR = 0x1e;
const VT_LPWSTR = 0x1f;

/** A Windows code page's decoder (the property set says which; LibreOffice and Gnumeric write UTF-8). */
function decoderOf(codePage: number): TextDecoder {
  const label: Record<number, string> = {
    1200: "utf-16le",
    65001: "utf-8",
    936: "gbk",
    950: "big5",
    1252: "windows-1252",
  };
  try {
    return new TextDecoder(label[codePage] ?? `windows-${codePage}`);
  } catch {
    return new TextDecoder("utf-8");
  }
}

/**
 * The user-defined properties of an .xls (the second property set of its "\u0005DocumentSummaryInformation" stream,
 * MS-OLEPS), text values only; [] for anything it cannot follow (a property set is a few hundred bytes to a few
 * dozen KB, and every offset is checked against its end).
 * @example readOleCustomProperties(stream) // → [["rk_0001_kind", "report-kit/template"], …]
 */
export function readOleCustomProperties(stream: Uint8Array): DocumentProperty[] {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  const ok = (at: number, size: number) => at >= 0 && at + size <= stream.length;
  if (!ok(0, 28) || view.getUint16(0, true) !== 0xfffe) return [];
  const sets = view.getUint32(24, true);
  for (let i = 0; i < Math.min(sets, 4); i++) {
    const at = 28 + i * 20;
    if (!ok(at, 20)) return [];
    const fmtid = Array.from(stream.subarray(at, at + 16), (b) => b.toString(16).padStart(2, "0")).join("");
    if (fmtid === USER_DEFINED) return propertySet(stream, view, view.getUint32(at + 16, true));
  }
  return [];
}

function propertySet(stream: Uint8Array, view: DataView, start: number): DocumentProperty[] {
  const ok = (at: number, size: number) => at >= start && at + size <= stream.length && size >= 0;
  if (!ok(start, 8)) return [];
  const count = Math.min(view.getUint32(start + 4, true), 100_000);
  const offsets = new Map<number, number>();
  for (let i = 0; i < count && ok(start + 8 + i * 8, 8); i++)
    offsets.set(view.getUint32(start + 8 + i * 8, true), start + view.getUint32(start + 12 + i * 8, true));
  const codePageAt = offsets.get(1);
  const codePage =
    codePageAt !== undefined && ok(codePageAt, 6) ? view.getUint16(codePageAt + 4, true) : 1252;
  const decode = decoderOf(codePage);
  const unicode = codePage === 1200;
  const names = new Map<number, string>();
  const dictionary = offsets.get(0);
  if (dictionary !== undefined && ok(dictionary, 4)) {
    let at = dictionary + 4;
    for (let n = view.getUint32(dictionary, true); n > 0 && ok(at, 8); n--) {
      const id = view.getUint32(at, true);
      const bytes = view.getUint32(at + 4, true) * (unicode ? 2 : 1);
      if (!ok(at + 8, bytes)) break;
      names.set(id, decode.decode(stream.subarray(at + 8, at + 8 + bytes)).replace(/\0+$/, ""));
      at += 8 + bytes;
      if (unicode) at += (4 - (bytes % 4)) % 4;
    }
  }
  const out: DocumentProperty[] = [];
  for (const [id, at] of offsets) {
    const name = names.get(id);
    if (id < 2 || name === undefined || !ok(at, 8)) continue;
    const type = view.getUint16(at, true);
    const size = view.getUint32(at + 4, true);
    const bytes = type === VT_LPWSTR ? size * 2 : size;
    if ((type !== VT_LPSTR && type !== VT_LPWSTR) || !ok(at + 8, bytes)) continue;
    const text = type === VT_LPWSTR ? new TextDecoder("utf-16le") : decode;
    out.push([name, text.decode(stream.subarray(at + 8, at + 8 + bytes)).replace(/\0+$/, "")]);
  }
  return out;
}

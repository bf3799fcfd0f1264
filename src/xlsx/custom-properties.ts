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

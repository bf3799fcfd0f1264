import type { TemplateSpec } from "./spec";

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_NAME = 80;

/**
 * A file-name part safe on Windows, macOS and Linux: no \ / : * ? " < > | or control characters, no leading or
 * trailing dots and spaces, not a Windows reserved name, at most 80 characters. Empty → "_".
 * @example safeFileName("东湖区/人民医院: 一院") // → "东湖区_人民医院_ 一院"
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  let s = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "_").replace(/\s+/g, " ");
  s = [...s].slice(0, MAX_NAME).join("");
  s = s.replace(/^[. ]+|[. ]+$/g, "");
  if (!s) return "_";
  return RESERVED.test(s) ? `_${s}` : s;
}

/**
 * The file name of the blank template or a unit's copy.
 * @example templateFileName(spec, null) // → "2024年南昌市医疗管理工作要点-2024年上半年-模板.xlsx"
 * @example templateFileName(spec, "东湖区卫健委") // → "2024年南昌市医疗管理工作要点-2024年上半年-东湖区卫健委.xlsx"
 */
export function templateFileName(spec: TemplateSpec, unit: string | null): string {
  const title = [...(spec.plan.title || "工作要点")].slice(0, 30).join("");
  return `${safeFileName(`${title}-${spec.period.label}`)}-${safeFileName(unit ?? "模板")}.xlsx`;
}

/**
 * File names for the blank template (key null) and every unit's copy, all different even where two unit names
 * only differ in characters a file system refuses or in letter case ("-2", "-3" appended).
 * @example templateFileNames(spec).get("东湖区卫健委") // → "…-2024年上半年-东湖区卫健委.xlsx"
 */
export function templateFileNames(spec: TemplateSpec): ReadonlyMap<string | null, string> {
  const out = new Map<string | null, string>();
  const taken = new Set<string>();
  for (const unit of [null, ...spec.units]) {
    const base = templateFileName(spec, unit).replace(/\.xlsx$/, "");
    let name = `${base}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
    taken.add(name.toLowerCase());
    out.set(unit, name);
  }
  return out;
}

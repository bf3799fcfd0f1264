/** " › " separates the levels of a path shown for a file inside an archive or email: "县区.zip › 东湖区.xlsx". */
export const SEP = " › ";

/**
 * A part's name as given, fit to show as one level of such a path: cut to its last part when it holds a path
 * (C:\报表\东湖区.xlsx), with " › " spelled " > "; "" when it has none.
 * @example partName("C:\\报表\\东湖区.xlsx") // → "东湖区.xlsx"
 */
export function partName(raw: string | null): string {
  const name = (raw ?? "").split(/[\\/]/).pop() ?? "";
  return name.trim() ? name.split(SEP).join(" > ") : "";
}

/**
 * Names made unique within one container, in order: a second "东湖区.xlsx" is "东湖区.xlsx (2)", so each is listed on
 * its own.
 */
export function uniqueNames(): (name: string) => string {
  const seen = new Map<string, number>();
  return (name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count > 1 ? `${name} (${count})` : name;
  };
}

/**
 * The file name at the end of a shown path as Windows sees it: trailing dots and spaces do not count ("x.xlsx." and
 * "x.xlsx " are x.xlsx), lower case.
 * @example baseNameOf("县区.zip › 东湖区.XLSX. ") // → "东湖区.xlsx"
 */
export function baseNameOf(shown: string): string {
  let end = shown.length;
  while (end > 0 && (shown[end - 1] === "." || shown[end - 1] === " ")) end--;
  return shown.slice(0, end).split(SEP).pop()!.split(/[\\/]/).pop()!.toLowerCase();
}

/**
 * The extension of a shown path's file name as Windows sees it (see baseNameOf); "" when it has none.
 * @example extensionOf("东湖区.ZIP. ") // → ".zip"
 */
export function extensionOf(shown: string): string {
  const name = baseNameOf(shown);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot) : "";
}

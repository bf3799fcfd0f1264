import type { Page } from "playwright-core";

/** What the audit found: each problem as "what: where". Empty when the page passes. */
export type AuditProblems = string[];

/**
 * An axe-like check of the page as it stands, run in the browser: ids are unique; every id an aria attribute or a
 * label points at exists; every shown control (input, select, textarea, button, link, tab) has an accessible name;
 * every tab panel is named; there is one main landmark and one level-1 heading; the page has a language.
 * Not all of axe's rules: the ones the pane could break. Names are computed as browsers do for these cases:
 * aria-labelledby, aria-label, a <label for>, a wrapping <label>, then (buttons, links, tabs) the text or title.
 */
export async function auditPage(page: Page): Promise<AuditProblems> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (e: Element): string =>
      `<${e.tagName.toLowerCase()}${e.id ? ` id="${e.id}"` : ""}${e.getAttribute("data-testid") ? ` data-testid="${e.getAttribute("data-testid")}"` : ""}> ${(e.textContent ?? "").trim().slice(0, 30)}`;
    const byId = new Map<string, number>();
    for (const e of document.querySelectorAll("[id]")) byId.set(e.id, (byId.get(e.id) ?? 0) + 1);
    for (const [id, n] of byId) if (n > 1) problems.push(`duplicate id (${n}×): ${id}`);
    const textOfIds = (ids: string): string | null => {
      const parts = ids
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id));
      return parts.some((p) => !p) ? null : parts.map((p) => (p!.textContent ?? "").trim()).join(" ");
    };
    for (const attr of ["aria-labelledby", "aria-describedby", "aria-controls"])
      for (const e of document.querySelectorAll(`[${attr}]`))
        if (textOfIds(e.getAttribute(attr)!) === null)
          problems.push(`${attr} points at a missing id: ${describe(e)}`);
    for (const label of document.querySelectorAll("label[for]"))
      if (!document.getElementById(label.getAttribute("for")!))
        problems.push(`label for a missing id: ${describe(label)}`);

    const nameOf = (e: Element): string => {
      const labelledBy = e.getAttribute("aria-labelledby");
      if (labelledBy) return textOfIds(labelledBy) ?? "";
      const label = e.getAttribute("aria-label");
      if (label?.trim()) return label.trim();
      if (e.id) {
        const forLabel = document.querySelector(`label[for="${CSS.escape(e.id)}"]`);
        if (forLabel?.textContent?.trim()) return forLabel.textContent.trim();
      }
      const wrapping = e.closest("label");
      if (wrapping?.textContent?.trim()) return wrapping.textContent.trim();
      const role = e.getAttribute("role");
      if (e.tagName === "BUTTON" || e.tagName === "A" || role === "tab" || role === "button")
        return (e.textContent ?? "").trim() || (e.getAttribute("title") ?? "").trim();
      return "";
    };
    const shown = (e: Element): boolean => (e as HTMLElement).checkVisibility?.() ?? true;
    const controls = document.querySelectorAll(
      "input:not([type=hidden]), select, textarea, button, a[href], [role=tab], [role=button], [role=progressbar]",
    );
    for (const e of controls)
      if (shown(e) && !nameOf(e)) problems.push(`control without a name: ${describe(e)}`);
    for (const panel of document.querySelectorAll("[role=tabpanel]"))
      if (!nameOf(panel)) problems.push(`tab panel without a name: ${describe(panel)}`);
    const mains = document.querySelectorAll("main, [role=main]").length;
    if (mains !== 1) problems.push(`${mains} main landmarks`);
    const h1 = document.querySelectorAll("h1").length;
    if (h1 !== 1) problems.push(`${h1} level-1 headings`);
    if (!document.documentElement.lang) problems.push("the page has no language");
    return problems;
  });
}

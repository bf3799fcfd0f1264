import type { CheckTools } from "./check/CheckTab";
import type { TemplateTools } from "./plan/template-tools";

/**
 * Where the pane meets the template and check cores and the exceljs adapter. Each is imported on first use
 * (exceljs is large, so it stays out of the pane's initial JavaScript). Returns null while a module is missing.
 */
export async function loadTemplateTools(): Promise<TemplateTools | null> {
  return null;
}

export async function loadCheckTools(): Promise<CheckTools | null> {
  return null;
}

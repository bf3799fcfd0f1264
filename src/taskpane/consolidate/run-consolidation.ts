import type { ConsolidateMessage, ConsolidateRequest } from "./protocol";

/**
 * Consolidates the picked files with the consolidation core and the exceljs adapter (src/core/consolidate,
 * src/xlsx). Until those modules exist this reports "unavailable" rather than doing the work a second way.
 */
export async function runConsolidation(
  _request: ConsolidateRequest,
  _progress: (done: number, total: number) => void,
): Promise<ConsolidateMessage> {
  return { type: "unavailable" };
}

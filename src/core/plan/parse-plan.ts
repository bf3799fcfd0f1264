import type { Finding } from "../findings/types";
import type { TaskList } from "./types";

/** Result of parsing: the task list that could be built, and findings about the text. */
export interface ParseResult {
  readonly taskList: TaskList;
  readonly findings: readonly Finding[];
}

/** Parses plan text into its task list (being written). */
export function parsePlan(_text: string): ParseResult {
  return { taskList: { title: "", year: null, tasks: [], targets: [] }, findings: [] };
}

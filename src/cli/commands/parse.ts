import type { Command } from "commander";
import type { CliContext } from "../context";

/** Registers `report-kit parse FILE [--json]` (being written). */
export function registerParse(_program: Command, _ctx: CliContext): void {}

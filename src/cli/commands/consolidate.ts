import type { Command } from "commander";
import type { CliContext } from "../context";

/** Registers `report-kit consolidate` (not built yet). */
export function registerConsolidate(_program: Command, _ctx: CliContext): void {}

import type { Command } from "commander";
import type { CliContext } from "../context";

/** Registers `report-kit check` (not built yet). */
export function registerCheck(_program: Command, _ctx: CliContext): void {}

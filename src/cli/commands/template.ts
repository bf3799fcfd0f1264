import type { Command } from "commander";
import type { CliContext } from "../context";

/** Registers `report-kit template` (not built yet). */
export function registerTemplate(_program: Command, _ctx: CliContext): void {}

import { renderTemplate } from "../../xlsx/template/render-template";
import type { TemplateRenderer } from "./template-tools";

/** Loaded on first use: it brings exceljs. */
export const renderer: TemplateRenderer = { render: renderTemplate };

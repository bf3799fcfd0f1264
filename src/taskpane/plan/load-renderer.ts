import { templateFileNames } from "../../core/template/file-name";
import type { TemplateSpec } from "../../core/template/spec";
import { makeCopyWriter } from "../../xlsx/template/copy-writer";
import { renderTemplate } from "../../xlsx/template/render-template";
import type { TemplateRenderer } from "./template-tools";

/** Loaded on first use: it brings exceljs. */
export const renderer: TemplateRenderer = {
  render: renderTemplate,
  renderAll: async (spec: TemplateSpec) => {
    const names = templateFileNames(spec);
    const files: Record<string, Uint8Array> = { [names.get(null)!]: await renderTemplate(spec, null) };
    if (spec.units.length) {
      const copyFor = await makeCopyWriter(spec);
      for (const unit of spec.units) files[names.get(unit)!] = copyFor(unit);
    }
    return files;
  },
};

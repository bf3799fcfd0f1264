import { createRoot } from "react-dom/client";
import { officeHost } from "../office/excel-batch";
import { App } from "./App";
import { checkTools, templateTools } from "./core-bridge";
import { createPaneOperations } from "./shell/pane-operations";
import { pickLang } from "./strings";
import { themeFor } from "./theme";

/** Desktop Office's web views ignore download links; Excel on the web (and a plain browser) honour them. */
function downloadsWork(): boolean {
  const platform = Office.context?.platform;
  return !platform || platform === Office.PlatformType.OfficeOnline;
}

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  const ops = createPaneOperations(officeHost(), downloadsWork());
  createRoot(container).render(
    <App
      ops={ops}
      lang={pickLang(Office.context.displayLanguage)}
      theme={themeFor(Office.context.officeTheme?.bodyBackgroundColor)}
      templateTools={templateTools}
      checkTools={checkTools}
      startWorker={() => new Worker("taskpane/consolidate-worker.js")}
    />,
  );
});

import { FluentProvider, Tab, TabList, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { CheckTab, type CheckTools } from "./check/CheckTab";
import { ConsolidateTab } from "./consolidate/ConsolidateTab";
import { PlanTab } from "./plan/PlanTab";
import type { TemplateTools } from "./plan/template-tools";
import type { PaneOperations } from "./shell/pane-operations";
import { StringsContext } from "./shell/strings-context";
import { STRINGS, type Lang } from "./strings";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  tabs: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  // The pane's name, for screen readers' list of headings; Office already shows it above the pane.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  panel: {
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
  },
});

export interface AppProps {
  readonly ops: PaneOperations;
  readonly lang: Lang;
  readonly theme: Theme;
  readonly templateTools: TemplateTools;
  readonly checkTools: CheckTools;
  readonly startWorker: () => Worker;
}

type TabId = "plan" | "check" | "consolidate";

/** The task pane: three tabs over the same core, with Excel reached only through `ops`. */
export function App({ ops, lang, theme, templateTools, checkTools, startWorker }: AppProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  const [tab, setTab] = useState<TabId>("plan");
  const panelId = (id: TabId) => `panel-${id}`;
  const tabId = (id: TabId) => `tab-${id}`;
  const langTag = lang === "zh" ? "zh-CN" : "en-US";
  // The page itself speaks the pane's language: its title and lang (screen readers pick a voice by it).
  useEffect(() => {
    document.documentElement.lang = langTag;
    document.title = s.appTitle;
  }, [langTag, s]);
  return (
    <FluentProvider theme={theme} lang={langTag} className={styles.root}>
      <StringsContext.Provider value={s}>
        <main aria-labelledby="app-title">
          <h1 id="app-title" className={styles.visuallyHidden}>
            {s.appTitle}
          </h1>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, d) => setTab(d.value as TabId)}
            aria-label={s.appTitle}
          >
            <Tab value="plan" id={tabId("plan")} aria-controls={panelId("plan")}>
              {s.tabPlan}
            </Tab>
            <Tab value="check" id={tabId("check")} aria-controls={panelId("check")}>
              {s.tabCheck}
            </Tab>
            <Tab value="consolidate" id={tabId("consolidate")} aria-controls={panelId("consolidate")}>
              {s.tabConsolidate}
            </Tab>
          </TabList>
          {/* Panels stay mounted so that a parsed list or a check result survives switching tabs. */}
          <div
            role="tabpanel"
            id={panelId("plan")}
            aria-labelledby={tabId("plan")}
            hidden={tab !== "plan"}
            className={styles.panel}
          >
            <PlanTab ops={ops} templateTools={templateTools} />
          </div>
          <div
            role="tabpanel"
            id={panelId("check")}
            aria-labelledby={tabId("check")}
            hidden={tab !== "check"}
            className={styles.panel}
          >
            <CheckTab ops={ops} checkTools={checkTools} />
          </div>
          <div
            role="tabpanel"
            id={panelId("consolidate")}
            aria-labelledby={tabId("consolidate")}
            hidden={tab !== "consolidate"}
            className={styles.panel}
          >
            <ConsolidateTab ops={ops} startWorker={startWorker} />
          </div>
        </main>
      </StringsContext.Provider>
    </FluentProvider>
  );
}

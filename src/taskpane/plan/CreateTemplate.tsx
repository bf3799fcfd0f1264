import { Button, Field, Input, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../../core/findings/types";
import type { TaskList } from "../../core/plan/types";
import { FindingList } from "../shell/FindingList";
import type { PaneOperations } from "../shell/pane-operations";
import { useStrings } from "../shell/strings-context";
import { refusalText } from "../shell/describe-failure";
import { useBusy, type Notice } from "../shell/use-busy";
import { UnitListField } from "../shell/UnitListField";
import { readUnitListText } from "../../xlsx/unit-list";
import { NoticeBar } from "../shell/NoticeBar";
import type { TemplateSpec } from "../../core/template/spec";
import type { TemplateTools } from "./template-tools";
import { PreviousField, type OpenedPrevious } from "./PreviousField";
import { withPrevious } from "../../core/period/previous-period";
import { previousMismatch, previousMismatchText } from "../../core/period/same-plan";
import { langOf } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

interface Props {
  readonly taskList: TaskList;
  readonly ops: PaneOperations;
  readonly tools: TemplateTools;
}

/**
 * Period, deadline, unit list and optionally the previous period's summary, then the template: a new workbook, sheets
 * of this one, or a zip of copies (each showing its unit's own previous figures).
 */
export function CreateTemplate({ taskList, ops, tools }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const [period, setPeriod] = useState(taskList.year ? `${taskList.year}年上半年` : "");
  const [deadline, setDeadline] = useState("");
  const [unitsText, setUnitsText] = useState("");
  const [findings, setFindings] = useState<readonly Finding[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** The copies being zipped: files done of the total; total 0 while the worker starts. */
  const [copies, setCopies] = useState<{ done: number; total: number } | null>(null);
  const [previous, setPrevious] = useState<OpenedPrevious | null>(null);
  const { busy, run } = useBusy(setNotice, s);
  // Read as `--units` reads a file: a heading row (单位名称…) is not a unit, and findings name the line shown.
  const unitList = readUnitListText(unitsText);
  const units = unitList.names;

  /** Builds the spec (its findings are shown), then runs the action with it. */
  const withSpec = (action: (spec: TemplateSpec) => Promise<void>) =>
    run(async () => {
      setNotice(null);
      const built = tools.build(taskList, {
        period,
        units,
        unitsFirstRow: unitList.firstRow,
        deadline: deadline || null,
      });
      setFindings(built.findings);
      if (!built.ok) return;
      // The previous period must be the same plan's, earlier (as `template --previous` refuses otherwise).
      const then = previous?.period;
      const why = then && previousMismatch(built.spec, { planKey: then.planKey, period: then.ref.period });
      if (then && why) {
        const text = previousMismatchText(why, then.ref, built.spec)[langOf(s)];
        setNotice({ intent: "error", text: s.previousRefused(previous.file, text) });
        return;
      }
      await action(then ? withPrevious(built.spec, then) : built.spec);
    });

  const createNew = () =>
    withSpec(async (spec) => {
      const renderer = await tools.loadRenderer();
      await ops.openAsNewWorkbook(await renderer.render(spec, null));
      setNotice({ intent: "success", text: s.templateOpened });
    });

  // Written by the Office adapter from the same workbook model the exceljs renderer draws (any ExcelApi ≥ 1.8).
  const insertHere = () =>
    withSpec(async (spec) => {
      const outcome = await ops.writeSheets(tools.sheets(spec, null));
      setNotice(
        outcome.ok
          ? { intent: "success", text: s.templateCreated(outcome.sheets.join("、")) }
          : { intent: "error", text: refusalText(outcome, s) },
      );
    });

  // Written and zipped in a worker, with a progress bar: 200 copies froze the pane for seconds on its own thread.
  const downloadCopies = () =>
    withSpec(async (spec) => {
      setCopies({ done: 0, total: 0 });
      try {
        const zip = await tools.zipCopies(
          spec,
          (done, total) => setCopies({ done, total }),
          previous?.period.figures ?? null,
        );
        ops.download(`${spec.plan.title || "模板"}-${spec.period.label}.zip`, zip, "application/zip");
      } finally {
        setCopies(null);
      }
      setNotice({ intent: "success", text: s.copiesReady(spec.units.length) });
    });

  return (
    <section className={styles.root} aria-label={s.createNewWorkbook}>
      <Field label={s.period} hint={s.periodHint} required>
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} data-testid="period" />
      </Field>
      <Field label={s.deadline}>
        <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
      </Field>
      <UnitListField
        text={unitsText}
        onText={setUnitsText}
        hint={units.length ? s.unitsCount(units.length) : s.unitsHint}
        rows={4}
        busy={busy}
        run={run}
        onFileFindings={setFindings}
        testId="units"
      />
      <PreviousField
        previous={previous}
        onPrevious={setPrevious}
        busy={busy}
        run={run}
        onNotice={setNotice}
        tools={tools}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy || !period.trim()} onClick={createNew}>
          {s.createNewWorkbook}
        </Button>
        <Button disabled={busy || !period.trim()} onClick={insertHere}>
          {s.createInWorkbook}
        </Button>
        <Button
          disabled={busy || !period.trim() || !units.length || !ops.canDownload}
          onClick={downloadCopies}
        >
          {s.downloadCopies}
        </Button>
      </div>
      {copies && (
        <Field
          validationMessage={copies.total ? s.copiesProgress(copies.done, copies.total) : s.copiesStarting}
          validationState="none"
        >
          <ProgressBar
            value={copies.total ? copies.done / copies.total : undefined}
            aria-label={copies.total ? s.copiesProgress(copies.done, copies.total) : s.copiesStarting}
          />
        </Field>
      )}
      {!ops.canDownload && (
        <NoticeBar notice={{ intent: "info", text: s.downloadUnavailable }} live={false} />
      )}
      <NoticeBar notice={notice} />
      <FindingList findings={findings} />
    </section>
  );
}

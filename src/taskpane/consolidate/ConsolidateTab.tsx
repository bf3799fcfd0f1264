import { Button, Field, ProgressBar, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FolderZipRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { Finding } from "../../core/findings/types";
import { hasErrors } from "../../core/findings/make-finding";
import { checkUnitList } from "../../core/template/units";
import { localTime } from "../../xlsx/inputs/local-time";
import { readUnitListText } from "../../xlsx/unit-list";
import { UnitListField } from "../shell/UnitListField";
import { FindingList } from "../shell/FindingList";
import type { PaneOperations } from "../shell/pane-operations";
import { useStrings } from "../shell/strings-context";
import { readFileBytes, useBusy, type Notice } from "../shell/use-busy";
import { NoticeBar } from "../shell/NoticeBar";
import { REQUEST_BUDGET_BYTES } from "../../office/excel-batch";
import { refusalText } from "../shell/describe-failure";
import { consolidateInWorker, type ConsolidateDone } from "./consolidate-in-worker";
import type { ConsolidateRequest } from "./protocol";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
  cancel: { alignSelf: "flex-start" },
});

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface Props {
  readonly ops: PaneOperations;
  /** Starts the consolidation worker (a real Worker in the pane; tests may pass another). */
  readonly startWorker: () => Worker;
}

/** Tab 3, 汇总: picked returns → consolidation in a Web Worker → summary sheets with a chart, or a new workbook. */
export function ConsolidateTab({ ops, startWorker }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const [files, setFiles] = useState<File[]>([]);
  const [unitsText, setUnitsText] = useState("");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ConsolidateDone | null>(null);
  const [findings, setFindings] = useState<readonly Finding[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, run } = useBusy(setNotice, s);
  const picker = useRef<HTMLInputElement>(null);
  const cancel = useRef<AbortController | null>(null);

  const consolidate = () =>
    run(async () => {
      setNotice(null);
      setResult(null);
      // The unit list as `--units` reads and checks it: a heading row is no unit; a blank or repeated name stops.
      const list = readUnitListText(unitsText);
      const units = checkUnitList(list.names, { file: s.units, firstRow: list.firstRow });
      setFindings(units.findings);
      if (hasErrors(units.findings)) return setNotice({ intent: "error", text: s.unitListErrors });
      const request: ConsolidateRequest = {
        files: await Promise.all(
          files.map(async (f) => ({
            name: f.name,
            bytes: await readFileBytes(f),
            lastModified: f.lastModified,
          })),
        ),
        units: units.units,
        today: localTime(new Date()).slice(0, 10),
        labels: {
          chartSheet: s.chartSheet,
          chartTitle: s.chartTitle,
          chartColumns: [s.chartColumnUnit, s.chartColumnRate, s.chartColumnAttained, s.chartColumnMissed],
        },
      };
      setProgress({ done: 0, total: files.length });
      cancel.current = new AbortController();
      // Ends in a result or a WorkerFailure (a worker that does not load, fails or is cancelled), which useBusy
      // turns into a message: the progress bar never stays up on its own.
      const message = await consolidateInWorker(
        startWorker,
        request,
        (done, total) => setProgress({ done, total }),
        cancel.current.signal,
      ).finally(() => {
        cancel.current = null;
        setProgress(null);
      });
      setResult(message);
      setFindings(message.findings);
      setNotice(
        message.summary
          ? { intent: "success", text: s.consolidated(message.returns, message.units) }
          : { intent: "warning", text: s.noReturns },
      );
    });

  const insert = () =>
    run(async () => {
      const outcome = await ops.writeSheets(result!.sheets);
      setNotice(
        outcome.ok
          ? { intent: "success", text: s.summaryInserted(outcome.sheets.join("、")) }
          : { intent: "error", text: refusalText(outcome, s) },
      );
    });

  // Excel.createWorkbook sends the whole file in one request: past Excel on the web's limit it would fail.
  const openNew = () =>
    run(async () => {
      if ((result!.summary!.length * 4) / 3 > REQUEST_BUDGET_BYTES)
        return setNotice({ intent: "warning", text: s.summaryTooLarge });
      await ops.openAsNewWorkbook(result!.summary!);
    });

  return (
    <section className={styles.root} aria-label={s.tabConsolidate}>
      <div className={styles.row}>
        <Button icon={<FolderZipRegular />} disabled={busy} onClick={() => picker.current?.click()}>
          {s.pickReturns}
        </Button>
        <input
          ref={picker}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.xls,.et,.ods,.xlsb,.zip,.eml,.dat,application/zip,message/rfc822,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet"
          data-testid="return-files"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
        <Button appearance="primary" disabled={busy || !files.length} onClick={consolidate}>
          {s.consolidate}
        </Button>
      </div>
      {files.length > 0 && <Text>{s.filesChosen(files.length)}</Text>}
      <UnitListField
        text={unitsText}
        onText={setUnitsText}
        hint={s.unitsOptional}
        rows={3}
        busy={busy}
        run={run}
        onFileFindings={setFindings}
        testId="consolidate-units"
      />
      {progress && (
        <Field validationMessage={s.consolidating(progress.done, progress.total)} validationState="none">
          <ProgressBar
            value={progress.total ? progress.done / progress.total : 0}
            aria-label={s.consolidating(progress.done, progress.total)}
          />
        </Field>
      )}
      {progress && (
        <Button className={styles.cancel} onClick={() => cancel.current?.abort()}>
          {s.cancelConsolidation}
        </Button>
      )}
      {result?.summary && (
        <div className={styles.row}>
          <Button appearance="primary" disabled={busy} onClick={insert}>
            {s.insertSummary}
          </Button>
          <Button disabled={busy} onClick={openNew}>
            {s.openSummary}
          </Button>
          {ops.canDownload && (
            <Button
              disabled={busy}
              onClick={() => ops.download(s.summaryFileName, result.summary!, XLSX_MIME)}
            >
              {s.downloadSummary}
            </Button>
          )}
        </div>
      )}
      <NoticeBar notice={notice} />
      <FindingList findings={findings} showFile />
    </section>
  );
}

import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../../core/findings/types";
import type { HighlightRecord } from "../../office/cells";
import type { UnitReturn } from "../../core/check/unit-return";
import { FindingList } from "../shell/FindingList";
import type { PaneOperations } from "../shell/pane-operations";
import { useStrings } from "../shell/strings-context";
import { useBusy, type Notice } from "../shell/use-busy";
import { NoticeBar } from "../shell/NoticeBar";
import { localTime } from "../../xlsx/inputs/local-time";
import { REQUEST_BUDGET_BYTES } from "../../office/excel-batch";

/** The check engine (src/core/check), applied to the open workbook read as a return in one batched pass. */
export interface CheckTools {
  readonly check: (unitReturn: UnitReturn) => readonly Finding[];
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

interface Props {
  readonly ops: PaneOperations;
  readonly checkTools: CheckTools;
}

/** Tab 2, 校验: check the open workbook, list findings by severity, go to and highlight their cells. */
export function CheckTab({ ops, checkTools }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const [findings, setFindings] = useState<readonly Finding[] | null>(null);
  const [highlights, setHighlights] = useState<HighlightRecord | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, run } = useBusy(setNotice, s);

  const check = () =>
    run(async () => {
      setNotice(null);
      const result = checkTools.check(await ops.readReturn(s.openWorkbook));
      setFindings(result);
      const count = (sev: Finding["severity"]) => result.filter((f) => f.severity === sev).length;
      setNotice(
        result.length
          ? {
              intent: count("error") ? "error" : "warning",
              text: s.checkSummary(count("error"), count("warning"), count("info")),
            }
          : { intent: "success", text: s.checkClean },
      );
    });

  // The correction notice the CLI writes with --notice, from the open workbook's file: checked by the CLI's reader
  // and engine, then a marked copy; downloaded where downloads work, else opened as a new workbook.
  const writeNotice = () =>
    run(async () => {
      setNotice(null);
      const bytes = await ops.readWorkbookFile();
      const { noticeOfWorkbook } = await import("./notice-of-workbook");
      const notice = await noticeOfWorkbook(bytes, localTime(new Date()).slice(0, 10));
      if (notice.kind === "nothing_to_correct") return setNotice({ intent: "info", text: s.noticeNothing });
      if (notice.kind === "unreadable") return setNotice({ intent: "warning", text: s.noticeUnreadable });
      if (notice.kind === "not_copied") return setNotice({ intent: "warning", text: s.noticeNotCopied });
      if (ops.canDownload) {
        ops.download(notice.name, notice.bytes, XLSX_MIME);
        return setNotice({ intent: "success", text: s.noticeDownloaded(notice.name) });
      }
      // Excel.createWorkbook sends the whole file in one request.
      if ((notice.bytes.length * 4) / 3 > REQUEST_BUDGET_BYTES)
        return setNotice({ intent: "warning", text: s.noticeTooLarge });
      await ops.openAsNewWorkbook(notice.bytes);
      setNotice({ intent: "success", text: s.noticeOpened });
    });

  const cellFindings = (findings ?? []).flatMap((f) =>
    f.location.kind === "cell" && f.severity !== "info"
      ? [{ sheet: f.location.sheet, cell: f.location.cell, severity: f.severity }]
      : [],
  );

  return (
    <section className={styles.root} aria-label={s.tabCheck}>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={check}>
          {s.checkWorkbook}
        </Button>
        <Button disabled={busy} onClick={writeNotice}>
          {s.writeNotice}
        </Button>
        <Button
          disabled={busy || !cellFindings.length || highlights !== null}
          onClick={() => run(async () => setHighlights(await ops.highlight(cellFindings)))}
        >
          {s.highlight}
        </Button>
        <Button
          disabled={busy || highlights === null}
          onClick={() =>
            run(async () => {
              await ops.clearHighlights(highlights!);
              setHighlights(null);
            })
          }
        >
          {s.clearHighlight}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={s.checking} />}
      <NoticeBar notice={notice} />
      {findings && (
        <FindingList
          findings={findings}
          onSelectCell={(sheet, cell) =>
            run(async () => {
              // The finding is from the last check; its sheet may have been deleted or renamed since.
              if (!(await ops.selectCell({ sheet, cell })))
                setNotice({ intent: "warning", text: s.sheetGone(sheet, cell) });
            })
          }
        />
      )}
    </section>
  );
}

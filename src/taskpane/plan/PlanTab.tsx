import { Button, Field, Link, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useId, useRef, useState } from "react";
import { parsePlan } from "../../core/plan/parse-plan";
import { FindingList } from "../shell/FindingList";
import type { PaneOperations } from "../shell/pane-operations";
import { useStrings } from "../shell/strings-context";
import { readFileBytes, useBusy, type Notice } from "../shell/use-busy";
import { NoticeBar } from "../shell/NoticeBar";
import type { Finding } from "../../core/findings/types";
import { CreateTemplate } from "./CreateTemplate";
import { keyTargets, type KeyedTaskList } from "./edit-task-list";
import { TaskListEditor } from "./TaskListEditor";
import type { TemplateTools } from "./template-tools";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
  skip: { alignSelf: "flex-start" },
});

interface Props {
  readonly ops: PaneOperations;
  readonly templateTools: TemplateTools;
}

/** The plan files the picker offers (read by their content, whatever their name: see decodePlanBytes). */
const PLAN_FILE_TYPES = [
  ".txt",
  ".md",
  ".docx",
  ".doc",
  ".wps",
  ".pdf",
  "text/plain",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/msword",
  "application/pdf",
].join(",");

/** Tab 1, 生成模板: plan text → reviewed task list → template. */
export function PlanTab({ ops, templateTools }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const [text, setText] = useState("");
  const [review, setReview] = useState<KeyedTaskList | null>(null);
  const [findings, setFindings] = useState<readonly Finding[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, run } = useBusy(setNotice, s);
  const fileInput = useRef<HTMLInputElement>(null);
  const createId = useId();
  // A plan of 40 tasks has some 200 fields: the skip link takes a keyboard user past them to 报告期.
  const skipToCreate = () =>
    document.getElementById(createId)?.querySelector<HTMLInputElement>("input, textarea")?.focus();

  const parse = (planText: string) => {
    const result = parsePlan(planText);
    setFindings(result.findings);
    setReview(keyTargets(result.taskList));
    setNotice(result.taskList.tasks.length ? null : { intent: "warning", text: s.noTasks });
  };

  const openFile = (file: File) =>
    run(async () => {
      // The decoder pulls in mammoth for .docx, pdf.js for PDF, word-extractor for .doc: each loaded on first use, not
      // with the pane. pdf.js's character maps (for PDFs with unembedded CJK fonts) are served beside the pane.
      const { decodePlanBytes } = await import("../../plan-file/decode-plan");
      const decoded = await decodePlanBytes(await readFileBytes(file), file.name, {
        cMapUrl: new URL("taskpane/pdf-cmaps/", document.baseURI).href,
      });
      if (!decoded.ok) {
        setFindings(decoded.findings);
        return;
      }
      setText(decoded.text);
      parse(decoded.text);
    });

  return (
    <section className={styles.root} aria-label={s.tabPlan}>
      <Field label={s.planTextLabel} hint={s.planTextHint}>
        <Textarea
          value={text}
          onChange={(_, d) => setText(d.value)}
          rows={8}
          resize="vertical"
          data-testid="plan-text"
        />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || !text.trim()} onClick={() => parse(text)}>
          {s.parse}
        </Button>
        <Button icon={<DocumentArrowUpRegular />} disabled={busy} onClick={() => fileInput.current?.click()}>
          {s.openPlanFile}
        </Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept={PLAN_FILE_TYPES}
          data-testid="plan-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) openFile(file);
            e.target.value = "";
          }}
        />
      </div>
      <NoticeBar notice={notice} />
      <FindingList findings={findings} />
      {review && review.taskList.tasks.length > 0 && (
        <>
          <Text weight="semibold" as="h2" size={400}>
            {s.taskListTitle(review.taskList.tasks.length, review.taskList.targets.length)}
          </Text>
          <Text>{s.taskListHint}</Text>
          <Link
            href={`#${createId}`}
            className={styles.skip}
            onClick={(e) => {
              e.preventDefault();
              skipToCreate();
            }}
          >
            {s.skipTaskList}
          </Link>
          <TaskListEditor list={review} onChange={setReview} />
          <div id={createId} className={styles.root}>
            <Text weight="semibold" as="h2" size={400}>
              {s.createTitle}
            </Text>
            <CreateTemplate taskList={review.taskList} ops={ops} tools={templateTools} />
          </div>
        </>
      )}
    </section>
  );
}

import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUpRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import { parsePlan } from "../../core/plan/parse-plan";
import type { TaskList } from "../../core/plan/types";
import { FindingList } from "../shell/FindingList";
import type { PaneOperations } from "../shell/pane-operations";
import { useStrings } from "../shell/strings-context";
import { readFileBytes, useBusy, type Notice } from "../shell/use-busy";
import type { Finding } from "../../core/findings/types";
import { CreateTemplate } from "./CreateTemplate";
import { TaskListEditor } from "./TaskListEditor";
import type { TemplateTools } from "./template-tools";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
});

interface Props {
  readonly ops: PaneOperations;
  readonly templateTools: TemplateTools;
}

/** Tab 1, 生成模板: plan text → reviewed task list → template. */
export function PlanTab({ ops, templateTools }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const [text, setText] = useState("");
  const [taskList, setTaskList] = useState<TaskList | null>(null);
  const [findings, setFindings] = useState<readonly Finding[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { busy, run } = useBusy(setNotice, s);
  const fileInput = useRef<HTMLInputElement>(null);

  const parse = (planText: string) => {
    const result = parsePlan(planText);
    setFindings(result.findings);
    setTaskList(result.taskList);
    setNotice(result.taskList.tasks.length ? null : { intent: "warning", text: s.noTasks });
  };

  const openFile = (file: File) =>
    run(async () => {
      // The decoder pulls in mammoth for .docx: loaded on first use, not with the pane.
      const { decodePlanBytes } = await import("../../plan-file/decode-plan");
      const decoded = await decodePlanBytes(await readFileBytes(file), file.name);
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
          accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          data-testid="plan-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) openFile(file);
            e.target.value = "";
          }}
        />
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role="status" layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <FindingList findings={findings} />
      {taskList && taskList.tasks.length > 0 && (
        <>
          <Text weight="semibold" as="h2" size={400}>
            {s.taskListTitle(taskList.tasks.length, taskList.targets.length)}
          </Text>
          <Text>{s.taskListHint}</Text>
          <TaskListEditor taskList={taskList} onChange={setTaskList} />
          <CreateTemplate taskList={taskList} ops={ops} tools={templateTools} />
        </>
      )}
    </section>
  );
}

import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import type { Finding } from "../../core/findings/types";
import { readUnitListBytes } from "../../xlsx/unit-list";
import { HiddenFileInput } from "./HiddenFileInput";
import { useStrings } from "./strings-context";
import { readFileBytes } from "./use-busy";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  open: { alignSelf: "flex-start" },
});

interface Props {
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly hint: string;
  readonly rows: number;
  readonly busy: boolean;
  /** Runs the file reading as a pane action (one at a time, failures said). */
  readonly run: (action: () => Promise<void>) => void;
  /** Why a unit list file could not be read (none when it was). */
  readonly onFileFindings: (findings: readonly Finding[]) => void;
  readonly testId?: string;
}

/**
 * The unit list (单位名录) of a tab: typed or pasted, or opened from a .txt/.csv (UTF-8 or GBK) or .xlsx file with the
 * CLI's reader (readUnitListBytes, as `--units` reads it). Whatever is shown is then read like such a file
 * (readUnitListText): first column, a heading row left out.
 */
export function UnitListField({ text, onText, hint, rows, busy, run, onFileFindings, testId }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const open = (file: File) =>
    run(async () => {
      const list = await readUnitListBytes(await readFileBytes(file), file.name);
      onFileFindings(list.ok ? [] : list.findings);
      if (list.ok) onText(list.names.join("\n"));
    });
  return (
    <div className={styles.root}>
      <Field label={s.units} hint={hint}>
        <Textarea value={text} onChange={(_, d) => onText(d.value)} rows={rows} data-testid={testId} />
      </Field>
      <Button className={styles.open} disabled={busy} onClick={() => picker.current?.click()}>
        {s.openUnitsFile}
      </Button>
      <HiddenFileInput
        inputRef={picker}
        accept=".txt,.csv,.xlsx,text/plain,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId={testId ? `${testId}-file` : undefined}
        onFile={open}
      />
    </div>
  );
}

import { Button, Label, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef } from "react";
import type { PreviousPeriod } from "../../core/period/types";
import { HiddenFileInput } from "../shell/HiddenFileInput";
import { useStrings } from "../shell/strings-context";
import { langOf } from "../strings";
import { readFileBytes, type Notice } from "../shell/use-busy";
import type { TemplateTools } from "./template-tools";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** The previous period's figures and the file they were read from. */
export interface OpenedPrevious {
  readonly file: string;
  readonly period: PreviousPeriod;
}

interface Props {
  readonly previous: OpenedPrevious | null;
  readonly onPrevious: (previous: OpenedPrevious | null) => void;
  readonly busy: boolean;
  /** Runs the file reading as a pane action (one at a time, failures said). */
  readonly run: (action: () => Promise<void>) => void;
  readonly onNotice: (notice: Notice | null) => void;
  readonly tools: TemplateTools;
}

/**
 * The previous period's summary (汇总.xlsx), opened to show each unit its own figures then in its copy, as
 * `template --previous` does. Whether it goes with the plan and period is said when the template is made.
 */
export function PreviousField({ previous, onPrevious, busy, run, onNotice, tools }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const open = (file: File) =>
    run(async () => {
      const read = await tools.readPrevious(await readFileBytes(file), file.name);
      onPrevious(read.ok ? { file: file.name, period: read.previous } : null);
      onNotice(read.ok ? null : { intent: "error", text: s.previousRefused(file.name, read.why[langOf(s)]) });
    });
  const id = useId();
  // A group of buttons named by its label (a Field would tie the label to one control only).
  return (
    <div className={styles.root} role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
      <Label id={`${id}-label`}>{s.previous}</Label>
      <div className={styles.buttons}>
        <Button disabled={busy} onClick={() => picker.current?.click()}>
          {s.openPrevious}
        </Button>
        {previous && (
          <Button disabled={busy} onClick={() => onPrevious(null)}>
            {s.clearPrevious}
          </Button>
        )}
      </div>
      <Text id={`${id}-hint`} size={200} className={styles.hint}>
        {previous
          ? s.previousLoaded(previous.period.ref.period.label, previous.period.ref.units.length)
          : s.previousHint}
      </Text>
      <HiddenFileInput
        inputRef={picker}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId="previous-file"
        onFile={open}
      />
    </div>
  );
}

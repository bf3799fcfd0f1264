import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import type { Finding, Severity } from "../../core/findings/types";
import { useId } from "react";
import { useStrings } from "./strings-context";
import { langOf } from "../strings";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    marginTop: 0,
    marginBottom: 0,
    paddingTop: 0,
    paddingRight: 0,
    paddingBottom: 0,
    paddingLeft: 0,
  },
  item: {
    display: "flex",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  place: { color: tokens.colorNeutralForeground3 },
  cellButton: { textAlign: "start", height: "auto", minWidth: 0 },
});

interface Props {
  readonly findings: readonly Finding[];
  /** When given, a finding on a cell becomes a button that selects the cell. */
  readonly onSelectCell?: (sheet: string, cell: string) => void;
  /** Name the file of each finding (findings about many files, as in a consolidation). */
  readonly showFile?: boolean;
}

/** Findings grouped by severity, in the pane's language; cell findings are keyboard-focusable links to the cell. */
export function FindingList({ findings, onSelectCell, showFile }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const lang = langOf(s);
  const icons = { error: <ErrorCircleRegular />, warning: <WarningRegular />, info: <InfoRegular /> };
  // Several lists are on the page at once (each tab keeps its own): their headings' ids must differ.
  const baseId = useId();
  return (
    <>
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (!group.length) return null;
        const headingId = `${baseId}findings-${severity}`;
        return (
          <section
            key={severity}
            className={styles.group}
            aria-labelledby={headingId}
            data-testid={`findings-${severity}`}
          >
            <Text id={headingId} as="h3" weight="semibold" className={styles[severity]}>
              {s.severity[severity]} ({group.length})
            </Text>
            <ul className={styles.list}>
              {group.map((f, i) => {
                const where = f.location.kind === "cell" ? f.location : null;
                return (
                  <li key={i} className={styles.item}>
                    <span className={styles[severity]} aria-hidden>
                      {icons[severity]}
                    </span>
                    {where && onSelectCell ? (
                      <Button
                        appearance="transparent"
                        className={styles.cellButton}
                        title={s.goToCell(where.sheet, where.cell)}
                        onClick={() => onSelectCell(where.sheet, where.cell)}
                      >
                        {where.sheet}!{where.cell} {f.message[lang]}
                      </Button>
                    ) : (
                      <Text>
                        {showFile && placeOf(f) && <span className={styles.place}>{placeOf(f)} </span>}
                        {f.message[lang]}
                      </Text>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** "东湖区.xlsx 填报表!I18", "县区.zip › 西湖区.xlsx", or "" for a finding about a plan line. */
function placeOf(f: Finding): string {
  switch (f.location.kind) {
    case "cell":
      return `${f.location.file} ${f.location.sheet}!${f.location.cell}`;
    case "file":
      return f.location.file;
    case "plan":
      return "";
  }
}

import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, WarningRegular } from "@fluentui/react-icons";
import type { ReviewReason } from "../../core/plan/types";
import { useStrings } from "../shell/strings-context";

const useStyles = makeStyles({
  root: {
    gridColumn: "1 / -1",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingRight: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorStatusWarningBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  icon: { color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  reasons: { marginTop: 0, marginBottom: 0, paddingLeft: tokens.spacingHorizontalL },
  action: { alignSelf: "flex-start" },
});

interface Props {
  /** Id of the part that says 请核对 and why: the target's editor is described by it. */
  readonly id: string;
  readonly reasons: readonly ReviewReason[];
  /** The target's name on screen, for the button's accessible name. */
  readonly label: string;
  readonly onMarkChecked: () => void;
}

/** 请核对 on a target: the word, the reader's reasons in words (never colour alone), and 清除核对标记. */
export function ReviewMarker({ id, reasons, label, onMarkChecked }: Props) {
  const s = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.root} data-testid="review-marker">
      <div id={id}>
        <Text weight="semibold" className={styles.title}>
          <WarningRegular className={styles.icon} aria-hidden />
          {s.reviewMarker}
        </Text>
        <ul className={styles.reasons}>
          {reasons.map((reason) => (
            <li key={reason}>{s.reviewReason(reason)}</li>
          ))}
        </ul>
      </div>
      <Button
        className={styles.action}
        size="small"
        icon={<CheckmarkRegular />}
        aria-label={`${s.markChecked}: ${label}`}
        onClick={onMarkChecked}
      >
        {s.markChecked}
      </Button>
    </div>
  );
}

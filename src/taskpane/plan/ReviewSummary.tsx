import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import { WarningRegular } from "@fluentui/react-icons";
import { useId } from "react";
import { useStrings } from "../shell/strings-context";
import { targetLabel, type TargetToCheck } from "./targets-to-check";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingRight: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  title: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, margin: 0 },
  icon: { color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
  list: {
    marginTop: 0,
    marginBottom: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  reasons: {
    marginTop: 0,
    marginBottom: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
});

interface Props {
  readonly items: readonly TargetToCheck[];
  /** The element id of a target's editor in its task (the list's index of the target). */
  readonly editorId: (index: number) => string;
}

/**
 * 请核对: the targets the reader was unsure of, before the tasks, each with its reasons and a link to its editor.
 * The count is a live region, so a clerk who settles one hears how many are left.
 */
export function ReviewSummary({ items, editorId }: Props) {
  const s = useStrings();
  const styles = useStyles();
  const titleId = useId();
  const goTo = (id: string) => {
    const editor = document.getElementById(id);
    editor?.scrollIntoView({ block: "center" });
    editor?.focus({ preventScroll: true });
  };
  return (
    <section className={styles.root} aria-labelledby={titleId} data-testid="review-summary">
      <div role="status">
        <Text as="h3" id={titleId} weight="semibold" className={styles.title}>
          {items.length > 0 && <WarningRegular className={styles.icon} aria-hidden />}
          {items.length > 0 ? s.reviewTitle(items.length) : s.reviewNone}
        </Text>
      </div>
      {items.length > 0 && (
        <>
          <Text size={200}>{s.reviewHint}</Text>
          <ol className={styles.list}>
            {items.map(({ index, target, task }) => {
              const id = editorId(index);
              return (
                <li key={index} data-testid="review-item">
                  <Link
                    href={`#${id}`}
                    aria-label={s.goToTarget(targetLabel(task, target))}
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(id);
                    }}
                  >
                    {targetLabel(task, target)}
                  </Link>
                  <ul className={styles.reasons}>
                    {target.review.map((reason) => (
                      <li key={reason}>{s.reviewReason(reason)}</li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Notice } from "./use-busy";

interface Props {
  readonly notice: Notice | null;
  /** A status message (the default) is announced when it changes; a standing hint is not. */
  readonly live?: boolean;
}

/**
 * A notice under a tab's buttons: an action's result or failure in words, with the intent's icon. Fluent's MessageBar
 * names itself by its title; these have none, so the name is left to the text (no aria-labelledby to a missing id).
 */
export function NoticeBar({ notice, live = true }: Props) {
  if (!notice) return null;
  return (
    <MessageBar
      intent={notice.intent}
      layout="multiline"
      aria-labelledby={undefined}
      {...(live ? { role: "status" } : {})}
    >
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

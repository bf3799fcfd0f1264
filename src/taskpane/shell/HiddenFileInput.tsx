import { makeStyles } from "@fluentui/react-components";
import type { RefObject } from "react";

const useStyles = makeStyles({ hidden: { display: "none" } });

interface Props {
  /** The input, clicked by a visible button of the caller's. */
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly accept: string;
  readonly testId?: string;
  /** The file picked; the input is cleared after, so the same file can be picked again. */
  readonly onFile: (file: File) => void;
}

/** A hidden file input that a button opens: the picked file is handed on and the input cleared. */
export function HiddenFileInput({ inputRef, accept, testId, onFile }: Props) {
  const styles = useStyles();
  return (
    <input
      ref={inputRef}
      className={styles.hidden}
      type="file"
      accept={accept}
      data-testid={testId}
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (file) onFile(file);
        e.target.value = "";
      }}
    />
  );
}

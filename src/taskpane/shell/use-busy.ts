import { useCallback, useState } from "react";
import type { Strings } from "../strings";

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
}

/**
 * Runs one pane action at a time. An exception here is a bug or a refusal from Excel (not bad input, which comes
 * back as findings): it is shown to the user and rethrown to the console for a bug report.
 */
export function useBusy(setNotice: (n: Notice | null) => void, s: Strings) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      try {
        await action();
      } catch (error) {
        setNotice({
          intent: "error",
          text: s.failed(error instanceof Error ? error.message : String(error)),
        });
        throw error;
      } finally {
        setBusy(false);
      }
    },
    [setNotice, s],
  );
  return { busy, run: (action: () => Promise<void>) => void run(action).catch(reportBug) };
}

function reportBug(error: unknown): void {
  console.error(error);
}

export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

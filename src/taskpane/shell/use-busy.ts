import { useCallback, useState } from "react";
import type { Strings } from "../strings";
import { describeFailure } from "./describe-failure";

export interface Notice {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly text: string;
}

/**
 * Runs one pane action at a time, and every action ends: in its own result, or in a message in the pane's language.
 * An exception here is a refusal from Excel, a worker that gave no result, or a bug (bad input comes back as
 * findings): describeFailure says what happened and what to do; a bug also goes to the console for a report.
 */
export function useBusy(setNotice: (n: Notice | null) => void, s: Strings) {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      try {
        await action();
      } catch (error) {
        const failure = describeFailure(error, s);
        setNotice({ intent: failure.intent, text: failure.text });
        if (failure.bug) throw error;
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

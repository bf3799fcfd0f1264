import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** V8's full garbage collection, for tests that measure what stays in memory (jest runs without --expose-gc). */
export function exposeGc(): () => void {
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

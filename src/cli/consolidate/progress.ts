import { SingleBar } from "cli-progress";
import type { Progress } from "../context";
import type { Lang } from "../lang";

/** A progress bar on stderr while files are read and checked; silent when stderr is not a terminal. */
export function startProgress(lang: Lang): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const label = lang === "en" ? "checking" : "读取校验";
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} {value} ${lang === "en" ? "files" : "个文件"} | {speed}/s`,
    hideCursor: true,
    clearOnComplete: true,
    fps: 5,
  });
  const started = Date.now();
  bar.start(0, 0, { speed: "0" });
  return {
    update: (done) => {
      const speed = ((done * 1000) / Math.max(1, Date.now() - started)).toFixed(0);
      bar.update(done, { speed });
    },
    stop: () => bar.stop(),
  };
}

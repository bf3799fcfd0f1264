const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DDTHH:mm:ss" in local time, like the CLI's file times. */
export const localTime = (d: Date): string =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

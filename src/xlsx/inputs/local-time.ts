/** A time as local "YYYY-MM-DDTHH:MM:SS" (a file's or an email's time, compared with a deadline by date). */
export const localTime = (d: Date): string => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

/**
 * Stands in for office.js when the built task pane is loaded in a plain browser: Office.onReady, the context
 * (display language, theme, requirement sets, platform) and Excel.run over the same fake workbook the adapter
 * tests use, and the file API (getFileAsync) over the fake's documentFile. The page URL picks the setup:
 * ?lang=en-US&theme=dark&api=1.13. The fake is on window.__fakeExcel for the test to inspect.
 */
import { FakeExcel, newSheet } from "../office/fake-excel";

const params = new URLSearchParams(location.search);
const fake = new FakeExcel([newSheet("Sheet1")]);
const host = fake.host(params.get("api") ?? "1.8");
const w = window as unknown as Record<string, unknown>;
w.__fakeExcel = fake;
w.Excel = { run: host.run, createWorkbook: host.createWorkbook };
type Done<T> = (result: { status: string; value: T; error?: { message: string } }) => void;
/** Office's file API over the fake's documentFile (a test sets it): the workbook as .xlsx in slices of 64 KB. */
const document = {
  getFileAsync: (_type: string, _options: unknown, callback: Done<unknown>) => {
    const bytes = fake.documentFile;
    if (!bytes) return callback({ status: "failed", value: null, error: { message: "no file" } });
    const size = 64 * 1024;
    callback({
      status: "succeeded",
      value: {
        sliceCount: Math.ceil(bytes.length / size),
        getSliceAsync: (i: number, done: Done<{ data: number[] }>) =>
          done({ status: "succeeded", value: { data: [...bytes.subarray(i * size, (i + 1) * size)] } }),
        closeAsync: (done?: () => void) => done?.(),
      },
    });
  },
};
w.Office = {
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  FileType: { Compressed: "compressed" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  context: {
    document,
    displayLanguage: params.get("lang") ?? "zh-CN",
    platform: "OfficeOnline",
    officeTheme: { bodyBackgroundColor: params.get("theme") === "dark" ? "#1F1F1F" : "#FFFFFF" },
    requirements: { isSetSupported: (_name: string, version: string) => host.supports(version) },
  },
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: "Excel", platform: "OfficeOnline" };
    setTimeout(() => callback?.(info));
    return Promise.resolve(info);
  },
};

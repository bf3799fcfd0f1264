import { readDocumentFile, type DocumentFiles } from "../../src/office/excel-batch";

// The open workbook's file for the correction notice: Office hands it over in slices and the file must be closed
// (Office allows only a few open at a time), whether every slice came or one failed.

type Result<T> = { status: string; value: T; error?: { message: string } };

beforeAll(() => {
  (globalThis as unknown as { Office: unknown }).Office = {
    FileType: { Compressed: "compressed" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
});

/** A stand-in for Office.context.document over `bytes`, `size` bytes a slice; `failAt` fails that slice. */
function documentOf(bytes: Uint8Array, size: number, failAt = -1) {
  const calls = { type: "", closed: 0 };
  const document = {
    getFileAsync: (type: string, _options: unknown, callback: (r: Result<unknown>) => void) => {
      calls.type = type;
      callback({
        status: "succeeded",
        value: {
          sliceCount: Math.ceil(bytes.length / size),
          getSliceAsync: (i: number, done: (r: Result<{ data: number[] }>) => void) =>
            i === failAt
              ? done({ status: "failed", value: { data: [] }, error: { message: "slice lost" } })
              : done({ status: "succeeded", value: { data: [...bytes.subarray(i * size, (i + 1) * size)] } }),
          closeAsync: (done: () => void) => {
            calls.closed++;
            done();
          },
        },
      });
    },
  };
  return { document: document as unknown as DocumentFiles, calls };
}

test("the slices, joined in order, are the file; the file is closed", async () => {
  const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => i % 251);
  const { document, calls } = documentOf(bytes, 4096);
  await expect(readDocumentFile(document)).resolves.toEqual(bytes);
  expect(calls).toEqual({ type: "compressed", closed: 1 });
});

test("a slice Office fails to give is an error naming it, and the file is still closed", async () => {
  const { document, calls } = documentOf(new Uint8Array(10_000), 4096, 1);
  await expect(readDocumentFile(document)).rejects.toThrow("getSliceAsync: slice lost");
  expect(calls.closed).toBe(1);
});

test("a file Office will not give is an error", async () => {
  const document = {
    getFileAsync: (_t: string, _o: unknown, callback: (r: Result<null>) => void) =>
      callback({ status: "failed", value: null, error: { message: "not supported" } }),
  } as unknown as DocumentFiles;
  await expect(readDocumentFile(document)).rejects.toThrow("getFileAsync: not supported");
});

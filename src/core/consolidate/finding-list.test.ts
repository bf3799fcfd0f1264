import { makeFinding } from "../findings/make-finding";
import { FindingParts, listOf, readList } from "./finding-list";

const at = (file: string) => ({ kind: "file" as const, file });

describe("FindingParts", () => {
  it("counts from its parts without reading them, and reads them in order each time it is gone through", () => {
    const error = makeFinding("file.corrupt_zip", at("a.zip"));
    const note = makeFinding("file.corrupt_zip", at("b.zip"), {}, "info");
    let reads = 0;
    const fromDisk = readList({ error: 0, warning: 1, info: 1 }, () => {
      reads++;
      return [makeFinding("file.corrupt_zip", at("c.xlsx"), {}, "warning"), note];
    });
    const list = new FindingParts([listOf([error]), fromDisk, listOf([])]);
    expect(list.counts).toEqual({ error: 1, warning: 1, info: 1 });
    expect(list.length).toBe(3);
    expect(reads).toBe(0);
    const files = () => [...list].map((f) => f.location.kind === "file" && f.location.file);
    expect(files()).toEqual(["a.zip", "c.xlsx", "b.zip"]);
    expect(files()).toEqual(["a.zip", "c.xlsx", "b.zip"]);
    expect(reads).toBe(2);
  });
});

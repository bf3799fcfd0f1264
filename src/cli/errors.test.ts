import { fileSystemMessage } from "./errors";

const fsError = (code: string, syscall: string, path: string, dest?: string) =>
  Object.assign(new Error(`${code}: ${syscall} ${path}`), { code, syscall, path, ...(dest ? { dest } : {}) });

describe("fileSystemMessage", () => {
  it("names the file the person asked for and why, in Chinese and English", () => {
    // Saving over a summary that is open in Excel (Windows): the rename onto it fails.
    expect(
      fileSystemMessage(fsError("EBUSY", "rename", "D:/out/.汇总.xlsx.1a2b.tmp", "D:/out/汇总.xlsx")),
    ).toEqual({
      zh: "无法保存 D:/out/汇总.xlsx：文件正被其他程序（如 Excel）占用，请关闭后重试（EBUSY）",
      en: "Cannot save D:/out/汇总.xlsx: the file is in use (open in Excel?); close it and retry (EBUSY)",
    });
    expect(fileSystemMessage(fsError("ENOSPC", "write", "/out/汇总.xlsx"))?.zh).toBe(
      "无法写入 /out/汇总.xlsx：磁盘空间不足（ENOSPC）",
    );
    expect(fileSystemMessage(fsError("EXYZ", "utime", "/a"))?.en).toBe(
      "Cannot access /a: system error (EXYZ)",
    );
  });

  it("leaves other errors alone: they are bugs and keep their stack", () => {
    expect(fileSystemMessage(new Error("boom"))).toBeNull();
    expect(fileSystemMessage(new TypeError("x is undefined"))).toBeNull();
    expect(fileSystemMessage(Object.assign(new Error(), { code: "ERR_INVALID_ARG_TYPE" }))).toBeNull();
    expect(fileSystemMessage("ENOENT")).toBeNull();
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { IncompleteWriteError } from "../../src/office/excel-error";
import { WorkerFailure, describeFailure, refusalText } from "../../src/taskpane/shell/describe-failure";
import { STRINGS, pickLang, type Lang, type Strings } from "../../src/taskpane/strings";
import { readXml, type XmlNode } from "../addin/xml-tree";

// Every text the add-in shows, in every language its manifest offers: the ribbon (manifest strings) and the pane
// (strings.ts), English counts in the right number, and Excel's own English error codes said in words a clerk can act
// on, in the pane's language.

const manifest = readXml(readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8"));
const all = (node: XmlNode): XmlNode[] => [node, ...node.children.flatMap(all)];
const nodes = all(manifest);
const defaultLocale = nodes.find((n) => n.name === "DefaultLocale");
/** Elements with a DefaultValue that Office shows (names, descriptions, ribbon labels and tips), not URLs. */
const texts = nodes.filter(
  (n) =>
    ["DisplayName", "Description", "bt:String"].includes(n.name) && n.attributes.DefaultValue !== undefined,
);
/** A text of the pane: a string, or a function called with a count of 1 (or a sample of what it takes). */
const SAMPLE_ARGS: Readonly<Record<string, readonly unknown[]>> = {
  reviewReason: ["op_implicit"],
  scopeReason: [{ zh: "比率指标", en: "a rate" }],
};
const textOf = (key: string, value: unknown): string =>
  typeof value === "function"
    ? (value as (...a: unknown[]) => string)(...(SAMPLE_ARGS[key] ?? [1, 1, 1]))
    : JSON.stringify(value);

const locales = [
  ...new Set(nodes.flatMap((n) => (n.name.endsWith("Override") ? [n.attributes.Locale!] : []))),
];

describe("languages the manifest offers", () => {
  test("the manifest offers Chinese by default and English", () => {
    expect(texts.length).toBeGreaterThan(5);
    expect(locales).toContain("en-US");
    expect(pickLang("zh-CN")).toBe("zh");
  });

  test("every ribbon and store string is given in every language the manifest offers", () => {
    for (const node of texts) {
      const overridden = node.children
        .filter((c) => c.name.endsWith("Override"))
        .map((c) => c.attributes.Locale);
      expect([node.attributes.id ?? node.name, overridden.sort()]).toEqual([
        node.attributes.id ?? node.name,
        [...locales].sort(),
      ]);
      for (const c of node.children) expect(c.attributes.Value?.trim()).toBeTruthy();
    }
  });

  test("each of those languages has the pane in it, complete", () => {
    const languages = new Set<Lang>([
      pickLang(defaultLocale ? "zh-CN" : undefined),
      ...locales.map(pickLang),
    ]);
    expect([...languages].sort()).toEqual(["en", "zh"]);
    for (const lang of languages) {
      expect(Object.keys(STRINGS[lang]).sort()).toEqual(Object.keys(STRINGS.zh).sort());
      for (const [key, value] of Object.entries(STRINGS[lang]))
        if (typeof value === "string") expect([key, value.trim().length > 0]).toEqual([key, true]);
    }
  });

  test("the English pane is in English: Chinese only where it quotes what a clerk types or a sheet is named", () => {
    const quoting = new Set(["noTasks", "periodHint", "summaryFileName", "chartSheet"]);
    for (const [key, value] of Object.entries(STRINGS.en)) {
      if (!quoting.has(key)) expect([key, /[\u4e00-\u9fff]/.test(textOf(key, value))]).toEqual([key, false]);
    }
  });
});

describe("English counts", () => {
  const en = STRINGS.en;
  test.each([
    [en.checkSummary(1, 1, 1), "1 error, 1 warning, 1 note"],
    [en.checkSummary(2, 0, 3), "2 errors, 0 warnings, 3 notes"],
    [en.taskListTitle(1, 1), "Task list: 1 task, 1 target"],
    [en.taskListTitle(26, 6), "Task list: 26 tasks, 6 targets"],
    [en.unitsCount(1), "1 unit"],
    [en.filesChosen(1), "1 file chosen"],
    [en.filesChosen(3), "3 files chosen"],
    [en.consolidated(1, 1), "Consolidated 1 return from 1 unit."],
    [en.copiesReady(1), "Packed the templates of 1 unit."],
    [en.reviewTitle(1), "1 target to check"],
    [en.reviewTitle(2), "2 targets to check"],
  ])("%s", (got, expected) => expect(got).toBe(expected));

  test('no English text says "1 …s" for a count of one', () => {
    for (const [key, value] of Object.entries(en)) {
      const text = textOf(key, value);
      expect([
        key,
        /\b1 (errors|warnings|notes|tasks|targets|units|files|returns|sheets)\b/.test(text),
      ]).toEqual([key, false]);
    }
  });
});

/** An error as Office.js raises it. */
const excelError = (code: string) =>
  Object.assign(new Error("A localised message from Office."), { name: "RichApi.Error", code });

describe("failures in words a clerk can act on", () => {
  const zh = STRINGS.zh;
  test.each([
    ["ItemAlreadyExists", "同名的工作表或名称已经存在"],
    ["InvalidArgument", "参数无效"],
    ["GeneralException", "Excel 内部出错"],
    ["InvalidOperationInCellEditMode", "按 Enter 或 Esc 结束编辑"],
    ["ItemNotFound", "可能已被删除或重命名"],
    ["RequestPayloadSizeLimitExceeded", "5 MB"],
    ["AccessDenied", "撤销保护"],
    ["ApiNotFound", "不支持此功能"],
  ])("Excel's %s is said in Chinese, with what to do and the code", (code, words) => {
    const { text, bug, intent } = describeFailure(excelError(code), zh);
    expect(text).toContain(words);
    expect(text).toMatch(/请/);
    expect(text).toContain(`（Excel 错误代码：${code}）`);
    expect(bug).toBe(false);
    expect(intent).toBe("error");
  });

  test("a code Excel may add later still gets a message and its code", () => {
    expect(describeFailure(excelError("SomeNewCode"), zh).text).toBe(
      `${zh.excelFailure.other}（Excel 错误代码：SomeNewCode）`,
    );
  });

  test("every Excel message says what to do, in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      const messages: Strings["excelFailure"] = STRINGS[lang].excelFailure;
      for (const text of Object.values(messages))
        expect(text).toMatch(lang === "zh" ? /请/ : /\b(try|use|press|open|check|wait|delete)\b/i);
    }
  });

  test("in English, the same refusal in English", () => {
    expect(describeFailure(excelError("ItemAlreadyExists"), STRINGS.en).text).toMatch(
      /already exists.*\(Excel error code: ItemAlreadyExists\)$/,
    );
  });

  test("a write that could not be undone names the sheets to delete", () => {
    const error = new IncompleteWriteError(excelError("GeneralException"), ["填报表", "_rk_identity"]);
    const { text } = describeFailure(error, zh);
    expect(text).toContain("Excel 内部出错");
    expect(text).toContain("填报表、_rk_identity");
  });

  test("a worker that does not load, fails, or answers unreadably ends in a message; cancelling is news, not an error", () => {
    expect(describeFailure(new WorkerFailure("load"), zh)).toMatchObject({ intent: "error", bug: false });
    expect(describeFailure(new WorkerFailure("load"), zh).text).toContain("汇总模块未能加载");
    const crash = describeFailure(new WorkerFailure("crash", "TypeError: x is undefined"), zh);
    expect(crash).toMatchObject({ intent: "error", bug: true });
    expect(crash.text).toMatch(/汇总过程中出错.*（TypeError: x is undefined）$/);
    expect(describeFailure(new WorkerFailure("message"), zh).text).toContain("无法传回");
    expect(describeFailure(new WorkerFailure("cancelled"), zh)).toMatchObject({
      intent: "info",
      text: "已取消汇总。",
    });
  });

  test("anything else is a bug in report-kit, said as one", () => {
    const { text, bug } = describeFailure(new TypeError("cannot read 'x'"), zh);
    expect(text).toContain("内部错误（cannot read 'x'）");
    expect(bug).toBe(true);
  });

  test("a write refused before anything was written says why", () => {
    expect(refusalText({ ok: false, reason: "workbook_protected" }, zh)).toBe(zh.workbookProtected);
    expect(
      refusalText({ ok: false, reason: "names_taken", names: ["_rk_identity", "rk_period"] }, zh),
    ).toContain("（_rk_identity、rk_period）");
  });
});

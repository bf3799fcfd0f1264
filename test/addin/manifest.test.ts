import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ManifestInfo } from "office-addin-manifest";
import { allElements, child, localName, readXml, type XmlNode } from "./xml-tree";

// `office-addin-manifest validate` needs Microsoft's service; these are the rules it enforces that can be
// checked offline (limits from the manifest XSD: ShortString 1-125, LongString 1-250, URL ≤ 2048).
const root = path.join(__dirname, "../..");
const manifestPath = path.join(root, "manifest.xml");
const config = JSON.parse(readFileSync(path.join(root, "addin.config.json"), "utf8")) as {
  devUrl: string;
  devId: string;
  productionUrl: string;
  productionId: string;
};
const xmlText = readFileSync(manifestPath, "utf8");
const officeApp = readXml(xmlText).children[0]!;
const elements = allElements(officeApp);
const named = (name: string): XmlNode[] => elements.filter((e) => localName(e.name) === name);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The order of TaskPaneApp's children in the XSD (a sequence: out-of-order elements fail validation). */
const TASKPANE_ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
  "AllowSnapshot", "Dictionary", "VersionOverrides",
]; // prettier-ignore

/**
 * office-addin-manifest's own reader (readManifestFile). It runs in a child Node process because the package
 * loads ESM-only dependencies (uuid, strip-bom) that jest's CommonJS runtime cannot require.
 */
function readManifestInfo(file = manifestPath): ManifestInfo {
  const script =
    'require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1])' +
    ".then((m) => process.stdout.write(JSON.stringify(m)), (e) => { console.error(String(e)); process.exit(1); })";
  return JSON.parse(
    execFileSync("node", ["-e", script, file], { cwd: root, encoding: "utf8" }),
  ) as ManifestInfo;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("ascii")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in the repository an add-in URL serves (the dev server serves dist/, which copies assets/). */
const localFile = (url: string): string => path.join(root, url.slice(config.devUrl.length + 1));

describe("manifest.xml", () => {
  test("office-addin-manifest reads it as an Excel task pane add-in", () => {
    const info = readManifestInfo();
    expect(info.id).toMatch(GUID);
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.defaultLocale).toBe("zh-CN");
    expect(info.displayName).toBe("报表助手");
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test("top-level elements follow the XSD sequence", () => {
    const names = officeApp.children.map((c) => localName(c.name));
    const positions = names.map((n) => TASKPANE_ORDER.indexOf(n));
    expect(positions).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(names.slice(0, 4)).toEqual(["Id", "Version", "ProviderName", "DefaultLocale"]);
  });

  test("display name, description and resource strings are within their lengths, with an en-US override", () => {
    const checkLength = (node: XmlNode, max: number): void => {
      const values = [node.attributes.DefaultValue, ...node.children.map((o) => o.attributes.Value)];
      for (const v of values) {
        expect(v).toBeDefined();
        expect([...v!].length).toBeGreaterThan(0);
        expect([...v!].length).toBeLessThanOrEqual(max);
      }
      expect(node.children.map((o) => o.attributes.Locale)).toContain("en-US");
    };
    checkLength(child(officeApp, "DisplayName")!, 125);
    checkLength(child(officeApp, "Description")!, 250);
    const shortStrings = named("ShortStrings").flatMap((s) => s.children);
    const longStrings = named("LongStrings").flatMap((s) => s.children);
    expect(shortStrings.length).toBeGreaterThan(0);
    shortStrings.forEach((s) => checkLength(s, 125));
    longStrings.forEach((s) => checkLength(s, 250));
  });

  test("the Home-tab button 报表助手 opens the task pane", () => {
    const tab = named("OfficeTab")[0]!;
    expect(tab.attributes.id).toBe("TabHome");
    const button = named("Control").find((c) => c.attributes["xsi:type"] === "Button")!;
    const labelId = child(button, "Label")!.attributes.resid;
    const label = named("ShortStrings")[0]!.children.find((s) => s.attributes.id === labelId)!;
    expect(label.attributes.DefaultValue).toBe("报表助手");
    expect(child(button, "Action")!.attributes["xsi:type"]).toBe("ShowTaskpane");
  });

  test("every resid points at a declared resource, and ids are unique", () => {
    const resources = named("Resources")[0]!;
    const ids = allElements(resources).flatMap((e) => (e.attributes.id ? [e.attributes.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of elements) if (e.attributes.resid) expect(ids).toContain(e.attributes.resid);
    for (const e of elements)
      if (e.attributes.resid) expect(e.attributes.resid.length).toBeLessThanOrEqual(32);
  });

  test("every URL is https, ≤ 2048 characters, and on the add-in's own domain", () => {
    const urls = [
      ...elements
        .flatMap((e) => [e.attributes.DefaultValue, e.attributes.Value])
        .filter((v) => v?.includes("://")),
      ...named("AppDomain").map(() => config.devUrl),
    ] as string[];
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith("https://")).toBe(true);
      expect(url.length).toBeLessThanOrEqual(2048);
      expect(url.startsWith(config.devUrl)).toBe(true);
    }
  });

  test("icons exist and their pixel sizes match the sizes they are declared at", () => {
    const images = named("Images")[0]!.children;
    const declared = new Map(
      named("Image")
        .filter((i) => i.attributes.size)
        .map((i) => [i.attributes.resid, i]),
    );
    expect([...new Set([...declared.values()].map((i) => i.attributes.size))].sort()).toEqual([
      "16",
      "32",
      "80",
    ]);
    for (const image of images) {
      const size = Number(declared.get(image.attributes.id)!.attributes.size);
      expect(pngSize(localFile(image.attributes.DefaultValue!))).toEqual({ width: size, height: size });
    }
    expect(pngSize(localFile(child(officeApp, "IconUrl")!.attributes.DefaultValue!)).width).toBe(32);
    expect(
      pngSize(localFile(child(officeApp, "HighResolutionIconUrl")!.attributes.DefaultValue!)).width,
    ).toBe(64);
  });

  test("asks for ExcelApi 1.8 and nothing newer (newer sets are feature-detected in code)", () => {
    const sets = named("Set");
    expect(sets.map((s) => [s.attributes.Name, s.attributes.MinVersion])).toEqual([["ExcelApi", "1.8"]]);
  });

  test("a production build replaces every dev URL with the one production URL", () => {
    const out = mkdtempSync(path.join(tmpdir(), "rk-manifest-"));
    execFileSync("node", ["scripts/build-taskpane.mjs", "--manifest-only", "--out", out], {
      cwd: root,
      env: { ...process.env, ADDIN_ENV: "production" },
    });
    const built = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(built).not.toContain(config.devUrl);
    const urls = [...built.matchAll(/Value="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)</g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url!.startsWith(new URL(config.productionUrl).origin)).toBe(true);
    expect(built).toContain(`${config.productionUrl}/taskpane.html`);
    expect(readXml(built).children[0]!.children.length).toBe(officeApp.children.length);
  });

  test("the development and production manifests are two add-ins: each has its own Id", () => {
    expect(readManifestInfo().id).toBe(config.devId);
    const built = buildManifest([], { ADDIN_ENV: "production" });
    expect(readManifestInfo(built).id).toBe(config.productionId);
    expect(config.productionId).toMatch(GUID);
    expect(config.productionId.toLowerCase()).not.toBe(config.devId.toLowerCase());
  });

  test("--base-url sets the production address at build time (and --addin-id its Id); the manifest still reads", () => {
    const base = "https://oa.example.gov.cn/report-kit";
    const id = "0f9c7a52-3f4e-4b8e-9d51-6a0c2b7e1d24";
    const built = buildManifest(["--base-url", `${base}/`, "--addin-id", id]);
    const text = readFileSync(built, "utf8");
    expect(text).not.toContain(config.devUrl);
    expect(text).not.toContain(config.productionUrl);
    expect(text).toContain(`<AppDomain>https://oa.example.gov.cn</AppDomain>`);
    expect(text).toContain(`"${base}/taskpane.html"`);
    const info = readManifestInfo(built);
    expect(info).toMatchObject({ id, officeAppType: "TaskPaneApp", displayName: "报表助手" });
  });

  test.each([
    ["a base URL that is not https", ["--base-url", "http://10.0.0.8/report-kit"], /https/],
    ["a production Id equal to the development one", ["--production", "--addin-id", config.devId], /differ/],
    ["an Id that is not a GUID", ["--production", "--addin-id", "report-kit"], /GUID/],
  ])("the build refuses %s (exit 2, a plain message)", (_, args, message) => {
    const run = spawnSync(
      "node",
      ["scripts/build-taskpane.mjs", "--manifest-only", "--out", tempDir(), ...args],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

const tempDir = () => mkdtempSync(path.join(tmpdir(), "rk-manifest-"));

/** Builds the manifest alone with the given options; the path of the written manifest. */
function buildManifest(args: readonly string[], env: Record<string, string> = {}): string {
  const out = tempDir();
  execFileSync("node", ["scripts/build-taskpane.mjs", "--manifest-only", "--out", out, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  return path.join(out, "manifest.xml");
}

import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { chromium, type Browser, type Page } from "playwright-core";

const root = path.join(__dirname, "../..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
  ".map": "application/json",
};

export interface PageOptions {
  /** A web view's user agent (the boot script's test of old web views). */
  readonly userAgent?: string;
  /**
   * Answer office.js with the host shim (the default, from the CDN or beside the pane), or refuse Microsoft's CDN
   * as an intranet would (office.js beside the pane is then the real one).
   */
  readonly officeJs?: "shim" | "refused";
  /** A script run before the page's own (simulating an older engine). */
  readonly initScript?: string;
}

export interface Harness {
  readonly browser: Browser;
  readonly url: string;
  /** The built add-in the server serves. */
  readonly dist: string;
  /** The built task pane with the host shim, once its tabs are shown. */
  readonly open: (query?: string) => Promise<Page>;
  /** A page with the harness's network rules (outside requests refused); every URL it asked for is in `requests`. */
  readonly newPage: (options?: PageOptions) => Promise<Page & { requests: string[]; pageErrors: string[] }>;
  readonly close: () => Promise<void>;
}

/**
 * Builds the task pane into a temporary dist, serves it over http on a free port, and starts Debian's
 * Chromium (no browser downloads here). office.js is answered with the host shim; every other outside
 * request is refused, so the pane is shown to work offline.
 */
export async function startHarness(buildArgs: readonly string[] = []): Promise<Harness> {
  const dist = mkdtempSync(path.join(tmpdir(), "rk-e2e-"));
  execFileSync("node", ["scripts/build-taskpane.mjs", "--out", dist, ...buildArgs], {
    cwd: root,
    stdio: "pipe",
  });
  const shim = buildSync({
    entryPoints: [path.join(__dirname, "host-shim.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
  }).outputFiles[0]!.text;

  const server = http.createServer((req, res) => {
    const file = path.join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile())
      return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run",
    ], // prettier-ignore
  });
  const newPage = async (options: PageOptions = {}) => {
    const page = await browser.newPage({
      viewport: { width: 360, height: 900 },
      acceptDownloads: true,
      ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    });
    const watched = Object.assign(page, { requests: [] as string[], pageErrors: [] as string[] });
    page.on("pageerror", (e) => watched.pageErrors.push(String(e)));
    page.on("request", (r) => watched.requests.push(r.url()));
    if (options.initScript) await page.addInitScript(options.initScript);
    await page.route("**/*", (route) => {
      const u = route.request().url();
      // The shim stands in for office.js from the CDN or from beside the pane (the intranet build).
      if ((u === OFFICE_JS || u === `${url}/office-js/office.js`) && options.officeJs !== "refused")
        return route.fulfill({ contentType: "text/javascript", body: shim });
      return u.startsWith(url) ? route.continue() : route.abort();
    });
    return watched;
  };
  const open = async (query = ""): Promise<Page> => {
    const page = await newPage();
    await page.goto(`${url}/taskpane.html${query}`);
    await page.getByRole("tab").first().waitFor();
    return page;
  };
  return {
    browser,
    url,
    dist,
    open,
    newPage,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const seedPlan = (name: string): string => readFileSync(path.join(root, "seeds", name), "utf8");
/**
 * Where a screenshot goes: docs/ (shown in docs/addin.md) with RK_SCREENSHOTS=1 (`npm run test:e2e:docs`), else a
 * temporary folder, so that an ordinary test run does not rewrite tracked images.
 */
const shots = process.env.RK_SCREENSHOTS
  ? path.join(root, "docs")
  : mkdtempSync(path.join(tmpdir(), "rk-shots-"));
export const docsPath = (name: string): string => path.join(shots, name);

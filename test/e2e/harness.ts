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

export interface Harness {
  readonly browser: Browser;
  readonly url: string;
  readonly open: (query?: string) => Promise<Page>;
  readonly close: () => Promise<void>;
}

/**
 * Builds the task pane into a temporary dist, serves it over http on a free port, and starts Debian's
 * Chromium (no browser downloads here). office.js is answered with the host shim; every other outside
 * request is refused, so the pane is shown to work offline.
 */
export async function startHarness(): Promise<Harness> {
  const dist = mkdtempSync(path.join(tmpdir(), "rk-e2e-"));
  execFileSync("node", ["scripts/build-taskpane.mjs", "--out", dist], { cwd: root, stdio: "pipe" });
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
  const open = async (query = ""): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.route("**/*", (route) => {
      const u = route.request().url();
      if (u === OFFICE_JS) return route.fulfill({ contentType: "text/javascript", body: shim });
      return u.startsWith(url) ? route.continue() : route.abort();
    });
    await page.goto(`${url}/taskpane.html${query}`);
    await page.getByRole("tab").first().waitFor();
    (page as unknown as { pageErrors: string[] }).pageErrors = errors;
    return page;
  };
  return {
    browser,
    url,
    open,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const seedPlan = (name: string): string => readFileSync(path.join(root, "seeds", name), "utf8");
/**
 * Where a screenshot goes: docs/ (shown in the README) with RK_SCREENSHOTS=1 (`npm run test:e2e:docs`), else a
 * temporary folder, so that an ordinary test run does not rewrite tracked images.
 */
const shots = process.env.RK_SCREENSHOTS
  ? path.join(root, "docs")
  : mkdtempSync(path.join(tmpdir(), "rk-shots-"));
export const docsPath = (name: string): string => path.join(shots, name);

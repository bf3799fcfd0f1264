// Serves dist/ over https on the port in addin.config.json with the Office dev certificate
// (office-addin-dev-certs installs a trusted localhost CA on first use). Run `npm run build` first.
//   node scripts/dev-server.mjs [--http] [--port N] [--root DIR]
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const config = JSON.parse(readFileSync("addin.config.json", "utf8"));
const root = path.resolve(option("--root") ?? "dist");
const port = Number(option("--port") ?? config.devServerPort);

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json",
  ".map": "application/json", ".png": "image/png", ".xml": "application/xml", ".css": "text/css",
}; // prettier-ignore

function handle(req, res) {
  const url = new URL(req.url ?? "/", "https://localhost");
  const file = path.join(root, decodeURIComponent(url.pathname === "/" ? "/taskpane.html" : url.pathname));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, {
    "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  createReadStream(file).pipe(res);
}

if (!existsSync(path.join(root, "taskpane.html"))) {
  console.error(`${root}/taskpane.html is missing: run \`npm run build\` first.`);
  process.exit(1);
}
let server;
if (args.includes("--http")) server = http.createServer(handle);
else server = https.createServer(await httpsOptions(), handle);

/**
 * The Office dev certificate. office-addin-dev-certs generates it and installs its CA (asking for permission on
 * Windows and Mac); where the CA cannot be installed (Linux without sudo) the generated files are used as they
 * are, and the browser must be told to trust https://localhost once.
 */
async function httpsOptions() {
  const { getHttpsServerOptions } = await import("office-addin-dev-certs");
  try {
    return await getHttpsServerOptions();
  } catch (error) {
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const [cert, key] = ["localhost.crt", "localhost.key"].map((f) => path.join(dir, f));
    if (!existsSync(cert) || !existsSync(key)) throw error;
    console.warn(
      `The dev CA could not be installed (${String(error.message ?? error).split("\n")[0]}); using ${dir} as is.`,
    );
    return { cert: readFileSync(cert), key: readFileSync(key), ca: readFileSync(path.join(dir, "ca.crt")) };
  }
}
server.listen(port, () =>
  console.log(
    `serving ${path.relative(process.cwd(), root)}/ at ${args.includes("--http") ? "http" : "https"}://localhost:${port}/`,
  ),
);

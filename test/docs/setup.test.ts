import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Set-up is two commands from README.md on a fresh machine, each starting with the install it needs: one runs the
 * demo on the sample plans, one the tests. CI (.ci/run) runs the test command README gives: the same system
 * packages, then npm ci and npm test.
 */
const root = join(__dirname, "..", "..");
const commands = (file: string) =>
  [...readFileSync(join(root, file), "utf8").matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]!.split("\n").map((l) => l.replace(/#.*/, "").trim()),
  );
const packages = (line: string) =>
  (/apt-get install (.*?)(&&|$)/.exec(line)?.[1] ?? "")
    .split(/\s+/)
    .filter((w) => w && !w.startsWith("-") && !w.startsWith(">"))
    .sort();

test.each(["README.md", "README.en.md"])(
  "%s gives the demo and the test command, each with its install",
  (file) => {
    const lines = commands(file);
    expect(lines).toContain("npm ci && npm run demo");
    const test = lines.find((l) => l.endsWith("&& npm ci && npm test"));
    expect(test).toMatch(/^sudo apt-get install /);
    const ci = readFileSync(join(root, ".ci", "run"), "utf8");
    const ciInstall = ci.split("\n").find((l) => l.includes("apt-get install"))!;
    expect(packages(test!)).toEqual(packages(ciInstall));
    expect(packages(test!)).toEqual(expect.arrayContaining(["libreoffice-calc-nogui", "chromium"]));
    expect(ci).toMatch(/\nnpm ci\nnpm test\n/);
  },
);

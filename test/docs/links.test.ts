import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The documentation links only to what is in the repository: every relative link and picture of README.md,
 * README.en.md and docs/*.md names a file that exists (no ../shared/…, no DESIGN.md), and every anchor into a page
 * names one of its headings.
 */
const root = join(__dirname, "..", "..");
const pages = [
  "README.md",
  "README.en.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchor = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");

function anchors(page: string): Set<string> {
  const text = readFileSync(page, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#+ (.*)$/gm)].map((m) => anchor(m[1]!)));
}

const links = pages.flatMap((page) => {
  const text = readFileSync(join(root, page), "utf8").replace(/```[\s\S]*?```/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/.test(href))
    .map((href) => [page, href] as const);
});

test("the pages link to one another", () => {
  expect(links.length).toBeGreaterThan(20);
});

test.each(links)("%s: %s is in the repository", (page, href) => {
  const [path, hash] = href.split("#") as [string, string | undefined];
  const target = path ? resolve(root, dirname(page), path) : join(root, page);
  expect(existsSync(target)).toBe(true);
  if (hash) expect(anchors(target)).toContain(hash);
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { messages } from "../../src/core/findings/messages";

/** Every finding code is documented in a table of docs/finding-codes.md (codes are a contract other tools rely on). */
const page = readFileSync(join(__dirname, "..", "..", "docs", "finding-codes.md"), "utf8");

test.each(Object.keys(messages))("%s is documented in docs/finding-codes.md", (code) => {
  const escaped = code.replace(/\./g, "\\.");
  expect(page).toMatch(new RegExp(`\\|\\s*\`${escaped}\`\\s*\\|`));
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { messages } from "../../src/core/findings/messages";

/** Every finding code is documented in a table of README.md (codes are a contract other tools rely on). */
const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

test.each(Object.keys(messages))("%s is documented in README.md", (code) => {
  const escaped = code.replace(/\./g, "\\.");
  expect(readme).toMatch(new RegExp(`\\|\\s*\`${escaped}\`\\s*\\|`));
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkMessages } from "../../src/core/findings/catalogue/check";
import { fileMessages } from "../../src/core/findings/catalogue/file";

/** Every check and file finding code is documented in the README section, with its severity. */
const doc = readFileSync(join(__dirname, "../../docs/readme/check.md"), "utf8");

test.each(Object.entries({ ...fileMessages, ...checkMessages }))(
  "%s is in docs/readme/check.md",
  (code, entry) => {
    const escaped = code.replace(/\./g, "\\.");
    expect(doc).toMatch(new RegExp(`\\|\\s*\`${escaped}\`\\s*\\|\\s*${entry.severity}\\s*\\|`));
  },
);

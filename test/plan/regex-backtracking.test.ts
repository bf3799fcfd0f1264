import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Every regular expression in the parser, run on long adversarial inputs made of its own characters: none may
 * backtrack catastrophically. The list is read from the source, so a new regex is covered without registering it;
 * the guard below fails if the extraction ever finds none.
 */
const dir = join(__dirname, "..", "..", "src", "core", "plan");
const sources = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.includes(".test."));

function regexLiterals(source: string): RegExp[] {
  const found: RegExp[] = [];
  // A regex literal follows one of these tokens; its body has no unescaped "/" or newline.
  for (const m of source.matchAll(
    /(?<=[=(,:!&|?;{}]\s*|return\s+)\/((?:\\.|\[(?:\\.|[^\]\\\n])*\]|[^/\\\n[])+)\/([dgimsuy]*)/g,
  )) {
    try {
      found.push(new RegExp(m[1] as string, (m[2] as string).replace("g", "")));
    } catch {
      // not a regex (a division); ignore
    }
  }
  for (const m of source.matchAll(/new RegExp\(\s*`([^`]*)`/g)) {
    try {
      found.push(new RegExp((m[1] as string).replace(/\$\{[^}]*\}/g, "一二三").replace(/\\\\/g, "\\")));
    } catch {
      // template with interpolation we cannot rebuild; covered by the parser-level pathological test
    }
  }
  return found;
}

const patterns = sources.flatMap((f) =>
  regexLiterals(readFileSync(join(dir, f), "utf8")).map((re) => [f, re] as const),
);

function adversarialInputs(re: RegExp): string[] {
  const chars = Array.from(
    new Set(re.source.replace(/\\[dswDSWbB]/g, "1 a").replace(/[\\^$.*+?()[\]{}|]/g, "")),
  );
  const alphabet = chars.length ? chars.join("") : "a1";
  return [
    alphabet.repeat(Math.ceil(4000 / alphabet.length)) + "!",
    "1".repeat(4000) + "x",
    "(".repeat(4000),
    "一".repeat(4000) + "。",
  ];
}

describe("parser regular expressions", () => {
  it("are found in the source (guard against an empty list)", () => {
    expect(patterns.length).toBeGreaterThan(20);
  });

  it.each(patterns.map(([f, re]) => [`${f} ${re.source.slice(0, 60)}`, re]))(
    "%s runs in linear time",
    (_name, re) => {
      for (const input of adversarialInputs(re)) {
        const start = process.hrtime.bigint();
        re.test(input);
        input.match(new RegExp(re.source, `${re.flags}g`));
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        expect(ms).toBeLessThan(500);
      }
    },
  );
});

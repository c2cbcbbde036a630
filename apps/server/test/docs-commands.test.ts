import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXIT } from "../src/cli/io.ts";
import { main } from "../src/cli/main.ts";

// The commands the documentation tells people to type exist, and every command the CLI has is in
// docs/cli.md: the docs moved out of the README (issue #23) must not drift from main.ts.
const repo = join(import.meta.dirname, "..", "..", "..");
const docs = [
  "README.md",
  ...readdirSync(join(repo, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Each `npx jitsumei WORD [WORD]` in a file, the words only (alternatives `a\|b` expanded). */
function documentedCommands(text: string): string[][] {
  const found: string[][] = [];
  for (const match of text.matchAll(
    /npx jitsumei ((?:[a-z][\w-]*(?:\\\|[a-z][\w-]*)*)(?: [a-z][\w-]*(?:\\\|[a-z][\w-]*)*)?)/g,
  )) {
    const [first = "", second] = (match[1] ?? "").split(" ");
    for (const a of first.split("\\|")) {
      for (const b of second === undefined ? [undefined] : second.split("\\|")) found.push(b ? [a, b] : [a]);
    }
  }
  return found;
}

async function accepts(words: string[]): Promise<boolean> {
  const out: string[] = [];
  const code = await main([...words, "--help"], {
    out: (s) => out.push(s),
    err: (s) => out.push(s),
    stdin: async () => "",
  });
  return code === EXIT.ok;
}

describe("the documentation's commands", () => {
  it("are commands the CLI knows", async () => {
    const unknown: string[] = [];
    let checked = 0;
    for (const file of docs) {
      for (const words of documentedCommands(readFileSync(join(repo, file), "utf8"))) {
        checked++;
        // A one-word command followed by a value or a file (`npx jitsumei purge now`) is still that command.
        if (!(await accepts(words)) && !(words.length === 2 && (await accepts(words.slice(0, 1))))) {
          unknown.push(`${file}: jitsumei ${words.join(" ")}`);
        }
      }
    }
    expect(unknown).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it("refuses a command that does not exist (the check above can fail)", async () => {
    expect(await accepts(["frobnicate"])).toBe(false);
    expect(await accepts(["audit", "frobnicate"])).toBe(false);
  });

  it("cover every command of the CLI in docs/cli.md", () => {
    const mainSource = readFileSync(join(repo, "apps/server/src/cli/main.ts"), "utf8");
    // The keys of main.ts's `commands` table.
    const source = mainSource.slice(
      mainSource.indexOf("const commands"),
      mainSource.indexOf("\n};", mainSource.indexOf("const commands")),
    );
    const names = [...source.matchAll(/^ {2}"?([a-z][\w -]*?)"?: async \(\) =>/gm)].map((m) => m[1] ?? "");
    expect(names.length).toBeGreaterThan(30);
    const cliDoc = documentedCommands(readFileSync(join(repo, "docs/cli.md"), "utf8")).map((w) => w.join(" "));
    expect(names.filter((name) => !cliDoc.includes(name))).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { brokenLinks, markdownFiles, slug } from "./check-links.ts";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "jitsumei-links-"));
  made.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, ".."), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe("the Markdown link check", () => {
  it("spells anchors as GitHub does: code, punctuation and parentheses dropped, CJK kept", () => {
    expect(slug("Reading a passport chip (`packages/reader`)")).toBe("reading-a-passport-chip-packagesreader");
    expect(slug("Prepaid lines: keeping the number (保号)")).toBe("prepaid-lines-keeping-the-number-保号");
    expect(slug("The staff side: review, corrections, four eyes")).toBe("the-staff-side-review-corrections-four-eyes");
  });

  it("finds a missing file and a missing heading, and passes links that resolve", () => {
    const root = folder({
      "README.md": [
        "# Title",
        "[ok](docs/a.md#a-standby-and-failover) [ok](docs/) [ok](#title) [web](https://example.com/x.md)",
        "[gone](docs/gone.md) [wrong](docs/a.md#no-such-section)",
        "`[in code](nowhere.md)`",
        "```sh",
        "[in a block](nowhere.md)",
        "```",
      ].join("\n"),
      "docs/a.md": "# A\n\n## A standby and failover\n\n[back](../README.md#title) [twice](#a-1)\n\n## A\n",
    });
    const broken = brokenLinks(markdownFiles(root)).map(({ file, line, target, reason }) => ({
      file: file.slice(root.length + 1),
      line,
      target,
      reason,
    }));
    expect(broken).toEqual([
      { file: "README.md", line: 3, target: "docs/gone.md", reason: "no such file" },
      { file: "README.md", line: 3, target: "docs/a.md#no-such-section", reason: "no such heading" },
    ]);
  });

  it("finds no broken link in this repository's Markdown", () => {
    expect(brokenLinks(markdownFiles(join(import.meta.dirname, "..")))).toEqual([]);
  });
});

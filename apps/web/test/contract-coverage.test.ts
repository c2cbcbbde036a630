import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allAnswers } from "@jitsumei/api-contract/answers/all";
import { publicAnswers } from "@jitsumei/api-contract/answers/public";
import { describe, expect, it } from "vitest";

// The site's client checks answers against the public operations' schemas only (the staff's stay out of
// its bundle, src/api.ts). An operation the site calls that is missing from them would pass unchecked:
// every call in its source must find its answers there, unless the operation answers no JSON at all.
const src = join(import.meta.dirname, "../src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [readFileSync(join(dir, entry.name), "utf8")]
        : [],
  );
}

const calls = new Set(
  sources(src).flatMap((text) =>
    [...text.matchAll(/\bclient\.(GET|POST|PUT|PATCH|DELETE)\(\s*"([^"]+)"/g)].map(
      ([, method, path]) => `${method} ${path}`,
    ),
  ),
);

describe("the site's calls and the answers its client checks", () => {
  it("finds the site's calls in its source", () => {
    // About fifty calls to some forty operations: a pattern that no longer finds them would prove nothing.
    expect(calls.size).toBeGreaterThan(35);
    expect(calls).toContain("GET /v1/applications/{reference}");
  });

  it("checks the answers of every operation the site calls", () => {
    const unchecked = [...calls].filter(
      (operation) => !(operation in publicAnswers.operations) && operation in allAnswers.operations,
    );
    expect(unchecked).toEqual([]);
  });

  it("carries no staff operation's answers", () => {
    expect(Object.keys(publicAnswers.operations).filter((operation) => operation.includes(" /v1/staff/"))).toEqual([]);
    expect(
      Object.keys(allAnswers.operations).filter((operation) => operation.includes(" /v1/staff/")).length,
    ).toBeGreaterThan(30);
  });
});

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// ARCHITECTURE.md's "The server's modules" (issue #23) against the tree: one section per folder of
// apps/server/src, each section's repository files exactly the folder's *-repository.ts, and every file
// a section names exists. A module that gains a repository, or a file that moves, fails here until
// its section says so.
const repo = join(import.meta.dirname, "..");
const src = join(repo, "apps/server/src");
const architecture = readFileSync(join(repo, "ARCHITECTURE.md"), "utf8");
const part = architecture.slice(
  architecture.indexOf("## The server's modules"),
  architecture.indexOf("## The seams every capability builds on"),
);
const sections = new Map(
  part
    .split(/^### /m)
    .slice(1)
    .map((section) => [/^`([\w-]+)\/`/.exec(section)?.[1] ?? section.slice(0, 20), section] as const),
);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe("ARCHITECTURE.md's section per server module", () => {
  const modules = readdirSync(src, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  it("has one section per folder of apps/server/src, and none for a folder that is not there", () => {
    expect(modules.length).toBeGreaterThan(40);
    expect([...sections.keys()].sort()).toEqual(modules);
  });

  it("names exactly each module's *-repository.ts files", () => {
    const wrong: string[] = [];
    for (const module of modules) {
      const section = sections.get(module) ?? "";
      const line = /^- \*\*repository\*\*: (.*)$/m.exec(section)?.[1] ?? "";
      const named = [...line.matchAll(/`([\w/-]+-repository\.ts)`/g)].map((m) => m[1]).sort();
      const present = filesUnder(join(src, module))
        .filter((file) => file.endsWith("-repository.ts"))
        .map((file) => relative(join(src, module), file))
        .sort();
      if (JSON.stringify(named) !== JSON.stringify(present)) {
        wrong.push(`${module}: says ${named.join(", ") || "none"}, has ${present.join(", ") || "none"}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("names only files that exist", () => {
    const missing: string[] = [];
    for (const [module, section] of sections) {
      for (const [, path] of section.matchAll(/`((?:packages|apps|policies)\/[\w/.-]+)`/g)) {
        if (path && !existsSync(join(repo, path))) missing.push(`${module}: ${path}`);
      }
      for (const [, test] of section.matchAll(/`test\/([\w.-]+\.test\.ts)`/g)) {
        if (test && !existsSync(join(repo, "apps/server/test", test))) missing.push(`${module}: test/${test}`);
      }
      for (const [, route] of section.matchAll(/`http\/routes\/([\w-]+\.ts)`/g)) {
        if (route && !existsSync(join(src, "http/routes", route))) missing.push(`${module}: http/routes/${route}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

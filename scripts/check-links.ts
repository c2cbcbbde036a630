// Every relative link in the repository's Markdown files resolves: the file (or folder) exists, and an
// anchor (`file.md#section`, `#section`) names a heading of that file as GitHub spells it. External
// links (http:, https:, mailto:) are not fetched. Exit 1 naming each broken link, file and line.
// `npx tsx scripts/check-links.ts [DIR]` (default: the repository). npm test runs it with the static checks.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const skipDirs = new Set(["node_modules", ".git", "data", ".tmp", "dist"]);

/** The Markdown files under dir, skipping dependencies, build output and local data. */
export function markdownFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) found.push(...markdownFiles(join(dir, entry.name)));
    } else if (entry.name.endsWith(".md")) found.push(join(dir, entry.name));
  }
  return found;
}

/** A heading's anchor as GitHub makes it: the rendered text lower-cased, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link: its text
    .replace(/<[^>]+>/g, "") // inline HTML
    .replace(/[`*]/g, "");
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Lines outside fenced code blocks, each with its 1-based number. */
function proseLines(text: string): { line: string; number: number }[] {
  const lines: { line: string; number: number }[] = [];
  let fence: string | null = null;
  text.split("\n").forEach((line, index) => {
    const marker = /^\s*(```+|~~~+)/.exec(line);
    if (marker) {
      const char = marker[1]?.[0] ?? "`";
      if (fence === null) fence = char;
      else if (char === fence) fence = null;
      return;
    }
    if (fence === null) lines.push({ line, number: index + 1 });
  });
  return lines;
}

/** The anchors a Markdown file offers: its headings' slugs (repeats numbered -1, -2 …) and explicit ids. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { line } of proseLines(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = slug(heading[1] ?? "");
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) if (match[1]) anchors.add(match[1]);
  }
  return anchors;
}

/** The link targets on a line, code spans left out: inline links and reference definitions. */
export function linkTargets(line: string): string[] {
  const withoutCode = line.replace(/(`+)[^`]*?\1/g, "");
  const targets: string[] = [];
  for (const match of withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    if (match[1]) targets.push(match[1]);
  const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(withoutCode);
  if (definition?.[1]) targets.push(definition[1]);
  return targets;
}

export interface BrokenLink {
  file: string;
  line: number;
  target: string;
  reason: "no such file" | "no such heading";
}

/** Every broken relative link in the given files. */
export function brokenLinks(files: string[]): BrokenLink[] {
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (path: string): Set<string> => {
    let anchors = anchorCache.get(path);
    if (anchors === undefined) {
      anchors = anchorsOf(readFileSync(path, "utf8"));
      anchorCache.set(path, anchors);
    }
    return anchors;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    for (const { line, number } of proseLines(readFileSync(file, "utf8"))) {
      for (const target of linkTargets(line)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto: …
        const [pathPart = "", anchor] = target.split("#", 2);
        const path = pathPart === "" ? file : resolve(dirname(file), decodeURIComponent(pathPart));
        if (!existsSync(path)) {
          broken.push({ file, line: number, target, reason: "no such file" });
          continue;
        }
        if (anchor === undefined || anchor === "") continue;
        if (statSync(path).isDirectory() || !path.endsWith(".md")) continue;
        if (!anchorsIn(path).has(decodeURIComponent(anchor).toLowerCase())) {
          broken.push({ file, line: number, target, reason: "no such heading" });
        }
      }
    }
  }
  return broken;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
  const files = markdownFiles(root);
  const broken = brokenLinks(files);
  for (const { file, line, target, reason } of broken) {
    process.stdout.write(`${relative(root, file)}:${line}: ${target}: ${reason}\n`);
  }
  process.stdout.write(`${files.length} Markdown files, ${broken.length} broken relative links\n`);
  process.exitCode = broken.length > 0 ? 1 : 0;
}

/**
 * `tsx bench/cpuprofile-summary.ts <file.cpuprofile> [top]`: a V8 CPU profile (node --cpu-prof) as
 * three tables: self time by function, inclusive time of the project's own functions, and self time
 * by package or file, in per cent of the samples. (A function that calls itself counts twice in the
 * inclusive table.)
 */
import { readFileSync } from "node:fs";

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: cpuprofile-summary.ts <file.cpuprofile> [top]");
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMs = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

const where = (url: string) => {
  if (!url) return "(native/gc)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith("node:")) return url;
  const local = /\/(packages|apps|bench)\/(.+)$/.exec(url);
  return local ? `${local[1]}/${local[2]}` : url;
};
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const place = where(url);
  add(byFunction, `${functionName || "(anonymous)"} ${place}${url ? `:${lineNumber + 1}` : ""}`, ms);
  add(byPlace, place, ms);
}
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title} (of ${Math.round(total)} ms sampled)\n`);
  for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(
      `${((ms / total) * 100).toFixed(1).padStart(5)} %  ${Math.round(ms).toString().padStart(6)} ms  ${key}\n`,
    );
  }
};
// Inclusive time (self and callees) of the project's own functions, to see which step costs what.
const inclusive = new Map<number, number>();
const inclusiveMs = (node: Node): number => {
  const cached = inclusive.get(node.id);
  if (cached !== undefined) return cached;
  let ms = selfMs.get(node.id) ?? 0;
  for (const child of node.children ?? []) {
    const c = byId.get(child);
    if (c) ms += inclusiveMs(c);
  }
  inclusive.set(node.id, ms);
  return ms;
};
const ownInclusive = new Map<string, number>();
for (const node of profile.nodes) {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!/\/(packages|apps)\//.test(url) || url.includes("node_modules")) continue;
  const ms = inclusiveMs(node);
  add(ownInclusive, `${functionName || "(anonymous)"} ${where(url)}:${lineNumber + 1}`, ms);
}
print("self time by function", byFunction);
print("inclusive time of the project's functions", ownInclusive);
print("self time by package or file", byPlace);

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type Policy, policySchema } from "@jitsumei/domain";
import type { z } from "zod";
import { canonicalJson } from "../crypto/canonical-json.ts";

export type LoadedPolicy = Policy & { file: string; contentHash: string };

/** What identifies a loaded policy, without its rules: for lists (the CLI, the console). */
export function policySummary(p: LoadedPolicy) {
  return {
    id: p.id,
    version: p.version,
    kind: p.kind,
    title: p.title,
    effectiveFrom: p.effectiveFrom,
    effectiveUntil: p.effectiveUntil,
    file: p.file,
    contentHash: p.contentHash,
  };
}

export class PolicyLoadError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}${path ? ` at ${path}` : ""}: ${reason}`);
    this.name = "PolicyLoadError";
  }
}

/**
 * Reads and validates every policy file (*.json) under the folders, and checks that statutory
 * policies never overlap: on any day exactly one decides what the law asks.
 */
export function loadPolicies(dirs: readonly string[]): LoadedPolicy[] {
  const policies: LoadedPolicy[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new PolicyLoadError(dir, "", "the folder does not exist");
    for (const file of listJson(dir)) policies.push(loadPolicyFile(file, dir));
  }
  const seen = new Map<string, string>();
  for (const p of policies) {
    const key = `${p.id}@${p.version}`;
    const earlier = seen.get(key);
    if (earlier) throw new PolicyLoadError(p.file, "version", `${key} is also defined in ${earlier}`);
    seen.set(key, p.file);
  }
  const statutory = policies
    .filter((p) => p.kind === "statutory")
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  for (let i = 1; i < statutory.length; i++) {
    const before = statutory[i - 1] as LoadedPolicy;
    const after = statutory[i] as LoadedPolicy;
    if (before.effectiveUntil === null || before.effectiveUntil >= after.effectiveFrom) {
      throw new PolicyLoadError(
        after.file,
        "effectiveFrom",
        `overlaps ${before.file} (in force until ${before.effectiveUntil ?? "open"})`,
      );
    }
  }
  return policies;
}

function loadPolicyFile(file: string, root: string): LoadedPolicy {
  return readPolicyFile(file, relative(join(root, ".."), file), policySchema);
}

/**
 * Reads one policy file of any kind against its schema: JSON, then the schema, each failure naming
 * the file, the path in it and the reason; the content hash is over the canonical JSON.
 */
export function readPolicyFile<T>(
  path: string,
  name: string,
  schema: z.ZodType<T>,
): T & { file: string; contentHash: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new PolicyLoadError(name, "", `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PolicyLoadError(name, issue?.path.join(".") ?? "", issue?.message ?? "invalid");
  }
  const contentHash = createHash("sha256").update(canonicalJson(parsed.data)).digest("hex");
  return { ...parsed.data, file: name, contentHash };
}

function listJson(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      // credit/ holds the credit policies, another schema (credit/credit-policies.ts).
      if (statSync(path).isDirectory()) return name === "credit" ? [] : listJson(path);
      return name.endsWith(".json") ? [path] : [];
    });
}

// `npx tsx scripts/sql-status-literals.ts`: no status value written bare into the server's SQL (issue #23).
// A status is a word of a lifecycle: a state of one of the domain's tables (every `…States`/`…Statuses`
// list `@jitsumei/domain` exports) or a value a migration's CHECK allows in a status column (`status`,
// `state`, `outcome`, `to_state`). Inside SQL text (a string or template of the server's source that
// reads as a statement), a quoted literal equal to such a word is reported with its file and line: write
// it as a parameter typed by the domain (`status = $2` with a `LineState`), or, where the SQL must carry
// the literal itself (a partial index's predicate), as `${sqlStatus<SimCardStatus>("available")}`
// (apps/server/src/db/sql-status.ts), so that renaming the state is a type error. The test beside this
// file runs it; `--list` prints each finding and the count without failing.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as domain from "@jitsumei/domain";
import ts from "typescript";

const root = join(import.meta.dirname, "..");

/** The status words: the domain's state lists and the migrations' CHECKs on status columns. */
export function statusWords(): Set<string> {
  const words = new Set<string>();
  for (const [name, value] of Object.entries(domain)) {
    if (/(States|Statuses)$/.test(name) && Array.isArray(value)) {
      for (const v of value) if (typeof v === "string") words.add(v);
    }
  }
  const migrations = join(root, "apps/server/migrations");
  for (const file of readdirSync(migrations).filter((f) => f.endsWith(".sql"))) {
    const sql = readFileSync(join(migrations, file), "utf8");
    for (const m of sql.matchAll(/CHECK\s*\(\s*(?:status|state|outcome|to_state)\s+IN\s*\(([^)]*)\)/gi)) {
      for (const w of (m[1] ?? "").matchAll(/'([^']+)'/g)) if (w[1]) words.add(w[1]);
    }
  }
  return words;
}

export type Finding = { file: string; line: number; value: string };

const sqlStatement = /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM|WHERE|VALUES)\b/;

/** The bare status literals in the SQL text of one source file. */
export function statusLiteralsIn(file: string, text: string, words: ReadonlySet<string>): Finding[] {
  if (!sqlStatement.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found: Finding[] = [];
  // Each piece of SQL text with where its raw text starts in the file (a template's parts between `${…}`).
  const scan = (pieces: { text: string; at: number }[]): void => {
    if (!pieces.some((p) => sqlStatement.test(p.text))) return;
    for (const piece of pieces) {
      for (const m of piece.text.matchAll(/'([A-Za-z_-]+)'/g)) {
        if (!m[1] || !words.has(m[1])) continue;
        const line = source.getLineAndCharacterOfPosition(piece.at + (m.index ?? 0)).line + 1;
        found.push({ file, line, value: m[1] });
      }
    }
  };
  const piece = (node: ts.Node, text: string) => ({ text, at: node.getStart(source) + 1 });
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) scan([piece(node, node.text)]);
    else if (ts.isTemplateExpression(node)) {
      scan([piece(node.head, node.head.text), ...node.templateSpans.map((s) => piece(s.literal, s.literal.text))]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every bare status literal in the server's SQL (apps/server/src, tests left out). */
export function statusLiterals(): Finding[] {
  const words = statusWords();
  return sourceFiles(join(root, "apps/server/src")).flatMap((path) =>
    statusLiteralsIn(relative(root, path), readFileSync(path, "utf8"), words),
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const found = statusLiterals();
  for (const f of found) process.stdout.write(`${f.file}:${f.line}: '${f.value}'\n`);
  process.stdout.write(`${found.length} bare status literal(s) in SQL\n`);
  if (found.length > 0 && !process.argv.includes("--list")) process.exit(1);
}

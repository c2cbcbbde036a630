// `npx tsx scripts/sql-check.ts`: no SQL outside repositories (issue #23). Fails naming file and line for
// every call of `query` or `exec` on the database port (`Queryable`/`Database` of
// apps/server/src/db/database.ts, or any type built on them) in the server's source, except in
// - files named `*-repository.ts`: each module's SQL lives there, as plain functions `(db, ...args)`;
// - apps/server/src/db/: the adapters and migrate are infrastructure;
// - tests (`*.test.ts`, apps/server/test/): they set up and inspect with SQL.
// The TypeScript type checker decides what a call's receiver is, so a RegExp's `exec` or a PGlite's own
// `query` is not counted, and a `db` renamed `tx` or `(tx ?? db)` still is.
import { relative, resolve } from "node:path";
import ts from "typescript";

const root = resolve(import.meta.dirname, "..");
const serverSource = "apps/server/src/";
const portFile = "apps/server/src/db/database.ts";

function allowed(file: string): boolean {
  return (
    file.endsWith("-repository.ts") ||
    file.startsWith("apps/server/src/db/") ||
    file.endsWith(".test.ts") ||
    !file.startsWith(serverSource)
  );
}

const configPath = resolve(root, "tsconfig.json");
const config = ts.getParsedCommandLineOfConfigFile(
  configPath,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  },
);
if (!config) throw new Error(`cannot read ${configPath}`);
// `--type-check`: the program is all of tsconfig.json's, and its type errors are reported as
// `tsc -p tsconfig.json --noEmit` reports them; scripts/test.mjs runs that instead of both (one program
// instead of two: 52 s of CPU for the two (tsc 38.9, this script 13.2) against 43.5 for this one).
const typeCheck = process.argv.includes("--type-check");
const sources = config.fileNames.filter((f) => relative(root, f).startsWith(serverSource));
const program = ts.createProgram({
  rootNames: typeCheck ? config.fileNames : sources,
  options: config.options,
  projectReferences: config.projectReferences,
});
const checker = program.getTypeChecker();
const typeErrors = typeCheck ? [...config.errors, ...ts.getPreEmitDiagnostics(program)] : [];
if (typeErrors.length > 0) {
  process.stderr.write(
    ts.formatDiagnosticsWithColorAndContext(typeErrors, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => "\n",
    }),
  );
  process.stderr.write(`${typeErrors.length} type error(s)\n`);
}

/** Whether `query`/`exec` named here is the database port's (declared in database.ts). */
function isPortMethod(name: ts.MemberName): boolean {
  const symbol = checker.getSymbolAtLocation(name);
  const declarations = symbol?.declarations ?? [];
  return declarations.some((d) => relative(root, d.getSourceFile().fileName) === portFile);
}

const found: string[] = [];
for (const sourceFile of program.getSourceFiles()) {
  const file = relative(root, sourceFile.fileName);
  if (!file.startsWith(serverSource) || allowed(file)) continue;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      (ts.isPropertyAccessExpression(node.expression) || ts.isPropertyAccessChain(node.expression)) &&
      (node.expression.name.text === "query" || node.expression.name.text === "exec") &&
      isPortMethod(node.expression.name)
    ) {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.expression.name.getStart());
      found.push(`${file}:${line + 1}:${character + 1}: .${node.expression.name.text}( on the database port`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
}

if (found.length > 0) {
  process.stderr.write(
    `${found.join("\n")}\n${found.length} SQL call(s) outside repositories: move each statement into a ` +
      "function of its module's *-repository.ts (apps/server/src/<module>/<name>-repository.ts) and call that.\n",
  );
}
if (found.length > 0 || typeErrors.length > 0) process.exit(1);
if (typeCheck) process.stdout.write("no type errors\n");
process.stdout.write("no SQL outside repositories\n");

#!/usr/bin/env node
/**
 * `npm run build` for the server: the `jitsumei` command compiled to JavaScript in dist/, so that
 * production (and the bench) start without transforming TypeScript through tsx on every start.
 *
 * - The server's sources and the workspace packages it imports (@jitsumei/*, TypeScript) are bundled by
 *   esbuild into ES modules; every other package stays an import resolved from node_modules as usual
 *   (native and WASM ones included: argon2, sharp, PGlite, the face models).
 * - The CLI's commands are imported on demand (cli/main.ts), and so are the demo's fixture makers: with
 *   `splitting` each of those is a chunk of its own, loaded when first imported.
 * - Files found relative to a source file (`new URL("../../migrations/", import.meta.url)`,
 *   `createRequire(import.meta.url)`, `import.meta.dirname`) keep their meaning: in each bundled
 *   module `import.meta.url` and `import.meta.dirname` become those of the source file, computed from
 *   the chunk's own location (so the tree can still be moved as a whole).
 * - dist/ is written only when the whole build succeeded (built beside it, then renamed).
 *
 * bin/jitsumei.js runs dist/jitsumei.js when it exists, the sources through tsx otherwise or when
 * JITSUMEI_FROM_SOURCE=1, or when a source file is newer than the build (`npm test` builds first, so
 * the servers its tests spawn run this build).
 */
import { readFile, rename, rm } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
// `--outdir <dir>` builds elsewhere (the build's test); it must lie inside the repository, where the
// external packages resolve from node_modules as they do from dist/.
const outdirArg = process.argv.indexOf("--outdir");
const outdir = outdirArg > 0 ? resolve(process.argv[outdirArg + 1] ?? "") : join(here, "dist");
const staging = `${outdir}.building`;

const posix = (p) => p.split(sep).join("/");

/** Bare imports other than the workspace's own packages stay imports of node_modules. */
const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@jitsumei/")) return undefined;
      if (/^[A-Za-z]:[/\\]/.test(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** `import.meta.url` / `.dirname` of a bundled module: those of its source file, relative to the chunk. */
const sourceImportMeta = {
  name: "source-import-meta",
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, "utf8");
      if (!text.includes("import.meta.")) return undefined;
      // Every chunk is written to dist/ itself (no subfolders), so one relative path serves all.
      const fromDist = posix(relative(outdir, args.path));
      const dirFromDist = posix(relative(outdir, dirname(args.path)));
      const url = `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`;
      const dir = `(import.meta.dirname + ${JSON.stringify(`/${dirFromDist}`)})`;
      const contents = text
        .replace(/\bimport\.meta\.url\b/g, url)
        .replace(/\bimport\.meta\.dirname\b/g, dir)
        .replace(/\bimport\.meta\.filename\b/g, `(import.meta.dirname + ${JSON.stringify(`/${fromDist}`)})`);
      const loader = /\.[cm]?tsx$/.test(args.path)
        ? "tsx"
        : /\.[cm]?ts$/.test(args.path)
          ? "ts"
          : /x$/.test(args.path)
            ? "jsx"
            : "js";
      return { contents, loader, resolveDir: dirname(args.path) };
    });
  },
};

await rm(staging, { recursive: true, force: true });
const result = await build({
  entryPoints: { jitsumei: join(here, "src/cli/main.ts") },
  outdir: staging,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "[name]-[hash]",
  sourcemap: "linked",
  sourcesContent: false,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  plugins: [externalPackages, sourceImportMeta],
  banner: { js: "// Built by apps/server/build.mjs from apps/server/src and packages/*/src: do not edit." },
});
if (result.errors.length > 0) process.exit(1);
await rm(outdir, { recursive: true, force: true });
await rename(staging, outdir);
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(
  `${relative(process.cwd(), outdir) || "."}: ${Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js")).length} modules, ${(bytes / 1024 / 1024).toFixed(1)} MiB (with source maps)`,
);

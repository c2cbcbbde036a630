/**
 * Import rules checked by `npm test` (scripts/test.mjs, "import cycles (dependency-cruiser)"):
 * no module may reach itself again through its imports, type-only imports included (a cycle of
 * types still ties two files together), and the front ends import nothing from the server's source.
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "A cycle makes load order matter and two files change together: move the shared part out.",
      from: {},
      to: { circular: true },
    },
    {
      name: "front-ends-not-into-server-source",
      severity: "error",
      comment: "The site and the console take the API from its contract, never from the server's source.",
      from: { path: "^(apps/(web|console)/src|packages/api-contract)/" },
      to: { path: "^apps/server/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist|fixtures)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};

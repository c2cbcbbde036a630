export * from "./package-status.ts";
export * from "./registration-code.ts";

export * from "./line-lifecycle.ts";

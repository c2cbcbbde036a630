export * from "./keep-alive.ts";
export * from "./keep-alive-texts.ts";

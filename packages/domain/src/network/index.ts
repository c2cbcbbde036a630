export * from "./activation-texts.ts";
export * from "./operation-log.ts";

export * from "./stock-statuses.ts";

export * from "./deletion-request.ts";
export * from "./holder-change.ts";
export * from "./payment.ts";
export * from "./police-request.ts";
export * from "./state-table.ts";
export * from "./top-up.ts";

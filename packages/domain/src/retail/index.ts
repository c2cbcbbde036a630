export * from "./package-status.ts";
export * from "./registration-code.ts";
export * from "./retail-messages.ts";
export * from "./voucher-status.ts";

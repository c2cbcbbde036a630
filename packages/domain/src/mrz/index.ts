export * from "./check-digit.ts";
export * from "./parse-mrz.ts";

export * from "./decide-deposit.ts";
export * from "./deposit-reasons.ts";

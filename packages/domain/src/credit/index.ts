export * from "./assess-credit.ts";
export * from "./credit-policy.ts";
export * from "./credit-texts.ts";
export * from "./payment-method-status.ts";

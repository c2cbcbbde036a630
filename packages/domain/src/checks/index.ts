export * from "../i18n/check-messages.ts";
export * from "./age.ts";
export * from "./calendar-date.ts";
export * from "./names.ts";
export * from "./prepaid-checks.ts";

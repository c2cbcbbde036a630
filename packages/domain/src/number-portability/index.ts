export * from "./holder-match.ts";
export * from "./port-lifecycle.ts";
export * from "./port-texts.ts";
export * from "./reservation.ts";

export * from "./pcsc-card.ts";

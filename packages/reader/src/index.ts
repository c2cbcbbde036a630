export * from "./active-authentication.ts";
export * from "./apdu.ts";
export * from "./bac.ts";
export * from "./errors.ts";
export * from "./pace.ts";
export * from "./read-file.ts";
export * from "./read-passport.ts";
export * from "./secure-messaging.ts";

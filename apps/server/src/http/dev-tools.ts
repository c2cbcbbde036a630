import type { Config } from "../config/config.ts";

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Developer tools (the outboxes, the demo staff's codes, the konbini till) only outside production,
 * where mail stays local, and on a server only this machine can reach: HOST=0.0.0.0 in development
 * turns them off.
 */
export function devToolsEnabled(config: Pick<Config, "env" | "host" | "mail">): boolean {
  return config.env !== "production" && config.mail.kind === "local-outbox" && isLoopbackHost(config.host);
}

import { loadConfig } from "../config/config.ts";
import { startServer } from "../server.ts";
import { DEMO_STAFF_PASSWORD, demoStaffEmail } from "../staff/demo-staff.ts";
import { staffRoles } from "../staff/permissions.ts";
import { EXIT, type Io, parseOptions } from "./main.ts";

export async function serveCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, { demo: { type: "boolean", default: false } });
  const config = loadConfig();
  // The demo's staff accounts exist only in development: a production start with --demo gets plans and
  // stock, never accounts with a published password.
  const demoStaff = Boolean(options.demo) && config.env === "development";
  const server = await startServer({
    config,
    demoData: Boolean(options.demo),
    demoStaff,
    warn: (m) => io.err(`WARNING: ${m}`),
  });
  io.err(
    `Jitsumei listening on ${server.url} (database: ${config.database.kind === "pglite" ? `embedded, ${config.database.dataDir}` : "PostgreSQL"}; ` +
      `mail: ${config.mail.kind === "smtp" ? "SMTP" : `local outbox at ${server.url}/dev/outbox`})`,
  );
  if (demoStaff) {
    io.err(
      `Demo staff (development only): sign in at ${server.url}/staff/ as ${staffRoles.map(demoStaffEmail).join(", ")} ` +
        `with the password ${DEMO_STAFF_PASSWORD}; each account's current authenticator code is at ${server.url}/dev/demo-staff`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.stop();
  return EXIT.ok;
}

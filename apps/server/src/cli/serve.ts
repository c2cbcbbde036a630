import { loadConfig } from "../config/config.ts";
import { fillDemoTrust } from "../evidence/demo-trust.ts";
import { devToolsEnabled } from "../http/dev-tools.ts";
import { asyncLogDestination } from "../http/log-destination.ts";
import { READER_APP_SIMULATOR_PATH } from "../reader/reader-app-simulator.ts";
import { startServer } from "../server.ts";
import { DEMO_STAFF_PASSWORD, demoStaffEmail } from "../staff/demo-staff.ts";
import { staffRoles } from "../staff/permissions.ts";
import { EXIT, type Io, parseOptions } from "./io.ts";

export async function serveCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, { demo: { type: "boolean", default: false } });
  const config = loadConfig();
  // The demo's staff accounts exist only in development: a production start with --demo gets plans and
  // stock, never accounts with a published password.
  const demoStaff = Boolean(options.demo) && config.env === "development";
  // Before the server loads its trust folders: the demo chips' country signing CAs in the CSCA folder.
  const demoTrust = options.demo
    ? await fillDemoTrust(config).catch((error: Error) => {
        io.err(`WARNING: the demo chips could not be made (${error.message}): chip checks will not trust them`);
        return null;
      })
    : null;
  // The demo's reader app is the simulator page (development only, beside the other dev tools), unless
  // the operator named a real app: the site then offers chip reading online.
  const readerSimulator =
    demoTrust !== null && devToolsEnabled(config) && !config.readerApps.ios && !config.readerApps.android;
  if (readerSimulator) {
    // A path on the site itself, whatever origin the browser uses (localhost or 127.0.0.1).
    config.readerApps = { ios: READER_APP_SIMULATOR_PATH, android: READER_APP_SIMULATOR_PATH };
  }
  const server = await startServer({
    config,
    demoData: Boolean(options.demo),
    demoStaff,
    warn: (m) => io.err(`WARNING: ${m}`),
    // The request log, asynchronously (flushed on exit, a crash's included): log-destination.ts.
    logStream: asyncLogDestination(),
  });
  io.err(
    `Jitsumei listening on ${server.url} (database: ${config.database.kind === "pglite" ? `embedded, ${config.database.dataDir}` : "PostgreSQL"}; ` +
      `mail: ${config.mail.kind === "smtp" ? "SMTP" : `local outbox at ${server.url}/dev/outbox`})`,
  );
  if (server.simulators.length > 0) {
    io.err(`Simulators in use (JITSUMEI_ADAPTERS_MODULE names real adapters): ${server.simulators.join(", ")}`);
  }
  io.err(
    `Trust folders: country signing CAs (chips) in ${config.trust.cscaDir}, the JPKI CA in ${config.trust.jpkiDir}` +
      " (JITSUMEI_CSCA_DIR, JITSUMEI_JPKI_TRUST_DIR)",
  );
  if (demoTrust) {
    io.err(
      `Demo chips (development only): their test CSCAs ${demoTrust.filled ? "were put" : "are expected"} in ${demoTrust.cscaDir}; ` +
        `a passport chip as the counter's reader saves it is ${demoTrust.chipFile} (type its MRZ: ${demoTrust.mrz.join(" ")})`,
    );
  }
  if (readerSimulator) {
    io.err(
      `Reader app (development only): the simulator at ${server.url}${READER_APP_SIMULATOR_PATH} takes the site's QR code address and sends a demo chip; ` +
        `MNP reservation numbers at ${server.url}/dev/mnp`,
    );
  }
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

import { startServer } from "../server.ts";
import { EXIT, type Io, parseOptions } from "./main.ts";

export async function serveCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, { demo: { type: "boolean", default: false } });
  const server = await startServer({ demoData: Boolean(options.demo), warn: (m) => io.err(`WARNING: ${m}`) });
  const { config } = server.services;
  io.err(
    `Jitsumei listening on ${server.url} (database: ${config.database.kind === "pglite" ? `embedded, ${config.database.dataDir}` : "PostgreSQL"}; ` +
      `mail: ${config.mail.kind === "smtp" ? "SMTP" : `local outbox at ${server.url}/dev/outbox`})`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.stop();
  return EXIT.ok;
}

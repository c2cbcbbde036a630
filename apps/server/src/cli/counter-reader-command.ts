import { createInterface } from "node:readline";
import { COUNTER_READER_PORT, pcscChipReader, startCounterReader } from "../counter-reader/counter-reader.ts";
import { EXIT, type Io, parseOptions, UsageError } from "./io.ts";

/**
 * `jitsumei counter-reader --origin CONSOLE_ORIGIN [--reader NAME]`: the counter PC's chip reader for
 * the console's counter page, on 127.0.0.1:47900 only. Each line typed on stdin is a pairing code (the
 * one the console shows); runs until stopped.
 */
export async function counterReaderCommand(args: string[], io: Io): Promise<number> {
  const options = parseOptions(args, { origin: { type: "string" }, reader: { type: "string" } });
  if (!options.origin) throw new UsageError("counter-reader needs --origin CONSOLE_ORIGIN [--reader NAME]");
  let origin: string;
  try {
    origin = new URL(options.origin).origin;
  } catch {
    throw new UsageError(`--origin ${options.origin}: not a URL`);
  }
  const reader = await startCounterReader({ origin, read: pcscChipReader(options.reader) });
  io.err(`Counter reader on http://127.0.0.1:${COUNTER_READER_PORT} for ${origin}.\n`);
  io.err("Type the pairing code the console shows, then Enter:\n");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === "") continue;
    reader.expectPairingCode(line);
    io.err('Code taken: press "Pair" in the console.\n');
  }
  await reader.close();
  return EXIT.ok;
}

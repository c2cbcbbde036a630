import type { Transport } from "@jitsumei/reader";

/** Why no card could be reached, as a stable code: the CLI and the counter program say which. */
export type PcscErrorCode =
  | "pcsc_unavailable" // the binding is not installed here, or the PC/SC service (pcscd) does not answer
  | "no_reader" // no reader is connected (or none by the name asked for)
  | "no_card"; // a reader is there, but no card lies on it

export class PcscError extends Error {
  constructor(
    readonly code: PcscErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "PcscError";
  }
}

export type PcscCard = {
  readerName: string;
  transport: Transport;
  /** Resets the card (its secure-messaging session ends with the read) and detaches from PC/SC. */
  close(): Promise<void>;
};

export type ConnectOptions = {
  /** A reader's name as PC/SC lists it; unset: the first reader that holds a card. */
  reader?: string;
  /** How long to wait for a reader and a card before giving up. */
  waitMs?: number;
};

type PcscMini = typeof import("pcsc-mini");

/** pcsc-lite's MAX_BUFFER_SIZE_EXTENDED: 65,536 data bytes, the status word and headroom for the header. */
const EXTENDED_ANSWER = 4 + 3 + 65536 + 3 + 2;

/**
 * pcsc-mini is an optional dependency (prebuilt N-API binaries for Linux, macOS and Windows, no build
 * step): where it is absent, or libpcsclite is missing, the server still starts and only this fails.
 */
async function loadBinding(): Promise<PcscMini> {
  try {
    return await import("pcsc-mini");
  } catch (error) {
    throw new PcscError(
      "pcsc_unavailable",
      `the PC/SC binding (pcsc-mini) cannot be loaded here: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Connects to the card in the named reader, or in the first reader that holds one, waiting up to
 * `waitMs` for both to appear. The transport sends each APDU with SCardTransmit.
 */
export async function connectCard(options: ConnectOptions = {}): Promise<PcscCard> {
  const pcsc = await loadBinding();
  const waitMs = options.waitMs ?? 5000;
  const client = new pcsc.Client();
  const seen = new Map<string, boolean>();
  const quiet = quietClock();

  const found = new Promise<import("pcsc-mini").Reader>((resolve, reject) => {
    client.on("error", (error) => reject(new PcscError("pcsc_unavailable", `PC/SC failed: ${error.message}`)));
    client.on("reader", (reader) => {
      reader.on("change", (status) => {
        quiet.changed();
        const present = status.has(pcsc.ReaderStatus.PRESENT);
        seen.set(reader.name(), present);
        if (present && (options.reader === undefined || reader.name() === options.reader)) resolve(reader);
      });
      reader.on("disconnect", () => seen.delete(reader.name()));
    });
  });
  try {
    client.start();
  } catch (error) {
    throw new PcscError(
      "pcsc_unavailable",
      `the PC/SC service does not answer (is pcscd running?): ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(notFound(options.reader, seen)), waitMs);
  });
  try {
    const reader = await Promise.race([found, timeout]);
    const card = await reader.connect(pcsc.CardMode.SHARED, pcsc.Protocol.ANY);
    return {
      readerName: reader.name(),
      // pcsc-mini's default answer buffer is a short APDU's (264 bytes): a residence card answers its
      // 7,000-byte front in one extended-length response, so each answer gets pcsc-lite's extended size.
      transport: async (apdu) => Uint8Array.from(await card.transmit(apdu, new ArrayBuffer(EXTENDED_ANSWER))),
      async close() {
        try {
          await card.disconnect(pcsc.CardDisposition.RESET);
        } finally {
          // The reset is a change of the reader's state, seen by the monitoring thread just after.
          quiet.changed();
          await stopWhenQuiet(client, quiet);
        }
      },
    };
  } catch (error) {
    await stopWhenQuiet(client, quiet);
    if (error instanceof PcscError) throw error;
    throw new PcscError(
      "no_card",
      `the card could not be reached: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** How long the readers must have been still before a client is stopped (see `stopWhenQuiet`). */
const QUIET_MS = 300;
const QUIET_MAX_WAIT_MS = 2000;

export type QuietClock = { changed(): void; quietFor(): number };

/** When a client last saw a reader change, as `stopWhenQuiet` needs it. */
export function quietClock(): QuietClock {
  let last = Date.now();
  return {
    changed: () => {
      last = Date.now();
    },
    quietFor: () => Date.now() - last,
  };
}

/**
 * Stops a pcsc-mini client once its readers have been still for `QUIET_MS`. Its `stop()` cancels the
 * monitoring thread's wait for a change (SCardCancel) and joins the thread; a cancel that arrives while
 * the thread is between two waits (just after it reported a change) ends nothing, and `stop()` then
 * blocks the whole process until some reader changes again: seen as reads that hung for a minute, or
 * for good. Waiting for a quiet spell lets the thread settle into its wait first. Errors from a client
 * that already lost its context (pcscd answers InvalidHandle when another process's reader comes or
 * goes) are ignored: nothing is left to free.
 */
export async function stopWhenQuiet(client: { stop(): void }, quiet: QuietClock): Promise<void> {
  // Other readers may change all the time (another program's cards): wait at most this long.
  const deadline = Date.now() + QUIET_MAX_WAIT_MS;
  for (let wait = QUIET_MS - quiet.quietFor(); wait > 0 && Date.now() < deadline; wait = QUIET_MS - quiet.quietFor()) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, deadline - Date.now())));
  }
  try {
    client.stop();
  } catch {
    // already detached
  }
}

function notFound(wanted: string | undefined, seen: ReadonlyMap<string, boolean>): PcscError {
  const names = [...seen.keys()];
  if (wanted !== undefined && !seen.has(wanted)) {
    return new PcscError(
      "no_reader",
      names.length === 0
        ? `no PC/SC reader is connected (looked for "${wanted}")`
        : `no PC/SC reader named "${wanted}"; connected: ${names.map((n) => `"${n}"`).join(", ")}`,
    );
  }
  if (names.length === 0) return new PcscError("no_reader", "no PC/SC reader is connected");
  const where = wanted ?? names.join(", ");
  return new PcscError("no_card", `no card on the reader (${where})`);
}

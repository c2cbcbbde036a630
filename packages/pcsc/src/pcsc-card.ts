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
  /** Resets the card (its secure-messaging session ends with the read); the process's PC/SC client stays. */
  close(): Promise<void>;
};

export type ConnectOptions = {
  /** A reader's name as PC/SC lists it; unset: the first reader that holds a card. */
  reader?: string;
  /** How long to wait for a reader and a card before giving up. */
  waitMs?: number;
  /** pcsc-mini, or a test's stand-in for it; the installed pcsc-mini when unset. */
  binding?: PcscMini;
};

export type PcscMini = typeof import("pcsc-mini");

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
 * The process's one PC/SC client, watching every reader, started at the first connect and never
 * stopped. pcsc-mini's `stop()` cancels its monitoring thread's wait for a change (SCardCancel) and
 * joins the thread; a cancel that pcscd does not deliver leaves `stop()` blocking the whole process
 * for good (seen in the suite: a worker stuck in the join, its monitor thread still waiting, after a
 * counter read). A client per read meant a stop per read; one client means none. A one-shot command
 * ends its process itself (`bin/jitsumei.js`). An error of the client (pcscd restarted) drops it, and
 * the next connect starts another.
 */
type Monitor = {
  client: import("pcsc-mini").Client;
  /** Every reader seen and whether a card lies on it. */
  readers: Map<string, { reader: import("pcsc-mini").Reader; present: boolean }>;
  /** Called on every change (and on the client's failure), so waiting connects look again. */
  waiters: Set<() => void>;
  failure: Error | null;
};
/** Per binding: pcsc-mini's own, or a test's stand-in (`ConnectOptions.binding`). */
const monitors = new WeakMap<PcscMini, Monitor>();

function sharedMonitor(pcsc: PcscMini): Monitor {
  const running = monitors.get(pcsc);
  if (running && !running.failure) return running;
  const client = new pcsc.Client();
  const current: Monitor = { client, readers: new Map(), waiters: new Set(), failure: null };
  const notify = () => {
    for (const waiter of [...current.waiters]) waiter();
  };
  client.on("error", (error) => {
    current.failure = new PcscError("pcsc_unavailable", `PC/SC failed: ${error.message}`);
    if (monitors.get(pcsc) === current) monitors.delete(pcsc);
    notify();
  });
  client.on("reader", (reader) => {
    const name = reader.name();
    current.readers.set(name, { reader, present: false });
    reader.on("change", (status) => {
      current.readers.set(name, { reader, present: status.has(pcsc.ReaderStatus.PRESENT) });
      notify();
    });
    reader.on("disconnect", () => {
      current.readers.delete(name);
      notify();
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
  monitors.set(pcsc, current);
  return current;
}

/**
 * Connects to the card in the named reader, or in the first reader that holds one, waiting up to
 * `waitMs` for both to appear. The transport sends each APDU with SCardTransmit.
 */
export async function connectCard(options: ConnectOptions = {}): Promise<PcscCard> {
  const pcsc = options.binding ?? (await loadBinding());
  const waitMs = options.waitMs ?? 5000;
  let watch = sharedMonitor(pcsc);
  let restarts = 0;
  const reader = await new Promise<import("pcsc-mini").Reader>((resolve, reject) => {
    const look = () => {
      try {
        // A client that failed meanwhile (pcscd restarted, or its context lost when another process's
        // reader came or went) is replaced, a few times per connect, rather than failing the read.
        while (watch.failure) {
          if (++restarts > 3) throw watch.failure;
          watch.waiters.delete(look);
          watch = sharedMonitor(pcsc);
          watch.waiters.add(look);
        }
        for (const [name, { reader, present }] of watch.readers) {
          if (present && (options.reader === undefined || name === options.reader)) {
            done();
            resolve(reader);
            return;
          }
        }
      } catch (error) {
        done();
        reject(error);
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(notFound(options.reader, new Map([...watch.readers].map(([n, r]) => [n, r.present]))));
    }, waitMs);
    const done = () => {
      clearTimeout(timer);
      watch.waiters.delete(look);
    };
    watch.waiters.add(look);
    look();
  });
  let card: import("pcsc-mini").Card;
  try {
    card = await reader.connect(pcsc.CardMode.SHARED, pcsc.Protocol.ANY);
  } catch (error) {
    throw new PcscError(
      "no_card",
      `the card could not be reached: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    readerName: reader.name(),
    // pcsc-mini's default answer buffer is a short APDU's (264 bytes): a residence card answers its
    // 7,000-byte front in one extended-length response, so each answer gets pcsc-lite's extended size.
    transport: async (apdu) => Uint8Array.from(await card.transmit(apdu, new ArrayBuffer(EXTENDED_ANSWER))),
    async close() {
      await card.disconnect(pcsc.CardDisposition.RESET);
    },
  };
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

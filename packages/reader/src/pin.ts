import type { Channel } from "./apdu.ts";
import { hexSw, ReaderError } from "./errors.ts";

/**
 * PIN handling for the My Number card's applications (ISO/IEC 7816-4 §11.5.6 VERIFY):
 * - the tries left are read before every attempt: VERIFY with no data answers 63Cx (x tries left),
 *   9000 (already verified in this session) or 6983 (blocked), and tries nothing;
 * - a blocked PIN is reported (`pin_locked`) and no PIN is sent;
 * - the PIN is sent once; a refusal is `pin_wrong` with the tries left, and the library never sends
 *   it again on its own (the caller asks the holder, who knows how many tries remain).
 * The PIN's reference is the EF selected before (P2 = 80: "specific reference data").
 */
export type PinStatus = { retriesLeft: number | null };

export async function pinRetries(channel: Channel, what: string): Promise<PinStatus> {
  const answer = await channel.send({ cla: 0, ins: 0x20, p1: 0, p2: 0x80 });
  if (answer.sw === 0x9000) return { retriesLeft: null };
  if (answer.sw === 0x6983) throw new ReaderError("pin_locked", `the ${what} is blocked`, answer.sw);
  if ((answer.sw & 0xfff0) === 0x63c0) {
    const retriesLeft = answer.sw & 0x0f;
    if (retriesLeft === 0) throw new ReaderError("pin_locked", `the ${what} has no tries left`, answer.sw);
    return { retriesLeft };
  }
  throw new ReaderError(
    "status_word",
    `reading the ${what}'s tries left: the card answered ${hexSw(answer.sw)}`,
    answer.sw,
  );
}

/** Reads the tries left, then sends the PIN once. The PIN is never part of a message or error. */
export async function verifyPin(channel: Channel, pin: Uint8Array, what: string): Promise<PinStatus> {
  const status = await pinRetries(channel, what);
  const answer = await channel.send({ cla: 0, ins: 0x20, p1: 0, p2: 0x80, data: pin });
  if (answer.sw === 0x9000) return status;
  if (answer.sw === 0x6983) throw new ReaderError("pin_locked", `the ${what} is blocked`, answer.sw);
  if ((answer.sw & 0xfff0) === 0x63c0) {
    const retriesLeft = answer.sw & 0x0f;
    if (retriesLeft === 0) throw new ReaderError("pin_locked", `wrong ${what}: it is now blocked`, answer.sw);
    throw new ReaderError(
      "pin_wrong",
      `wrong ${what}: ${retriesLeft} ${retriesLeft === 1 ? "try" : "tries"} left`,
      answer.sw,
      retriesLeft,
    );
  }
  throw new ReaderError("status_word", `VERIFY the ${what}: the card answered ${hexSw(answer.sw)}`, answer.sw);
}

/**
 * Every way a read can fail, as a stable code: the counter program and the console map these to the
 * clerk's language, never to a stack trace. A card that answers garbage, too slowly or with a wrong MAC
 * ends the read with one of these; nothing the card sends is trusted before it is checked.
 */
export type ReaderErrorCode =
  | "transport_failed" // the transport threw (reader unplugged, card removed)
  | "card_timeout" // no answer within the time allowed
  | "malformed_response" // shorter than a status word, or a length or TLV that does not add up
  | "status_word" // the card refused a command (params.sw)
  | "access_denied" // BAC or PACE failed: the MRZ does not open this chip, or the chip is not genuine
  | "secure_messaging" // a protected response without a valid MAC, or with malformed data objects
  | "file_too_large" // a file longer than the library accepts
  | "pin_wrong" // the card refused the PIN (params.retriesLeft); the library never tries it again itself
  | "pin_locked" // the PIN is blocked (6983, or no tries left): nothing was sent, the holder must unblock it
  | "pin_format" // the PIN typed cannot be this card's (length, characters): refused before the card sees it
  | "unsupported"; // the chip offers only protocols this library does not speak

export class ReaderError extends Error {
  constructor(
    readonly code: ReaderErrorCode,
    message: string,
    readonly sw?: number,
    /** For `pin_wrong`: the tries the card says are left. */
    readonly retriesLeft?: number,
  ) {
    super(message);
    this.name = "ReaderError";
  }
}

export function hexSw(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, "0");
}

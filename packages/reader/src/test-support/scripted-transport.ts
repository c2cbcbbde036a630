import type { Transport } from "../apdu.ts";

export const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
export const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex").toUpperCase();

/**
 * A card that plays back a worked example: each command must be exactly the one the example shows
 * (else the transport throws, naming both), and the example's response comes back.
 */
export function scriptedTransport(
  script: ReadonlyArray<readonly [command: string, response: string]>,
): Transport & { remaining(): number } {
  let step = 0;
  const transport = async (apdu: Uint8Array) => {
    const entry = script[step++];
    if (!entry) throw new Error(`unexpected command ${toHex(apdu)} after the script ended`);
    const expected = entry[0].replace(/\s+/g, "").toUpperCase();
    if (expected !== "*" && toHex(apdu) !== expected)
      throw new Error(`step ${step}: sent ${toHex(apdu)}, the example sends ${expected}`);
    return hex(entry[1]);
  };
  return Object.assign(transport, { remaining: () => script.length - step });
}

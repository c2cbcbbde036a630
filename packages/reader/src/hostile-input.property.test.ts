import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activeAuthenticationKey } from "./active-authentication.ts";
import { parseResponse } from "./apdu.ts";
import { chipAuthenticationInfo } from "./chip-authentication.ts";
import { ReaderError } from "./errors.ts";
import { supportedPaceInfos } from "./pace.ts";
import { dataGroupsListed } from "./read-passport.ts";
import { buildCardAccess, buildCom, buildDg14 } from "./test-support/emulated-passport.ts";
import { readTlvs, tlvTotalLength } from "./tlv.ts";

// What the card sends in the clear (EF.CardAccess) or before its checks (EF.COM, DG14, DG15): every
// parser of it ends in a ReaderError or an answer, never another exception, on any bytes.
const parsers: Record<string, (bytes: Uint8Array) => unknown> = {
  "EF.CardAccess": supportedPaceInfos,
  "EF.COM": dataGroupsListed,
  DG14: chipAuthenticationInfo,
  DG15: activeAuthenticationKey,
  "TLV list": readTlvs,
  "TLV header": tlvTotalLength,
  "response APDU": parseResponse,
};
const seeds = [
  buildCardAccess({
    oid: Uint8Array.from(Buffer.from("04007F00070202040202", "hex")),
    cipher: "aes128",
    parameterId: 13,
  }),
  buildCom([1, 2, 14, 15]),
  buildDg14(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x00])),
];

describe("hostile bytes from the card (property)", () => {
  it.each(Object.entries(parsers))("%s: only ReaderError", (_, parse) => {
    const mutated = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.tuple(fc.constantFrom(...seeds), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([seed, at, value]) => {
        const copy = Uint8Array.from(seed);
        copy[at % copy.length] = value;
        return copy;
      }),
      fc.tuple(fc.constantFrom(...seeds), fc.nat()).map(([seed, cut]) => seed.subarray(0, cut % (seed.length + 1))),
    );
    fc.assert(
      fc.property(mutated, (bytes) => {
        try {
          parse(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(ReaderError);
        }
      }),
      { numRuns: 400 },
    );
  });
});

import { readFileSync } from "node:fs";
import { checkMrzValid, parseMrz } from "@jitsumei/domain";
import { loadTrustStore, verifyPassiveAuthentication } from "@jitsumei/evidence";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import type { Transport } from "./apdu.ts";
import { mrzKeyFromLines } from "./bac.ts";
import { ReaderError } from "./errors.ts";
import { readPassport } from "./read-passport.ts";
import { emulatedPassport, type PassportFiles } from "./test-support/emulated-passport.ts";

// The project's own test chip (packages/evidence/src/fixtures): the ICAO specimen passport, its DG1 and
// DG2 hashed into an SOD signed by a document signer under the test RSA CSCA.
const fixtures = inject("evidenceFixtures").chip;
const specimen = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4"];
const mrz = mrzKeyFromLines(specimen);
const chip: PassportFiles = {
  sod: readFileSync(fixtures.chips.rsa.sod),
  dataGroups: { 1: readFileSync(fixtures.chips.rsa.dg1), 2: readFileSync(fixtures.chips.rsa.dg2) },
};
const trust = loadTrustStore(fixtures.trustDir);

/** What `evidence chip` does with the files: passive authentication, then the MRZ in DG1. */
function verify(read: { sod: Uint8Array; dataGroups: Record<number, Uint8Array> }) {
  const result = verifyPassiveAuthentication(read, trust, { at: new Date() });
  const parsed = result.fields.mrzLines ? parseMrz(result.fields.mrzLines) : null;
  const checks = parsed ? [...result.checks, checkMrzValid(parsed)] : result.checks;
  return { valid: checks.every((c) => c.status !== "fail"), checks };
}

describe("reading an emulated passport end to end", () => {
  it("BAC, secure messaging and short reads give the files the issuer signed: passive authentication passes", async () => {
    const card = emulatedPassport(mrz, chip);
    const read = await readPassport(card, { mrz });
    expect(read.accessControl).toBe("BAC");
    expect(Buffer.from(read.dataGroups[1] ?? [])).toEqual(Buffer.from(chip.dataGroups[1] ?? []));
    expect(Buffer.from(read.dataGroups[2] ?? [])).toEqual(Buffer.from(chip.dataGroups[2] ?? []));
    expect(Object.keys(read.dataGroups)).toEqual(["1", "2"]);
    const result = verify(read);
    expect(result.checks.filter((c) => c.status === "fail")).toEqual([]);
    expect(result.valid).toBe(true);
    // Every read after BAC went through secure messaging (CLA 0C): none in the clear.
    expect(card.commands.filter((c) => c[1] === 0xb0 && c[0] !== 0x0c)).toEqual([]);
  });

  it.each([
    ["brainpoolP256r1, AES-128", "04007F00070202040202", 13],
    ["NIST P-256, AES-256", "04007F00070202040204", 12],
    ["NIST P-256, 3DES", "04007F00070202040201", 12],
  ] as const)(
    "a chip offering PACE (%s) is read with PACE, and passive authentication passes",
    async (_, oid, parameterId) => {
      const info = { oid: Uint8Array.from(Buffer.from(oid, "hex")), cipher: cipherOf(oid), parameterId };
      const card = emulatedPassport(mrz, chip, { pace: { info } });
      const read = await readPassport(card, { mrz });
      expect(read.accessControl).toBe("PACE");
      expect(verify(read).valid).toBe(true);
      // No BAC exchange happened: PACE opened the session.
      expect(card.commands.some((c) => c[1] === 0x82)).toBe(false);
      expect(card.commands.filter((c) => c[1] === 0x86)).toHaveLength(4);
    },
  );

  it("a PACE chip read with pace: false falls back to BAC; a wrong MRZ fails PACE with access_denied", async () => {
    const info = {
      oid: Uint8Array.from(Buffer.from("04007F00070202040202", "hex")),
      cipher: "aes128" as const,
      parameterId: 13,
    };
    const read = await readPassport(emulatedPassport(mrz, chip, { pace: { info } }), { mrz, pace: false });
    expect(read.accessControl).toBe("BAC");
    await expect(
      readPassport(emulatedPassport(mrz, chip, { pace: { info } }), { mrz: { ...mrz, expiryDate: "340416" } }),
    ).rejects.toMatchObject({ code: "access_denied" });
  });

  it("a wrong MAC under PACE's AES secure messaging fails with secure_messaging", async () => {
    const info = {
      oid: Uint8Array.from(Buffer.from("04007F00070202040202", "hex")),
      cipher: "aes128" as const,
      parameterId: 13,
    };
    const card = emulatedPassport(mrz, chip, { pace: { info }, faults: { wrongMacOnResponse: 3 } });
    await expect(readPassport(card, { mrz })).rejects.toMatchObject({ code: "secure_messaging" });
  });

  it("extended-length reads (and the odd-INS READ BINARY past 32 KiB) read the same bytes", async () => {
    const large = { ...chip, dataGroups: { ...chip.dataGroups, 11: big(40_000) } };
    const card = emulatedPassport(mrz, large);
    const read = await readPassport(card, { mrz, extendedLength: true });
    expect(Buffer.from(read.dataGroups[11] ?? [])).toEqual(Buffer.from(large.dataGroups[11]));
    expect(card.commands.some((c) => c[1] === 0xb1)).toBe(true);
  });

  it("a file whose length says 1 MiB is refused as file_too_large after its header, not read", async () => {
    const card = emulatedPassport(mrz, { ...chip, dataGroups: { ...chip.dataGroups, 11: big(1 << 20) } });
    await expect(readPassport(card, { mrz, extendedLength: true })).rejects.toMatchObject({ code: "file_too_large" });
    // DG11's header was read (4 bytes, then 2 more for its 83 length) and nothing after it.
    expect(card.commands.filter((c) => c[1] === 0xb1)).toEqual([]);
  });

  it("a DG1 with one byte changed on the chip is read, and fails the hash check", async () => {
    const dg1 = Uint8Array.from(chip.dataGroups[1] ?? []);
    dg1[10] = (dg1[10] as number) ^ 0x01;
    const read = await readPassport(emulatedPassport(mrz, { ...chip, dataGroups: { ...chip.dataGroups, 1: dg1 } }), {
      mrz,
    });
    const result = verify(read);
    expect(result.valid).toBe(false);
    expect(result.checks).toContainEqual(expect.objectContaining({ code: "chip.data_group_hashes", status: "fail" }));
  });

  it("a wrong secure-messaging MAC from the card ends the read with a secure_messaging error", async () => {
    const failure = await readPassport(emulatedPassport(mrz, chip, { faults: { wrongMacOnResponse: 5 } }), {
      mrz,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReaderError);
    expect(failure).toMatchObject({ code: "secure_messaging", message: expect.stringMatching(/MAC is wrong/) });
  });

  it("a wrong MRZ is access_denied, naming the MRZ", async () => {
    const wrong = { ...mrz, birthDate: "740813" };
    await expect(readPassport(emulatedPassport(mrz, chip), { mrz: wrong })).rejects.toMatchObject({
      code: "access_denied",
      message: expect.stringMatching(/MRZ/),
    });
  });

  it("a card that stops answering ends the read with card_timeout", async () => {
    const card = emulatedPassport(mrz, chip, { faults: { stallFromCommand: 6 } });
    await expect(readPassport(card, { mrz, timeoutMs: 50 })).rejects.toMatchObject({ code: "card_timeout" });
  });

  it("a transport that throws becomes transport_failed", async () => {
    const unplugged: Transport = async () => {
      throw new Error("SCARD_E_NO_SMARTCARD");
    };
    await expect(readPassport(unplugged, { mrz })).rejects.toMatchObject({ code: "transport_failed" });
  });

  it.each([
    ["BAC", undefined],
    [
      "PACE",
      {
        info: {
          oid: Uint8Array.from(Buffer.from("04007F00070202040202", "hex")),
          cipher: "aes128" as const,
          parameterId: 13,
        },
      },
    ],
  ])(
    "fuzz (%s): any one response replaced, cut or bit-flipped gives a ReaderError or the true files, never other bytes",
    async (_, pace) => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 30 }),
          fc.oneof(
            fc.record({ kind: fc.constant("random" as const), bytes: fc.uint8Array({ maxLength: 300 }) }),
            fc.record({ kind: fc.constant("cut" as const), keep: fc.nat(300) }),
            fc.record({ kind: fc.constant("flip" as const), at: fc.nat(400), bit: fc.integer({ min: 0, max: 7 }) }),
          ),
          async (step, mutation) => {
            const card = emulatedPassport(mrz, chip, { pace });
            let n = 0;
            const hostile: Transport = async (apdu) => {
              const answer = await card(apdu);
              if (++n !== step) return answer;
              if (mutation.kind === "random") return mutation.bytes;
              if (mutation.kind === "cut") return answer.subarray(0, Math.min(mutation.keep, answer.length - 1));
              const flipped = Uint8Array.from(answer);
              const at = mutation.at % flipped.length;
              flipped[at] = (flipped[at] as number) ^ (1 << mutation.bit);
              return flipped;
            };
            try {
              const read = await readPassport(hostile, { mrz, timeoutMs: 1000 });
              expect(Buffer.from(read.sod)).toEqual(Buffer.from(chip.sod));
              expect(Buffer.from(read.dataGroups[1] ?? [])).toEqual(Buffer.from(chip.dataGroups[1] ?? []));
              expect(Buffer.from(read.dataGroups[2] ?? [])).toEqual(Buffer.from(chip.dataGroups[2] ?? []));
            } catch (error) {
              if (!(error instanceof ReaderError)) throw error;
            }
          },
        ),
        { numRuns: 150 },
      );
    },
  );
});

function cipherOf(oid: string) {
  return ({ "01": "3des", "02": "aes128", "03": "aes192", "04": "aes256" } as const)[
    oid.slice(-2) as "01" | "02" | "03" | "04"
  ];
}

function big(size: number): Uint8Array {
  const value = Uint8Array.from({ length: size }, (_, i) => (i * 7) & 0xff);
  return Uint8Array.from([0x6b, 0x83, size >> 16, (size >> 8) & 0xff, size & 0xff, ...value]);
}

import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { CmsError, parseSignedData } from "./asn1/cms.ts";
import { certificateFields, DerError, readOne } from "./asn1/der.ts";
import { findTag, readChildren, readTlv, TlvError } from "./asn1/tlv.ts";
import { DataGroupError, faceFromDg2, mrzFromDg1 } from "./chip/data-groups.ts";
import { importMasterList } from "./chip/master-list.ts";
import { verifyPassiveAuthentication } from "./chip/passive-authentication.ts";
import { verifyResidenceCardChip } from "./chip/residence-card.ts";
import { loadTrustStore } from "./chip/trust-store.ts";
import { readChip } from "./fixtures/make-chip-fixtures.ts";
import { crlRevocation, verifyJpkiSignature } from "./jpki/verify-jpki-signature.ts";
import { parseCrl } from "./x509/crl.ts";

/**
 * Hostile input (issue 9, item 3): every parser of outside bytes gets random bytes and damaged real
 * ones (flipped, truncated, spliced, lengths claiming gigabytes). The verifiers applicants reach must
 * answer with a result and never throw; the lower parsers may throw only their own error types. A
 * watchdog fails any single call slower than HANG_MS (a hang, not a speed goal), and the heap may not
 * grow without bound. The number of cases run is printed.
 */
// Cheap parsers get more cases than the verifiers (each of which checks a signature per case).
const RUNS = Number(process.env.JITSUMEI_FUZZ_RUNS ?? 4000);
const VERIFIER_RUNS = Math.ceil(RUNS / 4);
const HANG_MS = 10_000;
const cases: Record<string, number> = {};
let slowest = { target: "", ms: 0 };
const heapBefore = process.memoryUsage().heapUsed;

const { chip, jpki } = inject("evidenceFixtures");
const chipTrust = loadTrustStore(chip.trustDir);
const jpkiTrust = loadTrustStore(jpki.trustDir);
const genuine = readChip(chip.chips.rsa);
const genuineEc = readChip(chip.chips.p256);
const card = chip.residenceCards.secondGeneration;
const residenceCard = {
  front: readFileSync(card.front),
  face: readFileSync(card.face),
  checkCode: readFileSync(card.checkCode),
  certificate: readFileSync(card.certificate),
};
const jpkiSignature = readFileSync(jpki.signatures.cmsAttached);
const jpkiPayload = readFileSync(jpki.payload);
const masterList = readFileSync(chip.masterList);
const masterListAnchor = new X509Certificate(readFileSync(chip.masterListAnchor));
const certificateDer = Buffer.from(masterListAnchor.raw);
const at = new Date();
const genuineJpki = await verifyJpkiSignature(
  { data: jpkiPayload, signature: jpkiSignature },
  { anchors: jpkiTrust.anchors, revocation: crlRevocation(jpkiTrust.crls), at },
);

/** Damage to real bytes: the mutations that reach deep into a parser instead of failing at byte 0. */
function damaged(original: Uint8Array) {
  const length = original.length;
  return fc.oneof(
    // Flip a few bytes.
    fc
      .array(fc.tuple(fc.nat(length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 })
      .map((edits) => {
        const copy = Buffer.from(original);
        for (const [at, value] of edits) copy[at] = value;
        return copy;
      }),
    // Cut short, or cut at the front.
    fc.nat(length).map((n) => Buffer.from(original.subarray(0, n))),
    fc.nat(length).map((n) => Buffer.from(original.subarray(n))),
    // A length that claims up to 4 GiB (long form 0x84) at a random place.
    fc.nat(Math.max(0, length - 6)).map((n) => {
      const copy = Buffer.from(original);
      copy.set([0x84, 0xff, 0xff, 0xff, 0xf0], n + 1);
      return copy;
    }),
    // Indefinite length (0x80), forbidden in DER.
    fc.nat(Math.max(0, length - 2)).map((n) => {
      const copy = Buffer.from(original);
      copy[n + 1] = 0x80;
      return copy;
    }),
    // Random bytes spliced in.
    fc
      .tuple(fc.nat(length), fc.uint8Array({ maxLength: 64 }))
      .map(([n, extra]) => Buffer.concat([original.subarray(0, n), extra, original.subarray(n)])),
  );
}

/** Nested constructed tags many levels deep: a stack-exhaustion attempt. */
const deepNesting = fc.integer({ min: 100, max: 20_000 }).map((depth) => {
  const parts: number[] = [];
  for (let i = 0; i < depth; i++) parts.push(0x30, 0x80);
  return Buffer.from(parts);
});

const hostile = (original: Uint8Array) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
    { weight: 1, arbitrary: deepNesting },
    { weight: 4, arbitrary: damaged(original) },
  );

/** Runs one call under the watchdog, counting it; `allowed` are the error types it may throw. */
async function guarded(target: string, call: () => unknown, allowed: readonly (new (...args: never[]) => Error)[]) {
  cases[target] = (cases[target] ?? 0) + 1;
  const started = performance.now();
  let thrown: unknown = null;
  try {
    await call();
  } catch (error) {
    thrown = error;
  }
  const ms = performance.now() - started;
  if (ms > slowest.ms) slowest = { target, ms };
  if (ms > HANG_MS) throw new Error(`${target} took ${Math.round(ms)} ms on one input: a hang`);
  if (thrown !== null && !allowed.some((type) => thrown instanceof type)) {
    throw new Error(`${target} threw ${(thrown as Error)?.constructor?.name}: ${(thrown as Error)?.message}`);
  }
}

const property = (
  target: string,
  original: Uint8Array,
  call: (bytes: Buffer) => unknown,
  allowed: Parameters<typeof guarded>[2] = [],
  numRuns = allowed.length > 0 ? RUNS : VERIFIER_RUNS,
) =>
  fc.assert(
    fc.asyncProperty(hostile(original), (bytes) => guarded(target, () => call(Buffer.from(bytes)), allowed)),
    { numRuns },
  );

afterAll(() => {
  const total = Object.values(cases).reduce((a, b) => a + b, 0);
  const grown = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024);
  process.stdout.write(
    `hostile input (evidence): ${total} cases — ${JSON.stringify(cases)}; slowest ${slowest.target} ` +
      `${Math.round(slowest.ms)} ms; heap grew ${grown} MiB\n`,
  );
});

describe("hostile bytes for every evidence parser", () => {
  it("BER-TLV: only TlvError", async () => {
    await property(
      "tlv",
      genuine.sod,
      (b) => {
        const tlv = readTlv(b);
        readChildren(tlv.value);
        findTag(b, 0x5f1f);
      },
      [TlvError],
    );
  });

  it("DER: only DerError and TlvError (it reads through the TLV reader)", async () => {
    await property(
      "der",
      certificateDer,
      (b) => {
        readOne(b);
        certificateFields(b);
      },
      [DerError, TlvError],
    );
  });

  it("CMS SignedData (SOD, JPKI, master list): only CmsError and the DER errors", async () => {
    await property("cms", genuine.sod.subarray(4), (b) => parseSignedData(b), [CmsError, DerError, TlvError]);
  });

  it("data groups: only DataGroupError and TlvError", async () => {
    await property("dg1", genuine.dataGroups[1] as Uint8Array, (b) => mrzFromDg1(b), [DataGroupError, TlvError]);
    await property("dg2", genuine.dataGroups[2] as Uint8Array, (b) => faceFromDg2(b), [DataGroupError, TlvError]);
  });

  it("passive authentication answers every SOD and data group with a result, never an exception", async () => {
    await property("chip.sod", genuineEc.sod, (sod) => {
      const result = verifyPassiveAuthentication({ sod, dataGroups: genuineEc.dataGroups }, chipTrust, { at });
      // Damage outside what is signed may leave it valid: the property is that it answers at all.
      expect(typeof result.valid).toBe("boolean");
    });
    await property("chip.dg1", genuine.dataGroups[1] as Uint8Array, (dg1) => {
      const result = verifyPassiveAuthentication(
        { ...genuine, dataGroups: { ...genuine.dataGroups, 1: dg1 } },
        chipTrust,
        { at },
      );
      // A changed DG1 can never pass: its hash is signed.
      if (!Buffer.from(dg1).equals(Buffer.from(genuine.dataGroups[1] as Uint8Array))) expect(result.valid).toBe(false);
    });
  });

  it("residence-card chips: a result, never an exception", async () => {
    await property("residence_card.certificate", residenceCard.certificate, (certificate) =>
      verifyResidenceCardChip({ ...residenceCard, certificate }, chipTrust, { at }),
    );
    await property("residence_card.check_code", residenceCard.checkCode, (checkCode) => {
      const result = verifyResidenceCardChip({ ...residenceCard, checkCode }, chipTrust, { at });
      if (!checkCode.equals(residenceCard.checkCode)) expect(result.valid).toBe(false);
    });
  });

  it("JPKI signatures and certificates: a result, never an exception", async () => {
    const context = { anchors: jpkiTrust.anchors, revocation: crlRevocation(jpkiTrust.crls), at };
    await property("jpki.signature", jpkiSignature, async (signature) => {
      const result = await verifyJpkiSignature({ data: jpkiPayload, signature }, context);
      // Damage the signature does not cover (bytes after it, an unsigned field) may leave it valid,
      // but then it must vouch for exactly the genuine particulars, never for altered ones.
      if (result.valid) expect(result.fields.particulars).toEqual(genuineJpki.fields.particulars);
    });
    await property("jpki.certificate", certificateDer, (certificate) =>
      verifyJpkiSignature({ data: jpkiPayload, signature: jpkiSignature, certificate }, context),
    );
  });

  it("certificates, CRLs and master lists (operator files): an Error, never a hang or a crash", async () => {
    await property("x509", certificateDer, (b) => new X509Certificate(b), [Error]);
    const crl = jpkiTrust.crls[0]?.der ?? certificateDer;
    await property("crl", crl, (b) => parseCrl(b), [Error]);
    await property("master_list", masterList, (b) => importMasterList(b, [masterListAnchor], at), [Error]);
  });

  it("keeps the heap bounded over every case above", () => {
    // A parser that kept what it read (a cache without bound) would show here after tens of thousands of cases.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(512 * 1024 * 1024);
  });
});

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { readTlv } from "../asn1/tlv.ts";
import { readChip } from "../fixtures/make-chip-fixtures.ts";
import { verifyPassiveAuthentication } from "./passive-authentication.ts";
import { loadTrustStore } from "./trust-store.ts";

const { chip } = inject("evidenceFixtures");
const trust = loadTrustStore(chip.trustDir);
const now = new Date();
const failed = (r: ReturnType<typeof verifyPassiveAuthentication>) =>
  r.checks.filter((c) => c.status === "fail").map((c) => c.code);

describe("IC-chip passive authentication", () => {
  it.each([
    ["rsa", "rsa-pkcs1-sha256"],
    ["rsaPss", "rsa-pss-sha256"],
    ["p256", "ecdsa-sha256"],
    ["brainpool", "ecdsa-sha256"],
    ["rsaSha1", "rsa-pkcs1-sha1"],
    ["rsaSha512", "rsa-pkcs1-sha512"],
  ] as const)("accepts a genuine %s chip", (name, scheme) => {
    const result = verifyPassiveAuthentication(readChip(chip.chips[name]), trust, { at: now });
    expect(failed(result)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.fields.signatureScheme).toBe(scheme);
    expect(result.fields.mrzLines).toEqual([
      "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
      "L898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4",
    ]);
    expect(result.fields.face?.format).toBe("jpeg");
    expect(result.fields.face?.bytes.subarray(0, 3).toString("hex")).toBe("ffd8ff");
    expect(result.checks.map((c) => c.code)).toEqual(
      expect.arrayContaining([
        "chip.sod_readable",
        "chip.data_group_hashes",
        "chip.sod_signature",
        "chip.document_signer_trusted",
        "chip.document_signer_valid",
        "chip.document_signer_not_revoked",
      ]),
    );
  });

  it("is what openssl says too: the test SODs verify with openssl cms against the CSCA", () => {
    const sod = readTlv(readFileSync(chip.chips.brainpool.sod));
    const out = execFileSync(
      "openssl",
      [
        "cms",
        "-verify",
        "-inform",
        "DER",
        "-binary",
        "-purpose",
        "any",
        "-CAfile",
        `${chip.trustDir}/csca-brainpool.pem`,
        "-out",
        "/dev/null",
      ],
      { input: Buffer.from(sod.value), stdio: ["pipe", "pipe", "pipe"] },
    );
    expect(out).toBeDefined();
  });

  it("fails a tampered data group with its own code, naming the group", () => {
    const input = readChip(chip.chips.rsa);
    const dg2 = Buffer.from(input.dataGroups[2]);
    dg2[dg2.length - 10] = (dg2[dg2.length - 10] ?? 0) ^ 0x01;
    const result = verifyPassiveAuthentication({ ...input, dataGroups: { ...input.dataGroups, 2: dg2 } }, trust, {
      at: now,
    });
    expect(failed(result)).toEqual(["chip.data_group_hashes"]);
    expect(result.checks.find((c) => c.code === "chip.data_group_hashes")?.params).toEqual({ dataGroups: "2" });
  });

  it("fails a changed SOD signature", () => {
    const input = readChip(chip.chips.p256);
    const sod = Buffer.from(input.sod);
    // The signature is the last element of the SOD: flip a byte near the end.
    sod[sod.length - 5] = (sod[sod.length - 5] ?? 0) ^ 0xff;
    const result = verifyPassiveAuthentication({ ...input, sod }, trust, { at: now });
    expect(failed(result)).toContain("chip.sod_signature");
  });

  it("refuses a SOD with bytes after its outer element, as other verifiers do (issue #22)", () => {
    const genuine = readChip(chip.chips.rsa);
    const padded = { ...genuine, sod: Buffer.concat([genuine.sod, Buffer.from([0x00, 0x00])]) };
    const result = verifyPassiveAuthentication(padded, trust, { at: now });
    expect(result.valid).toBe(false);
    expect(result.checks).toContainEqual({
      code: "chip.sod_readable",
      status: "fail",
      params: { reason: "EF.SOD has bytes after its element" },
    });
  });

  it("refuses a SOD whose SignedData version is not 3 (9303-10 Table 37; the signature does not cover it)", () => {
    const genuine = readChip(chip.chips.rsa);
    const sod = Buffer.from(genuine.sod);
    // SignedData ::= SEQUENCE { version 02 01 03, digestAlgorithms SET … }: the first such run in the SOD.
    const at = sod.indexOf(Buffer.from([0x02, 0x01, 0x03, 0x31]));
    expect(at).toBeGreaterThan(0);
    expect(verifyPassiveAuthentication({ ...genuine, sod }, trust, { at: now }).valid).toBe(true);
    sod[at + 2] = 0x01;
    const result = verifyPassiveAuthentication({ ...genuine, sod }, trust, { at: now });
    expect(result.valid).toBe(false);
    expect(result.checks).toContainEqual({
      code: "chip.sod_readable",
      status: "fail",
      params: { reason: "the SOD's SignedData version is 1, not 3" },
    });
  });

  it("fails against the wrong trust anchor with its own code", () => {
    const result = verifyPassiveAuthentication(readChip(chip.chips.rsa), loadTrustStore(chip.otherTrustDir), {
      at: now,
    });
    expect(failed(result)).toEqual(["chip.document_signer_trusted"]);
  });

  it("fails an expired document signer with its own code", () => {
    const result = verifyPassiveAuthentication(readChip(chip.chips.expiredSigner), trust, { at: now });
    expect(failed(result)).toEqual(["chip.document_signer_valid"]);
    expect(result.checks.find((c) => c.code === "chip.document_signer_valid")?.params).toEqual({
      reason: "document signer certificate expired",
    });
    // Read while the signer was valid (2022), it is the CSCA (made today) that was not valid yet.
    const earlier = verifyPassiveAuthentication(readChip(chip.chips.expiredSigner), trust, {
      at: new Date("2022-06-01"),
    });
    expect(earlier.checks.find((c) => c.code === "chip.document_signer_valid")?.params).toEqual({
      reason: "country signing CA certificate not_yet_valid",
    });
  });

  it("fails a document signer the CSCA's CRL revoked, and says when no CRL was available", () => {
    expect(failed(verifyPassiveAuthentication(readChip(chip.chips.revokedSigner), trust, { at: now }))).toEqual([
      "chip.document_signer_not_revoked",
    ]);
    const p256 = verifyPassiveAuthentication(readChip(chip.chips.p256), trust, { at: now });
    expect(p256.checks.find((c) => c.code === "chip.document_signer_not_revoked")?.params).toEqual({
      crl: "unavailable",
    });
    const rsa = verifyPassiveAuthentication(readChip(chip.chips.rsa), trust, { at: now });
    expect(rsa.checks.find((c) => c.code === "chip.document_signer_not_revoked")?.params).toEqual({ crl: "checked" });
  });

  it("fails when DG1 is missing, or a data group was not signed", () => {
    const input = readChip(chip.chips.rsa);
    expect(
      failed(verifyPassiveAuthentication({ ...input, dataGroups: { 2: input.dataGroups[2] } }, trust, { at: now })),
    ).toContain("chip.data_group_hashes");
    const extra = verifyPassiveAuthentication(
      { ...input, dataGroups: { ...input.dataGroups, 11: Buffer.from([0x6b, 0]) } },
      trust,
      {
        at: now,
      },
    );
    expect(extra.checks.find((c) => c.code === "chip.data_group_hashes")).toMatchObject({
      status: "fail",
      params: { dataGroups: "11" },
    });
  });

  it("ends hostile bytes in a clear fail, never a throw (property)", () => {
    const genuine = readChip(chip.chips.rsa);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          // Mutations of a real SOD: flipped bytes, truncation, length fields that overflow.
          fc.tuple(fc.nat(genuine.sod.length - 1), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
            const sod = Buffer.from(genuine.sod);
            sod[at] = (sod[at] ?? 0) ^ xor;
            return sod;
          }),
          fc.nat(genuine.sod.length - 1).map((cut) => Buffer.from(genuine.sod).subarray(0, cut)),
        ),
        (sod) => {
          const result = verifyPassiveAuthentication({ sod, dataGroups: genuine.dataGroups }, trust, { at: now });
          expect(typeof result.valid).toBe("boolean");
          if (!result.valid) expect(failed(result).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("refuses oversized input before parsing it", () => {
    const result = verifyPassiveAuthentication({ sod: new Uint8Array(70 * 1024), dataGroups: {} }, trust, { at: now });
    expect(result.checks).toEqual([
      { code: "chip.sod_readable", status: "fail", params: { reason: "the SOD is larger than 64 KiB" } },
    ]);
  });
});

describe("hostile structures", () => {
  it("ends a nesting bomb (thousands of nested SEQUENCEs) and an overflowing length in a fail", () => {
    let nested = Buffer.from([0x05, 0x00]);
    for (let i = 0; i < 20_000; i++) {
      const length =
        nested.length < 0x80
          ? [nested.length]
          : nested.length < 0x10000
            ? [0x82, nested.length >> 8, nested.length & 0xff]
            : [0x83, nested.length >> 16, (nested.length >> 8) & 0xff, nested.length & 0xff];
      nested = Buffer.concat([Buffer.from([0x30, ...length]), nested]);
      if (nested.length > 60_000) break;
    }
    const sod = Buffer.concat([
      Buffer.from([0x77, 0x83, nested.length >> 16, (nested.length >> 8) & 0xff, nested.length & 0xff]),
      nested,
    ]);
    const bomb = verifyPassiveAuthentication({ sod, dataGroups: {} }, trust, { at: now });
    expect(bomb.valid).toBe(false);
    expect(failed(bomb)).toEqual(["chip.sod_readable"]);

    const overflow = Buffer.from([0x77, 0x84, 0xff, 0xff, 0xff, 0xff, 0x30, 0x00]);
    expect(failed(verifyPassiveAuthentication({ sod: overflow, dataGroups: {} }, trust, { at: now }))).toEqual([
      "chip.sod_readable",
    ]);
  });
});

describe("a CRL that does not verify", () => {
  it("goes to a person instead of reading as 'not revoked'", async () => {
    const { parseCrl } = await import("../x509/crl.ts");
    const crlFile = `${chip.trustDir}/csca-rsa.crl`;
    const der = Buffer.from(readFileSync(crlFile));
    der[der.length - 3] = (der[der.length - 3] ?? 0) ^ 0xff; // break the CRL's signature
    const broken = { anchors: trust.anchors, crls: [parseCrl(der)] };
    const result = verifyPassiveAuthentication(readChip(chip.chips.revokedSigner), broken, { at: now });
    expect(result.checks.find((c) => c.code === "chip.document_signer_not_revoked")).toEqual({
      code: "chip.document_signer_not_revoked",
      status: "review",
      params: { crl: "invalid" },
    });
  });
});

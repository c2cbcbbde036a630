import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { loadTrustStore } from "../chip/trust-store.ts";
import { normaliseAddress } from "./compare-particulars.ts";
import { crlRevocation, verifyJpkiSignature } from "./verify-jpki-signature.ts";

const { jpki } = inject("evidenceFixtures");
const trust = loadTrustStore(jpki.trustDir);
const context = { anchors: trust.anchors, revocation: crlRevocation(trust.crls), at: new Date() };
const form = {
  name: { family: "Jitsumei", given: "Hanako", kanji: "実名 花子" },
  birthDate: "1974-08-12",
  sex: "female" as const,
  address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" },
};
const payload = readFileSync(jpki.payload);
const failed = (r: Awaited<ReturnType<typeof verifyJpkiSignature>>) =>
  r.checks.filter((c) => c.status === "fail").map((c) => c.code);
const verifyWith = (
  signature: string,
  extra: Partial<Parameters<typeof verifyJpkiSignature>[1]> = {},
  certificate?: string,
) =>
  verifyJpkiSignature(
    {
      data: payload,
      signature: readFileSync(signature),
      certificate: certificate ? readFileSync(certificate) : undefined,
    },
    { ...context, form, ...extra },
  );

describe("JPKI signature verification", () => {
  it.each([
    ["CMS with the content attached", jpki.signatures.cmsAttached, undefined, "cms"],
    ["detached CMS", jpki.signatures.cmsDetached, undefined, "cms"],
    ["CMS naming its signer by key identifier", jpki.signatures.cmsSignerByKeyId, undefined, "cms"],
    ["a raw PKCS#1 signature with the certificate", jpki.signatures.pkcs1, jpki.certificate, "pkcs1"],
  ])("accepts %s, reading the four particulars", async (_, signature, certificate, format) => {
    const result = await verifyWith(signature, {}, certificate);
    expect(failed(result)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.fields.format).toBe(format);
    expect(result.fields.particulars).toEqual({
      name: "実名\u3000花子",
      sex: "female",
      birthDate: "1974-08-12",
      address: "東京都千代田区千代田一丁目1番1号",
    });
    expect(result.checks.find((c) => c.code === "jpki.particulars_match_form")?.status).toBe("pass");
    expect(result.checks.find((c) => c.code === "jpki.certificate_not_revoked")?.status).toBe("pass");
    // The policy's NF_JPKI requires it, whatever the format: without it no approval is lawful.
    expect(result.checks.find((c) => c.code === "jpki.signed_data_matches")?.status).toBe("pass");
  });

  it("fails a signature over other particulars with its own code", async () => {
    const result = await verifyWith(jpki.signatures.overOtherPayload);
    expect(failed(result)).toEqual(["jpki.signed_data_matches"]);
  });

  it("fails a raw signature over other data", async () => {
    const result = await verifyJpkiSignature(
      {
        data: readFileSync(jpki.otherPayload),
        signature: readFileSync(jpki.signatures.pkcs1),
        certificate: readFileSync(jpki.certificate),
      },
      { ...context, form },
    );
    expect(failed(result)).toEqual(["jpki.signature_valid"]);
  });

  it("fails a revoked certificate with its own code", async () => {
    expect(failed(await verifyWith(jpki.signatures.revokedSigner))).toEqual(["jpki.certificate_not_revoked"]);
  });

  it("sends to review when revocation cannot be known", async () => {
    const result = await verifyWith(jpki.signatures.cmsAttached, { revocation: crlRevocation([]) });
    expect(result.checks.find((c) => c.code === "jpki.certificate_not_revoked")?.status).toBe("review");
    expect(result.valid).toBe(true);
  });

  it("fails against the wrong trust anchor", async () => {
    const other = loadTrustStore(jpki.otherTrustDir);
    const result = await verifyWith(jpki.signatures.cmsAttached, { anchors: other.anchors });
    expect(failed(result)).toEqual(["jpki.certificate_trusted"]);
  });

  it("fails a certificate read on another day than its validity", async () => {
    expect(failed(await verifyWith(jpki.signatures.cmsAttached, { at: new Date("2040-01-01") }))).toContain(
      "jpki.certificate_valid",
    );
  });

  it("refuses the user-authentication certificate: it proves the card, not the person", async () => {
    expect(failed(await verifyWith(jpki.signatures.authenticationCertificate))).toEqual(["jpki.signing_certificate"]);
  });

  it("fails a mismatching name or birth date, and sends a different address to review", async () => {
    const otherName = await verifyJpkiSignature(
      { data: payload, signature: readFileSync(jpki.signatures.cmsAttached) },
      { ...context, form: { ...form, name: { family: "Other", given: "Person", kanji: "別人 花子" } } },
    );
    expect(otherName.checks.find((c) => c.code === "jpki.particulars_match_form")).toEqual({
      code: "jpki.particulars_match_form",
      status: "fail",
      params: { fields: "name" },
    });
    const moved = await verifyJpkiSignature(
      { data: payload, signature: readFileSync(jpki.signatures.cmsAttached) },
      { ...context, form: { ...form, address: { ...form.address, line1: "丸の内2-2" } } },
    );
    expect(moved.checks.find((c) => c.code === "jpki.particulars_match_form")).toMatchObject({
      status: "review",
      params: { fields: "address" },
    });
  });

  it("matches the address without the building and room the certificate does not hold, and no shorter", async () => {
    const at = (address: typeof form.address & { line2?: string }) =>
      verifyJpkiSignature(
        { data: payload, signature: readFileSync(jpki.signatures.cmsAttached) },
        { ...context, form: { ...form, address } },
      ).then((r) => r.checks.find((c) => c.code === "jpki.particulars_match_form"));
    // The certificate says 東京都千代田区千代田一丁目1番1号: a room added on the second line is not in it.
    expect(await at({ ...form.address, line2: "ジツメイハイツ 101号室" })).toEqual({
      code: "jpki.particulars_match_form",
      status: "pass",
    });
    // The building typed into the first line is a different first line: a person looks.
    expect(await at({ ...form.address, line1: "千代田1-1-1 ジツメイハイツ101" })).toMatchObject({
      status: "review",
      params: { fields: "address" },
    });
    // A form stopping short of the certificate's lot is no match either.
    expect(await at({ ...form.address, line1: "千代田1", line2: "ジツメイハイツ" })).toMatchObject({
      status: "review",
      params: { fields: "address" },
    });
  });

  it("ends hostile signature bytes in a fail, never a throw (property)", async () => {
    const genuine = readFileSync(jpki.signatures.cmsAttached);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.tuple(fc.nat(genuine.length - 1), fc.integer({ min: 1, max: 255 })).map(([at, xor]) => {
            const copy = Buffer.from(genuine);
            copy[at] = (copy[at] ?? 0) ^ xor;
            return copy;
          }),
        ),
        async (signature) => {
          const result = await verifyJpkiSignature({ data: payload, signature }, { ...context, form });
          expect(typeof result.valid).toBe("boolean");
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("address notation", () => {
  it("treats 一丁目1番1号 and 1-1-1 as the same place, and full-width digits as digits", () => {
    expect(normaliseAddress("東京都千代田区千代田一丁目1番1号")).toBe(normaliseAddress("東京都千代田区千代田1-1-1"));
    expect(normaliseAddress("東京都千代田区千代田１－１－１")).toBe(normaliseAddress("東京都千代田区千代田1-1-1"));
    expect(normaliseAddress("大阪府大阪市北区梅田十二丁目3番")).toBe(normaliseAddress("大阪府大阪市北区梅田12-3"));
    expect(normaliseAddress("東京都千代田区千代田1-1-1")).not.toBe(normaliseAddress("東京都千代田区千代田1-1-2"));
  });
});

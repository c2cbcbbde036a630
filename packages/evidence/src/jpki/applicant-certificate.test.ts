import { createPrivateKey, sign, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { parseSignedData } from "../asn1/cms.ts";
import { certificateFields, DER, readOne } from "../asn1/der.ts";
import { readTlv } from "../asn1/tlv.ts";
import { loadTrustStore } from "../chip/trust-store.ts";
import {
  asn,
  extension,
  name,
  SHA256_WITH_RSA,
  signedCertificate,
  type TbsParts,
  tbsCertificate,
} from "../fixtures/der-certificate.ts";
import { jpkiPerson } from "../fixtures/make-jpki-fixtures.ts";
import { formatName, readName } from "../x509/name.ts";
import {
  type ApplicantCertificate,
  readApplicantCertificate,
  readApplicantCertificateDer,
  readApplicantCertificateGeneric,
  signerApplicantCertificate,
} from "./applicant-certificate.ts";
import { JPKI_OID } from "./jpki-certificate.ts";
import { crlRevocation, verifyJpkiSignature } from "./verify-jpki-signature.ts";

const { jpki } = inject("evidenceFixtures");
const trust = loadTrustStore(jpki.trustDir);
const otherTrust = loadTrustStore(jpki.otherTrustDir);
const signer = new X509Certificate(readFileSync(jpki.signer.cert));
// The signing certificate as an anchor too: it names itself nowhere, and may not sign certificates.
const anchors = [...trust.anchors, ...otherTrust.anchors, signer];
const payload = readFileSync(jpki.payload);
const now = new Date();
const form = {
  name: { family: "Jitsumei", given: "Hanako", kanji: "実名 花子" },
  birthDate: "1974-08-12",
  sex: "female" as const,
  address: { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" },
};

/** Everything the verification takes from a certificate, in a form `toEqual` compares. */
function comparable(view: ApplicantCertificate) {
  let key: unknown;
  try {
    key = view.publicKey.export({ format: "jwk" });
  } catch {
    key = "unusable";
  }
  return {
    der: view.der.toString("hex"),
    key,
    serialNumber: view.serialNumber,
    issuerName: view.issuerName.toString("hex"),
    validity: view.validity,
    keyUsage: view.keyUsage,
    particulars: view.particulars,
    summary: view.summary,
    issuedByEach: anchors.map((anchor) => view.issuedBy([anchor]) === anchor),
    issuedBy: view.issuedBy(anchors)?.fingerprint256 ?? null,
  };
}

const generic = (der: Buffer) => readApplicantCertificateGeneric(new X509Certificate(der));

/** The strict reading, or null where it leaves the certificate to OpenSSL. */
function strict(der: Buffer): ApplicantCertificate | null {
  try {
    return readApplicantCertificateDer(der);
  } catch {
    return null;
  }
}

const failed = (r: Awaited<ReturnType<typeof verifyJpkiSignature>>) =>
  r.checks.filter((c) => c.status === "fail").map((c) => c.code);

/** Verifies a raw signature over the payload, made with the fixture signer's key, with `certificate` beside it. */
async function verifyWithCertificate(certificate: Buffer) {
  const signature = sign("sha256", payload, createPrivateKey(readFileSync(jpki.signer.key)));
  return verifyJpkiSignature(
    { data: payload, signature, certificate },
    { anchors: trust.anchors, revocation: crlRevocation(trust.crls), at: now, form },
  );
}

describe("reading the applicant's certificate without X509Certificate", () => {
  it("reads the same as X509Certificate from every JPKI fixture certificate", () => {
    const fromCms = (file: string) => {
      const parsed = parseSignedData(readFileSync(file));
      return parsed.certificates[0] as Buffer;
    };
    const certificates = [
      readFileSync(jpki.certificate),
      fromCms(jpki.signatures.revokedSigner),
      readFileSync(jpki.authenticationCertificateDer),
      ...trust.anchors.map((a) => a.raw),
      ...otherTrust.anchors.map((a) => a.raw),
    ];
    for (const der of certificates) {
      const view = readApplicantCertificate(der);
      expect(view.read).toBe("der");
      expect(comparable(view)).toEqual(comparable(generic(der)));
    }
    const signing = readApplicantCertificate(readFileSync(jpki.certificate));
    expect(signing.issuedBy(trust.anchors)).toBe(trust.anchors[0]);
    expect(signing.summary.subject).toBe("C=JP\nL=Tokyo-to\nCN=SIGNING0001");
  });

  it("refuses the certificate when any byte of its signed part was altered after signing", async () => {
    const der = readFileSync(jpki.certificate);
    const outer = readTlv(der);
    const tbs = readTlv(outer.value);
    const start = der.length - outer.value.length + tbs.start;
    let readStrictly = 0;
    for (let at = start; at < start + (tbs.end - tbs.start); at++) {
      // The lowest bit (a character, a length by one) or the highest (a tag's class, a long length).
      const altered = Buffer.from(der);
      altered[at] = (altered[at] as number) ^ (at % 2 ? 0x80 : 0x01);
      const view = strict(altered);
      if (view) {
        readStrictly++;
        expect(view.issuedBy(anchors)).toBeNull();
        expect(comparable(view)).toEqual(comparable(generic(altered)));
      }
      const result = await verifyWithCertificate(altered);
      expect(result.valid).toBe(false);
      const codes = failed(result);
      expect(codes.includes("jpki.signature_readable") || codes.includes("jpki.certificate_trusted")).toBe(true);
    }
    // Most alterations leave well-formed DER: the strict reader, not the fallback, refused those.
    expect(readStrictly).toBeGreaterThan((tbs.end - tbs.start) / 2);
  });

  it("reads a damaged certificate either as OpenSSL does or not at all (property)", () => {
    const der = readFileSync(jpki.certificate);
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .array(fc.tuple(fc.nat(der.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
            .map((edits) => {
              const copy = Buffer.from(der);
              for (const [at, value] of edits) copy[at] = value;
              return copy;
            }),
          fc.nat(der.length).map((n) => Buffer.from(der.subarray(0, n))),
        ),
        (damaged) => {
          const view = strict(damaged);
          if (view) expect(comparable(view)).toEqual(comparable(generic(damaged)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("hand-made certificates: the strict reading or the fallback, the same answer", () => {
  const ca = new X509Certificate(readFileSync(jpki.authority.cert));
  const caFields = certificateFields(ca.raw);
  const caKeyId = readOne(caFields.extensions.get("2.5.29.14") as Buffer, DER.octetString).value;
  const otherName = (oid: string, value: string) =>
    asn.tagged(0xa0, Buffer.concat([asn.oid(oid), asn.tagged(0xa0, asn.utf8(value))]));
  const subjectAltName = asn.seq(
    otherName(JPKI_OID.name, jpkiPerson.name),
    otherName(JPKI_OID.sex, jpkiPerson.sex),
    otherName(JPKI_OID.birthDate, jpkiPerson.birthDate),
    otherName(JPKI_OID.address, jpkiPerson.address),
  );
  const signing = extension("2.5.29.15", asn.bits(Buffer.from([0xc0]), 6), true);
  const akid = (keyId: Uint8Array) => extension("2.5.29.35", asn.seq(asn.tagged(0x80, Buffer.from(keyId))));
  const base: TbsParts = {
    serial: Buffer.from([0x30, 0x39]),
    issuer: caFields.issuer, // the CA is self-signed: its issuer is its subject
    notBefore: asn.utcTime("240101000000Z"),
    notAfter: asn.utcTime("350101000000Z"),
    subject: name([["2.5.4.6", asn.printable("JP")]], [["2.5.4.3", asn.printable("HANDMADE0001")]]),
    subjectPublicKeyInfo: signer.publicKey.export({ type: "spki", format: "der" }),
    extensions: [
      signing,
      akid(caKeyId),
      extension("2.5.29.14", asn.octets(Buffer.alloc(20, 7))),
      extension("2.5.29.17", subjectAltName),
    ],
  };
  const byCa = (parts: Partial<TbsParts>) =>
    signedCertificate(tbsCertificate({ ...base, ...parts }), jpki.authority.key);
  // A PrintableString written with a two-byte length where one would do (BER, not DER).
  const longFormPrintable = (text: string) =>
    Buffer.concat([Buffer.from([0x13, 0x81, text.length]), Buffer.from(text)]);

  const cases: [string, Buffer, "der" | "generic", string[]][] = [
    ["as the CA's software makes them", byCa({}), "der", []],
    ["valid until a GeneralizedTime", byCa({ notAfter: asn.generalizedTime("20491231235959Z") }), "der", []],
    ["a serial number with its top bit set", byCa({ serial: Buffer.from([0x00, 0x80, 0x01]) }), "der", []],
    [
      "a Japanese name and a multi-valued RDN",
      byCa({
        subject: name([
          ["2.5.4.3", asn.utf8("実名 花子")],
          ["2.5.4.11", asn.utf8("署名用")],
        ]),
      }),
      "der",
      [],
    ],
    [
      "an issuer name equal to the CA's only after OpenSSL's canonical comparison",
      byCa({
        issuer: name(
          [["2.5.4.6", asn.utf8("jp")]],
          [["2.5.4.10", asn.utf8("jpki")]],
          [["2.5.4.11", asn.utf8("JPKI  for digital signature")]],
          [["2.5.4.11", asn.utf8("Japan Agency for Local Authority Information Systems")]],
        ),
      }),
      "der",
      [],
    ],
    ["a T61String in the subject", byCa({ subject: name([["2.5.4.3", asn.string(0x14, "T61 NAME")]]) }), "generic", []],
    [
      "a comma OpenSSL escapes",
      byCa({ subject: name([["2.5.4.3", asn.printable("Jitsumei, Hanako")]]) }),
      "generic",
      [],
    ],
    ["a length in long form", byCa({ subject: name([["2.5.4.3", longFormPrintable("LONGFORM")]]) }), "generic", []],
    [
      "an authority key identifier with the issuer's name and serial",
      byCa({
        extensions: [
          signing,
          extension(
            "2.5.29.35",
            asn.seq(
              asn.tagged(0x80, Buffer.from(caKeyId)),
              asn.tagged(0xa1, asn.tagged(0xa4, caFields.subject)),
              asn.tagged(0x82, caFields.serial),
            ),
          ),
          extension("2.5.29.17", subjectAltName),
        ],
      }),
      "generic",
      [],
    ],
    [
      "an extension the strict reader does not read",
      byCa({ extensions: [...base.extensions, extension("1.3.6.1.4.1.99999.1", asn.utf8("x"))] }),
      "generic",
      [],
    ],
    [
      "another algorithm inside the signed part than outside",
      byCa({ algorithm: asn.seq(asn.oid("1.2.840.113549.1.1.12"), asn.null()) }),
      "generic",
      ["jpki.certificate_trusted"],
    ],
    [
      "the JPKI CA's name, signed by another CA",
      signedCertificate(tbsCertificate(base), jpki.otherAuthority.key),
      "der",
      ["jpki.certificate_trusted"],
    ],
    [
      "an authority key identifier that is not the CA's",
      byCa({ extensions: [signing, akid(Buffer.alloc(20, 1)), extension("2.5.29.17", subjectAltName)] }),
      "der",
      ["jpki.certificate_trusted"],
    ],
    [
      "issued by the signing certificate, which may not sign certificates",
      signedCertificate(
        tbsCertificate({ ...base, issuer: certificateFields(signer.raw).subject, extensions: [signing] }),
        jpki.signer.key,
      ),
      "der",
      ["jpki.signing_certificate", "jpki.certificate_trusted"],
    ],
    [
      "digital signature without non-repudiation (an authentication certificate)",
      byCa({
        extensions: [
          extension("2.5.29.15", asn.bits(Buffer.from([0x80]), 7), true),
          extension("2.5.29.17", subjectAltName),
        ],
      }),
      "der",
      ["jpki.signing_certificate"],
    ],
    ["expired", byCa({ notAfter: asn.utcTime("250101000000Z") }), "der", ["jpki.certificate_valid"]],
  ];

  it.each(cases)("%s", async (_, der, read, expectedFailures) => {
    const view = readApplicantCertificate(der);
    expect(view.read).toBe(read);
    expect(comparable(view)).toEqual(comparable(generic(der)));
    const result = await verifyWithCertificate(der);
    expect(failed(result)).toEqual(expectedFailures);
    expect(result.fields.certificate).toEqual(generic(der).summary);
    if (expectedFailures.length === 0) expect(result.fields.particulars?.name).toBe(jpkiPerson.name);
  });

  it("prints a name as X509Certificate does, or leaves it to OpenSSL (property)", () => {
    const types = [
      "2.5.4.3",
      "2.5.4.6",
      "2.5.4.7",
      "2.5.4.10",
      "2.5.4.11",
      "2.5.4.5",
      "2.5.4.4",
      "2.5.4.42",
      "2.5.4.9",
      "2.5.4.17",
      "2.5.4.97",
      "1.2.840.113549.1.9.1",
      "0.9.2342.19200300.100.1.25",
      "0.9.2342.19200300.100.1.1",
      "1.2.3.4",
    ];
    // Mostly characters printed as they are, some that OpenSSL escapes or that an ASCII string cannot hold.
    const character = fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(..."aZ09 -.'()/:?=@_&!*") },
      { weight: 1, arbitrary: fc.constantFrom(...'"\\,+<>;#\t') },
      { weight: 2, arbitrary: fc.constantFrom("é", "実", "名", "\u3000", "😀") },
    );
    const value = fc.tuple(
      fc.constantFrom(0x0c, 0x13, 0x16),
      fc.array(character, { minLength: 0, maxLength: 12 }).map((c) => c.join("")),
    );
    const attribute = fc.tuple(fc.constantFrom(...types), value);
    const rdns = fc.array(fc.array(attribute, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 });
    let formatted = 0;
    fc.assert(
      fc.property(rdns, (generated) => {
        const subject = name(
          ...generated.map((rdn) =>
            rdn.map(([type, [tag, text]]) => [type, asn.string(tag, text)] as [string, Buffer]),
          ),
        );
        const tbs = tbsCertificate({ ...base, subject });
        const der = asn.seq(tbs, SHA256_WITH_RSA, asn.bits(Buffer.alloc(256, 1)));
        let expected: string;
        try {
          expected = new X509Certificate(der).subject;
        } catch {
          expect(() => readName(subject)).toThrow(); // OpenSSL refuses it: so must the strict reader
          return;
        }
        let printed: string;
        try {
          printed = formatName(readName(subject));
        } catch {
          return; // left to OpenSSL
        }
        formatted++;
        expect(printed).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(formatted).toBeGreaterThan(200);
  });
});

describe("certificates inside a CMS signature", () => {
  it("finds the signer's certificate among others, named by issuer and serial or by key identifier", () => {
    const caDer = new X509Certificate(readFileSync(jpki.authority.cert)).raw;
    const loginDer = readFileSync(jpki.authenticationCertificateDer);
    for (const signature of [jpki.signatures.cmsAttached, jpki.signatures.cmsSignerByKeyId]) {
      const parsed = parseSignedData(readFileSync(signature));
      const signerDer = parsed.certificates[0] as Buffer;
      expect("issuer" in parsed.signer.sid).toBe(signature === jpki.signatures.cmsAttached);
      const found = signerApplicantCertificate([caDer, loginDer, signerDer], parsed.signer.sid);
      expect(found?.der.equals(signerDer)).toBe(true);
      expect(found?.read).toBe("der");
      expect(found?.particulars?.name).toBe("実名\u3000花子");
      // The same certificate with its outer length in a longer form than DER's (BER, which OpenSSL
      // reads): matched and read the generic way.
      expect(signerDer.subarray(0, 2).equals(Buffer.from([0x30, 0x82]))).toBe(true);
      const ber = Buffer.concat([Buffer.from([0x30, 0x83, 0x00]), signerDer.subarray(2)]);
      expect(() => readApplicantCertificateDer(ber)).toThrow();
      const generic = signerApplicantCertificate([caDer, loginDer, ber], parsed.signer.sid);
      expect(generic?.read).toBe("generic");
      expect(generic?.particulars?.name).toBe("実名\u3000花子");
      // Not there: none, so that the verification asks for the certificate beside the signature.
      expect(signerApplicantCertificate([caDer, loginDer], parsed.signer.sid)).toBeUndefined();
    }
  });

  it("refuses a signature whose embedded certificate was altered", async () => {
    const cms = readFileSync(jpki.signatures.cmsAttached);
    const certificate = parseSignedData(cms).certificates[0] as Buffer;
    // The common name's last character (SIGNING0001 → SIGNING0000): still well-formed, still matched
    // to the signer by issuer and serial, signed by nobody.
    const cn = Buffer.from("SIGNING0001");
    const at = cms.indexOf(certificate) + certificate.indexOf(cn) + cn.length - 1;
    const altered = Buffer.from(cms);
    altered[at] = "0".charCodeAt(0);
    const result = await verifyJpkiSignature(
      { data: payload, signature: altered },
      { anchors: trust.anchors, revocation: crlRevocation(trust.crls), at: now, form },
    );
    expect(failed(result)).toEqual(["jpki.certificate_trusted"]);
    expect(result.fields.certificate?.subject).toBe("C=JP\nL=Tokyo-to\nCN=SIGNING0000");
  });

  it("refuses a signature whose signature bytes were altered", async () => {
    const cms = readFileSync(jpki.signatures.cmsAttached);
    const signature = parseSignedData(cms).signer.signature;
    const at = cms.indexOf(signature) + signature.length - 1;
    const altered = Buffer.from(cms);
    altered[at] = (altered[at] as number) ^ 0x01;
    const result = await verifyJpkiSignature(
      { data: payload, signature: altered },
      { anchors: trust.anchors, revocation: crlRevocation(trust.crls), at: now, form },
    );
    expect(failed(result)).toEqual(["jpki.signature_valid"]);
  });
});

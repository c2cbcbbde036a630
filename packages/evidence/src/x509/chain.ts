import { X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate, id_ce_keyUsage, KeyUsage, KeyUsageFlags } from "@peculiar/asn1-x509";
import { certificateFields, DER, DerError, readOne } from "../asn1/der.ts";
import { publicKeyOf } from "./cache.ts";
import { type Crl, crlSignedBy, serialHex } from "./crl.ts";

/**
 * Checks of one certificate against a set of trusted issuers (a country's CSCAs, the JPKI CA):
 * each answer separate, so that a wrong anchor, an expired certificate and a revoked one each get
 * their own check code. Certificates are verified with node:crypto (OpenSSL), which knows RSA-PSS and
 * the brainpool curves.
 */
export type CertificateTrust = {
  /** The anchor that issued and signed the certificate, or null. */
  issuer: X509Certificate | null;
  validAt: "valid" | "not_yet_valid" | "expired";
  issuerValidAt: "valid" | "not_yet_valid" | "expired" | null;
  revocation: "good" | "revoked" | "unknown" | "invalid_crl";
};

export function findIssuer(certificate: X509Certificate, anchors: readonly X509Certificate[]): X509Certificate | null {
  for (const anchor of anchors) {
    try {
      if (certificate.checkIssued(anchor) && certificate.verify(publicKeyOf(anchor))) return anchor;
    } catch {
      // a key this OpenSSL cannot use: not this anchor
    }
  }
  return null;
}

// The validity period as milliseconds, read once per certificate object (dates are parsed from text).
const periods = new WeakMap<X509Certificate, { from: number; to: number }>();

export function validityAt(certificate: X509Certificate, at: Date): "valid" | "not_yet_valid" | "expired" {
  let period = periods.get(certificate);
  if (!period) {
    period = { from: new Date(certificate.validFrom).getTime(), to: new Date(certificate.validTo).getTime() };
    periods.set(certificate, period);
  }
  return periodAt(period, at);
}

/** Whether `at` lies in a validity period given as milliseconds (NaN: an unreadable date). */
export function periodAt(period: { from: number; to: number }, at: Date): "valid" | "not_yet_valid" | "expired" {
  const { from, to } = period;
  // An unreadable date is treated as outside the period: such a certificate is never valid.
  if (Number.isNaN(from) || at.getTime() < from) return "not_yet_valid";
  if (Number.isNaN(to) || at.getTime() > to) return "expired";
  return "valid";
}

/**
 * Of the certificate with serial number `serial` (hex, as `serialHex` writes it) issued by `issuer`:
 * good: a CRL signed by the issuer and current at `at` does not list it; unknown: no such CRL;
 * invalid_crl: a CRL names the issuer but its signature does not verify (a person must look: a
 * broken or forged CRL must not read as "not revoked").
 */
export function revocationStatus(
  serial: string,
  issuer: X509Certificate,
  crls: readonly Crl[],
  at: Date,
): "good" | "revoked" | "unknown" | "invalid_crl" {
  let current = false;
  let invalid = false;
  const issuerName = subjectDer(issuer);
  for (const crl of crls) {
    if (!crlSignedBy(crl, issuer)) {
      if (issuerName?.equals(crl.issuer)) invalid = true;
      continue;
    }
    if (crl.revokedSerials.has(serial)) return "revoked";
    if (
      crl.thisUpdate.getTime() <= at.getTime() &&
      (crl.nextUpdate === null || at.getTime() <= crl.nextUpdate.getTime())
    ) {
      current = true;
    }
  }
  if (invalid) return "invalid_crl";
  return current ? "good" : "unknown";
}

// Parsed once per certificate object: trust stores live for the server's lifetime.
const subjects = new WeakMap<X509Certificate, Buffer | null>();
const keyUsages = new WeakMap<X509Certificate, { digitalSignature: boolean; nonRepudiation: boolean } | null>();

function subjectDer(certificate: X509Certificate): Buffer | null {
  let subject = subjects.get(certificate);
  if (subject === undefined) {
    try {
      subject = certificateFields(certificate.raw).subject;
    } catch {
      subject = subjectDerGeneric(certificate);
    }
    subjects.set(certificate, subject);
  }
  return subject;
}

function subjectDerGeneric(certificate: X509Certificate): Buffer | null {
  try {
    return Buffer.from(AsnConvert.serialize(AsnConvert.parse(certificate.raw, Certificate).tbsCertificate.subject));
  } catch {
    return null;
  }
}

export function assessCertificate(
  certificate: X509Certificate,
  anchors: readonly X509Certificate[],
  crls: readonly Crl[],
  at: Date,
): CertificateTrust {
  const issuer = findIssuer(certificate, anchors);
  return {
    issuer,
    validAt: validityAt(certificate, at),
    issuerValidAt: issuer ? validityAt(issuer, at) : null,
    revocation: issuer ? revocationStatus(serialHex(certificate.serialNumber), issuer, crls, at) : "unknown",
  };
}

/** The key usage bits a certificate declares (null: no key usage extension). */
export function keyUsageOf(
  certificate: X509Certificate,
): { digitalSignature: boolean; nonRepudiation: boolean } | null {
  if (!keyUsages.has(certificate)) keyUsages.set(certificate, readKeyUsage(certificate));
  return keyUsages.get(certificate) ?? null;
}

function readKeyUsage(certificate: X509Certificate): { digitalSignature: boolean; nonRepudiation: boolean } | null {
  try {
    const extension = certificateFields(certificate.raw).extensions.get(id_ce_keyUsage);
    if (!extension) return null;
    // KeyUsage ::= BIT STRING: the first content byte counts unused bits; digitalSignature is the
    // first bit, nonRepudiation the second.
    const bits = readOne(extension, DER.bitString).value;
    if (bits.length < 2 || (bits[0] as number) > 7) throw new DerError("key usage: no bits");
    const first = bits[1] as number;
    return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
  } catch {
    return readKeyUsageGeneric(certificate);
  }
}

function readKeyUsageGeneric(
  certificate: X509Certificate,
): { digitalSignature: boolean; nonRepudiation: boolean } | null {
  let usage: KeyUsage;
  try {
    const parsed = AsnConvert.parse(certificate.raw, Certificate);
    const extension = parsed.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_keyUsage);
    if (!extension) return null;
    usage = AsnConvert.parse(extension.extnValue, KeyUsage);
  } catch {
    // Unreadable key usage grants nothing.
    return { digitalSignature: false, nonRepudiation: false };
  }
  return {
    digitalSignature: (usage.toNumber() & KeyUsageFlags.digitalSignature) !== 0,
    nonRepudiation: (usage.toNumber() & KeyUsageFlags.nonRepudiation) !== 0,
  };
}

/** The evidence's record of which certificate signed (stored: its content must not change). */
export type CertificateSummary = {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  sha256: string;
};
const summaries = new WeakMap<X509Certificate, CertificateSummary>();

export function certificateSummary(certificate: X509Certificate): CertificateSummary {
  let summary = summaries.get(certificate);
  if (!summary) {
    summary = summarise(certificate);
    summaries.set(certificate, summary);
  }
  return { ...summary };
}

function summarise(certificate: X509Certificate): CertificateSummary {
  return {
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: serialHex(certificate.serialNumber),
    validFrom: isoOrRaw(certificate.validFrom),
    validTo: isoOrRaw(certificate.validTo),
    sha256: certificate.fingerprint256.replaceAll(":", "").toLowerCase(),
  };
}

function isoOrRaw(date: string): string {
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? date : d.toISOString();
}

/** Reads PEM (one or more certificates) or DER. */
export function readCertificates(data: Buffer): X509Certificate[] {
  const text = data.toString("latin1");
  if (text.includes("-----BEGIN CERTIFICATE-----")) {
    return [...text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
      (m) => new X509Certificate(m[0]),
    );
  }
  return [new X509Certificate(data)];
}

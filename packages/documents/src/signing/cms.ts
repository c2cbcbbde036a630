import { createHash, type KeyObject, sign } from "node:crypto";
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  id_data,
  id_signedData,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from "@peculiar/asn1-cms";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier, Certificate, GeneralName, GeneralNames } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";

/**
 * CMS SignedData (RFC 5652) with one signer, as PAdES (ETSI EN 319 142-1, CAdES detached) and RFC 3161
 * time-stamp tokens need it: signed attributes content-type, message-digest and ESS signing-certificate-v2
 * (RFC 5035), which binds the signer's certificate into the signature; optional unsigned attributes (the
 * signature time-stamp). Structures come from @peculiar/asn1-cms, signatures from node:crypto.
 */

export const oids = {
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
} as const;

export type CmsSigner = {
  privateKey: KeyObject;
  /** DER of the signer's certificate. */
  certificate: Buffer;
  /** DER of the certificates above it (carried in the SignedData so a verifier can build the chain). */
  chain: readonly Buffer[];
};

export type SignCmsOptions = {
  signer: CmsSigner;
  eContentType: string;
  /** Encapsulated content (a TSTInfo); absent for a detached signature (a PDF's byte ranges). */
  eContent?: Buffer;
  /** SHA-256 of the content: of eContent when present, else of the detached data. */
  contentDigest: Buffer;
  /** Unsigned attributes computed from the signature value (the signature time-stamp). */
  unsignedAttributes?: (signatureValue: Buffer) => Promise<Attribute[]>;
};

const toBuffer = (b: ArrayBuffer | ArrayBufferView) =>
  ArrayBuffer.isView(b) ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : Buffer.from(b);

const toArrayBuffer = (b: Buffer): ArrayBuffer => {
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return copy;
};

export function attribute(type: string, valueDer: Buffer): Attribute {
  return new Attribute({ attrType: type, attrValues: [toArrayBuffer(valueDer)] });
}

function derOf(block: asn1js.BaseBlock): Buffer {
  return Buffer.from(block.toBER(false));
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with SHA-256 (the DEFAULT, so omitted). */
export function signingCertificateV2(certificateDer: Buffer): Buffer {
  const certificate = AsnConvert.parse(certificateDer, Certificate);
  const issuer = AsnConvert.serialize(
    new GeneralNames([new GeneralName({ directoryName: certificate.tbsCertificate.issuer })]),
  );
  const issuerSerial = new asn1js.Sequence({
    value: [asn1js.fromBER(issuer).result, new asn1js.Integer({ valueHex: certificate.tbsCertificate.serialNumber })],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: toArrayBuffer(createHash("sha256").update(certificateDer).digest()) }),
      issuerSerial,
    ],
  });
  return derOf(new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] }));
}

/** DER SET OF: members sorted by their encodings (X.690 11.6), as the signature covers exactly these bytes. */
function sortedAttributes(attributes: readonly Attribute[]): { sorted: Attribute[]; setDer: Buffer } {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(AsnConvert.serialize(a)) }));
  encoded.sort((x, y) => Buffer.compare(x.der, y.der));
  const content = Buffer.concat(encoded.map((e) => e.der));
  return {
    sorted: encoded.map((e) => e.a),
    setDer: Buffer.concat([Buffer.from([0x31]), derLength(content.length), content]),
  };
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function signatureAlgorithm(key: KeyObject): AlgorithmIdentifier {
  if (key.asymmetricKeyType === "rsa") {
    return new AlgorithmIdentifier({ algorithm: oids.sha256WithRSAEncryption, parameters: null });
  }
  if (key.asymmetricKeyType === "ec") return new AlgorithmIdentifier({ algorithm: oids.ecdsaWithSha256 });
  throw new Error(`unsupported signing key type: ${key.asymmetricKeyType}`);
}

export async function signCms(options: SignCmsOptions): Promise<Buffer> {
  const { signer } = options;
  const certificate = AsnConvert.parse(signer.certificate, Certificate);
  const oidDer = (oid: string) => derOf(new asn1js.ObjectIdentifier({ value: oid }));
  const { sorted, setDer } = sortedAttributes([
    attribute(oids.contentType, oidDer(options.eContentType)),
    attribute(oids.messageDigest, derOf(new asn1js.OctetString({ valueHex: toArrayBuffer(options.contentDigest) }))),
    attribute(oids.signingCertificateV2, signingCertificateV2(signer.certificate)),
  ]);
  const signatureValue = sign("sha256", setDer, { key: signer.privateKey, dsaEncoding: "der" });
  const unsigned = options.unsignedAttributes ? await options.unsignedAttributes(signatureValue) : [];

  const signerInfo = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: certificate.tbsCertificate.issuer,
        serialNumber: certificate.tbsCertificate.serialNumber,
      }),
    }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithm: oids.sha256 }),
    signedAttrs: sorted,
    signatureAlgorithm: signatureAlgorithm(signer.privateKey),
    signature: new OctetString(toArrayBuffer(signatureValue)),
    unsignedAttrs: unsigned.length > 0 ? unsigned : undefined,
  });

  const signedData = new SignedData({
    // RFC 5652 5.1: version 3 when the content is not id-data (a TSTInfo), else 1.
    version: options.eContentType === id_data ? 1 : 3,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new AlgorithmIdentifier({ algorithm: oids.sha256 })]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: options.eContentType,
      eContent: options.eContent
        ? new EncapsulatedContent({ single: new OctetString(toArrayBuffer(options.eContent)) })
        : undefined,
    }),
    certificates: new CertificateSet(
      [signer.certificate, ...signer.chain].map(
        (der) => new CertificateChoices({ certificate: AsnConvert.parse(der, Certificate) }),
      ),
    ),
    signerInfos: new SignerInfos([signerInfo]),
  });
  const der = toBuffer(
    AsnConvert.serialize(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) })),
  );
  assertSignedAttributesAsSigned(der, setDer);
  for (const certificateDer of [signer.certificate, ...signer.chain]) {
    // A certificate re-encoded differently would no longer match its issuer's signature.
    if (der.indexOf(certificateDer) < 0) throw new Error("CMS: a certificate was re-encoded differently");
  }
  return der;
}

/**
 * The library re-encodes the signed attributes inside the SignerInfo; a verifier hashes those bytes
 * (with the SET tag). Check they are the bytes we signed, so an encoding difference fails here, not
 * in a reader.
 */
function assertSignedAttributesAsSigned(contentInfoDer: Buffer, setDer: Buffer): void {
  const implicit = Buffer.concat([Buffer.from([0xa0]), setDer.subarray(1)]);
  if (contentInfoDer.indexOf(implicit) < 0) throw new Error("CMS: signed attributes were re-encoded differently");
}

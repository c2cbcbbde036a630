import { X509Certificate } from "node:crypto";
import { CmsError, certificateMatchesSigner, parseSignedData, verifySignerSignature } from "../asn1/cms.ts";
import { children, DER, DerError, expectTag, readOne, whole } from "../asn1/der.ts";
import { findIssuer, validityAt } from "../x509/chain.ts";

/**
 * An ICAO CSCA master list (9303-12 §9): CMS SignedData with content type 2.23.136.1.1.2 around
 * `SEQUENCE { version INTEGER, certList SET OF Certificate }`. Its contents are trusted only when
 * its signer chains to an anchor obtained out of band (a CSCA the operator already trusts).
 */
export const CSCA_MASTER_LIST = "2.23.136.1.1.2";
const MAX_BYTES = 8 * 1024 * 1024;
const MAX_CERTIFICATES = 5000;

export type MasterListImport = { certificates: X509Certificate[]; signer: string };

export function importMasterList(der: Uint8Array, anchors: readonly X509Certificate[], at: Date): MasterListImport {
  if (der.length > MAX_BYTES) throw new CmsError("the master list is larger than 8 MiB");
  const parsed = parseSignedData(der);
  if (parsed.eContentType !== CSCA_MASTER_LIST)
    throw new CmsError(`content type ${parsed.eContentType} is not a CSCA master list`);
  if (!parsed.eContent) throw new CmsError("the master list carries no content");
  const signerDer = parsed.certificates.find((c) => certificateMatchesSigner(c, parsed.signer.sid));
  if (!signerDer) throw new CmsError("the master list does not carry its signer's certificate");
  const signer = new X509Certificate(signerDer);
  if (!verifySignerSignature(parsed, signer, parsed.eContent).ok)
    throw new CmsError("the master list's signature does not verify");
  if (!findIssuer(signer, anchors)) throw new CmsError("the master list's signer does not chain to a trusted anchor");
  if (validityAt(signer, at) !== "valid")
    throw new CmsError(`the master list's signer certificate is not valid on ${at.toISOString().slice(0, 10)}`);

  // Split with the bounded TLV reader, not a generic ASN.1 tree: a real list (~540 CSCAs, ~780 KB) is
  // about 30 000 nodes, over asn1js's default limit of 10 000, and was refused as malformed (issue #22).
  let certificateBytes: Buffer[];
  try {
    const [version, certList, extra] = children(readOne(parsed.eContent, DER.sequence).value, 3);
    if (extra) throw new DerError("CscaMasterList has more than two fields");
    expectTag(version, DER.integer);
    const set = expectTag(certList, DER.set);
    const items = children(set.value, MAX_CERTIFICATES + 1);
    if (items.length > MAX_CERTIFICATES) throw new CmsError("the master list holds too many certificates");
    certificateBytes = items.map((c) => whole(set.value, expectTag(c, DER.sequence)));
  } catch (error) {
    if (error instanceof CmsError) throw error;
    throw new CmsError("the master list's content is malformed");
  }
  const certificates = certificateBytes.map((der, i) => {
    try {
      return new X509Certificate(der);
    } catch {
      throw new CmsError(`the master list's certificate ${i + 1} is not readable`);
    }
  });
  return { certificates, signer: signer.subject.replaceAll("\n", ", ") };
}

import { createHash, X509Certificate } from "node:crypto";
import { id_data } from "@peculiar/asn1-cms";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import { attribute, type CmsSigner, oids, signCms } from "./cms.ts";
import { readPkcs12 } from "./pkcs12.ts";
import type { TimeStampAuthority } from "./time-stamp.ts";

export type PdfSigner = { p12: Buffer; passphrase: string };

export type SignPdfOptions = {
  reason: string;
  location: string;
  contactInfo?: string;
  /** Adds a signature time-stamp (PAdES B-T); without it the signature is B-B. */
  tsa?: TimeStampAuthority;
  /** The claimed signing time (/M of the signature dictionary); now by default. */
  signingTime?: Date;
};

/**
 * Room for the CMS in the PDF (bytes; written as hex, so twice that in the file): the signer's
 * certificate and chain, the signature, and a time-stamp token with the TSA's certificate.
 */
const signatureLength = 16_384;

/**
 * Seals a PDF with a PAdES signature (SubFilter ETSI.CAdES.detached) as an incremental update:
 * @signpdf/placeholder-plain adds the signature field and a /Contents placeholder, @signpdf/signpdf
 * computes the /ByteRange and hands us those bytes, and we return a CAdES CMS over their SHA-256 with
 * ESS signing-certificate-v2 and, given a TSA, a signature time-stamp over the signature value.
 */
export async function signPdf(pdf: Buffer, signer: PdfSigner, options: SignPdfOptions): Promise<Buffer> {
  const cmsSigner = readPkcs12(signer.p12, signer.passphrase);
  const signingTime = options.signingTime ?? new Date();
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: options.reason,
    location: options.location,
    contactInfo: options.contactInfo ?? "",
    name: commonName(cmsSigner.certificate),
    signingTime,
    signatureLength,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "Jitsumei",
  });
  return new SignPdf().sign(withPlaceholder, new CadesSigner(cmsSigner, options.tsa), signingTime);
}

class CadesSigner extends Signer {
  constructor(
    private readonly signer: CmsSigner,
    private readonly tsa: TimeStampAuthority | undefined,
  ) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    const tsa = this.tsa;
    return signCms({
      signer: this.signer,
      eContentType: id_data,
      contentDigest: createHash("sha256").update(signedBytes).digest(),
      // PAdES: the signing time lives in /M; the CMS carries no signing-time attribute.
      unsignedAttributes: tsa
        ? async (signatureValue) => [
            attribute(
              oids.signatureTimeStampToken,
              await tsa.timestamp(createHash("sha256").update(signatureValue).digest(), "sha256"),
            ),
          ]
        : undefined,
    });
  }
}

function commonName(certificateDer: Buffer): string {
  const subject = new X509Certificate(certificateDer).subject;
  return /(?:^|\n)CN=([^\n]+)/.exec(subject)?.[1] ?? subject;
}

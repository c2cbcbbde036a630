import type { JpkiRevocation } from "@jitsumei/evidence";

/**
 * Where the certificate's status came from, recorded with the evidence. A business cannot ask J-LIS
 * itself: through the Digital Authentication App, the Digital Agency's service checks the signing
 * certificate and says what it found, in the same answer as the certificate.
 */
export type CertificateStatusSource = {
  source: "digital_auth_app";
  status: "good" | "revoked" | "unknown";
  checkedAt: string | null;
};

/** The `JpkiRevocation` port answered from the app's answer about that one certificate. */
export function answeredRevocation(answer: CertificateStatusSource): JpkiRevocation {
  return { status: async () => answer.status };
}

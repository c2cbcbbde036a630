import type { Particulars, VerificationRequirements } from "@jitsumei/domain";
import type { EvidenceKind } from "./load-application-data.ts";

export type MissingItem = { field: string; reason: string };

/** What the applicant must still provide before the application can be submitted. */
export function missingItems(
  requirements: VerificationRequirements,
  particulars: Particulars | null,
  evidence: readonly EvidenceKind[],
  /** The JPKI signature was made over particulars changed since (jpkiSignatureOutdated). */
  jpkiOutdated = false,
): MissingItem[] {
  const missing: MissingItem[] = [];
  if (!particulars) missing.push({ field: "applicant", reason: "particulars are required (PUT .../applicant)" });
  else if (requirements.addressRequired && !particulars.address) {
    missing.push({ field: "applicant.address", reason: "an address in Japan is required for this plan" });
  }
  // One way of showing the document: its chip, its typed MRZ, or (voice lines) a JPKI signature.
  const shown = evidence.some(
    (kind) =>
      kind === "mrz" ||
      kind === "chip" ||
      kind === "residence_card_chip" ||
      kind === "my_number_card_face" ||
      (!requirements.mrzSufficient && kind === "jpki"),
  );
  if (!shown && requirements.evidenceRequired) {
    missing.push({
      field: "evidence",
      reason: requirements.mrzSufficient
        ? "the document's machine-readable zone or its IC chip is required (POST .../evidence)"
        : "the IC chip of the ID or a JPKI signature is required; an MRZ alone goes to review (POST .../evidence)",
    });
  }
  // A correction to what the My Number card signed: the old signature no longer covers the form, and
  // submitting it would only fail jpki.signature_valid and come straight back. Sign again first.
  if (jpkiOutdated) {
    missing.push({
      field: "evidence.jpki",
      reason: "the particulars changed since they were signed: sign again with the My Number card (POST .../evidence)",
    });
  }
  return missing;
}

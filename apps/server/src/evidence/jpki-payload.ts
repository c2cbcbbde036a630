import { createHash } from "node:crypto";
import type { Particulars } from "@jitsumei/domain";
import { canonicalJson } from "../crypto/canonical-json.ts";

/**
 * What the applicant signs with the My Number card (NF_JPKI): the application's reference and the
 * particulars the form states, as canonical JSON. A signature made before the particulars changed
 * no longer matches, so it cannot be reused for other particulars or another application.
 */
export function jpkiSigningPayload(reference: string, particulars: Particulars): Buffer {
  return Buffer.from(
    canonicalJson({
      purpose: "jitsumei:application:v1",
      reference,
      name: particulars.name,
      birthDate: particulars.birthDate,
      sex: particulars.sex ?? null,
      address: particulars.address ?? null,
    }),
    "utf8",
  );
}

export function sha256Hex(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Whether the application holds a JPKI signature made over other particulars than the form's now
 * (a correction changed the name, birth date, sex or address): that signature can no longer prove
 * them, and the applicant must sign again. Compared on the data the signature was verified over, so
 * no signature is checked here.
 */
export function jpkiSignatureOutdated(
  reference: string,
  particulars: Particulars | null,
  evidence: readonly { kind: string; payload?: string }[],
): boolean {
  const jpki = evidence.find((e) => e.kind === "jpki");
  if (!jpki?.payload || !particulars) return false;
  return !Buffer.from(jpki.payload, "base64").equals(jpkiSigningPayload(reference, particulars));
}

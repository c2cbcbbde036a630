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
